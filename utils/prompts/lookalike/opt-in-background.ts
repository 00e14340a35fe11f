import { browser } from 'wxt/browser';
import { browserLookalikeOptInApi } from './browser-api';
import { LOOKALIKE_OPT_IN_ORIGINS, reconcile } from './opt-in';

/**
 * The background's part of the opt-in look-alike check (see opt-in.ts): the probe's registration
 * follows the access to all sites. The probe's message is handled with the warning's own
 * (utils/background/lookalike.ts).
 */
export function setupLookalikeOptIn(): void {
  // The access granted or taken back — from the options toggle or the browser's own settings.
  const follow = () => void reconcile(browserLookalikeOptInApi).catch(() => undefined);
  const touchesAllSites = (changed: { origins?: string[] }) => changed.origins?.some((origin) => LOOKALIKE_OPT_IN_ORIGINS.includes(origin)) ?? false;
  browser.permissions.onAdded.addListener((added) => touchesAllSites(added) && follow());
  browser.permissions.onRemoved.addListener((removed) => touchesAllSites(removed) && follow());
  // Browsers drop registered scripts on an extension update or reload: register again at start.
  browser.runtime.onStartup.addListener(follow);
  browser.runtime.onInstalled.addListener(follow);
  follow();
}
