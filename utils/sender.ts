import type { Runtime } from 'webextension-polyfill';
import { pypiHostOf, type PypiHost } from './pypi/hosts';

export type TrustedSender =
  | { kind: 'content-script'; host: PypiHost; tabId: number | undefined }
  | { kind: 'extension-page' };

/**
 * Decides whether a message came from this extension's own code: a content script running
 * on a pypi.org / test.pypi.org page, or one of our extension pages. Returns null otherwise.
 */
export function classifySender(
  sender: Pick<Runtime.MessageSender, 'id' | 'url' | 'tab'>,
  ownId: string,
  ownOrigin: string,
): TrustedSender | null {
  if (sender.id !== ownId) return null;
  if (sender.tab) {
    const host = sender.url ? pypiHostOf(sender.url) : null;
    return host ? { kind: 'content-script', host, tabId: sender.tab.id } : null;
  }
  if (sender.url && sender.url.startsWith(ownOrigin)) return { kind: 'extension-page' };
  return null;
}
