import { browser } from 'wxt/browser';
import { browserLookalikeOptInApi } from './browser-api';
import { LOOKALIKE_OPT_IN_ORIGINS, LOOKALIKE_WARNING_FILE, reconcile, warningTarget } from './opt-in';

/**
 * The background's part of the opt-in look-alike check (see opt-in.ts). A listener of its own,
 * beside the message router: the probe runs on non-PyPI pages, which the router rightly refuses,
 * and its one message asks only for the warning to be shown in its own frame — after the host is
 * checked again here, from the browser's sender URL. It never gets an answer or any data.
 */
export function setupLookalikeOptIn(): void {
  const ownId = browser.runtime.id;
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const target = warningTarget(message, sender, ownId);
    if (target) void browser.scripting.executeScript({ target, files: [LOOKALIKE_WARNING_FILE] }).catch(() => undefined);
    return undefined; // no reply: the router's listener answers everything else
  });
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
