import type { Runtime } from 'webextension-polyfill';
import { pypiHostOf, type PypiHost } from './pypi/hosts';

export type TrustedSender =
  /** `path`: the page's path, from the browser (which pages may name an account only typed in a form). */
  | { kind: 'content-script'; host: PypiHost; tabId: number | undefined; path?: string }
  | { kind: 'extension-page' };

/**
 * Decides whether a message came from this extension's own code: a content script running
 * on a pypi.org / test.pypi.org page, or one of our extension pages. Returns null otherwise —
 * also for anything from a private window: the manifest keeps PyPI Guard out of them
 * (`incognito: "not_allowed"`), and should a browser let it in anyway, nothing from a private tab
 * is stored.
 */
export function classifySender(
  sender: Pick<Runtime.MessageSender, 'id' | 'url' | 'tab'>,
  ownId: string,
  ownOrigin: string,
): TrustedSender | null {
  if (sender.id !== ownId || !sender.url || sender.tab?.incognito) return null;
  // Our own pages first: the options page and the assistant live in tabs too.
  if (sender.url.startsWith(ownOrigin)) return { kind: 'extension-page' };
  if (!sender.tab) return null;
  const host = pypiHostOf(sender.url);
  return host ? { kind: 'content-script', host, tabId: sender.tab.id, path: new URL(sender.url).pathname } : null;
}
