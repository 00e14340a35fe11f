import { keyPart, t } from '@/utils/text/messages';
import type { Lookalike } from './detect';

/**
 * The words of the look-alike warning, shared by the page's interstitial, the toolbar button's
 * title for the tab and the notification: one vocabulary wherever the user meets it.
 */

/** Why this host is not PyPI, in one sentence. */
export function whyNotPypi(lookalike: Lookalike): string {
  return t(`lookalike_why_${keyPart(lookalike.reason)}`, { site: lookalike.site });
}

/** The toolbar button's title on the tab: what the page cannot reach or hide. */
export function lookalikeTabTitle(lookalike: Lookalike): string {
  return t('lookalike_tab_title', { host: lookalike.displayName });
}

/** The one notification for a look-alike site. */
export function lookalikeNotification(lookalike: Lookalike): { title: string; message: string } {
  return { title: t('lookalike_notification_title'), message: t('lookalike_notification_message', { host: lookalike.displayName }) };
}
