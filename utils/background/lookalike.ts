import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { parseLookalikeMessage, type LookalikeReplies } from '../messages';
import { lookalikeOf, type Lookalike } from '../prompts/lookalike/detect';
import { lookalikeNotification, lookalikeTabTitle } from '../prompts/lookalike/explain';
import { LOOKALIKE_WARNING_FILE } from '../prompts/lookalike/opt-in';
import { getPromptStates, openStore, savePromptState } from '../store';
import type { PypiGuardDb } from '../store/schema';
import { withDb } from './with-db';

/**
 * The background's side of the look-alike warning. The warning in the page is the page's to
 * attack (remove, cover, restyle); what the background does, the page cannot reach:
 * - it marks the tab: the toolbar button's badge (red "!") and title for that tab only, which the
 *   browser resets when the tab leaves the page;
 * - it shows one notification per site (per browser session);
 * - on the probe's word, it injects the warning into the reporting document (by its documentId,
 *   so a page that navigated meanwhile gets nothing);
 * - it remembers, per site, the user's deliberate choice to continue past the warning.
 * Every decision is made on the sender's URL as the browser reports it, classified here again;
 * the messages carry nothing but their type.
 */

export interface LookalikeSender {
  id?: string;
  url?: string;
  frameId?: number;
  documentId?: string;
  tab?: { id?: number; incognito?: boolean };
}

/** Where a look-alike message came from: its tab, the document to inject into, and what the host is. */
export interface LookalikeOrigin {
  tabId: number;
  target: { tabId: number; documentIds: string[] } | { tabId: number; frameIds: number[] };
  lookalike: Lookalike;
}

/**
 * The look-alike page a message comes from, or null to ignore the message: only this extension's
 * own scripts, in a normal tab (private windows are refused, as everywhere), on an http(s) page
 * whose host — read from the browser's sender URL, never from the message — imitates PyPI.
 */
export function lookalikeOrigin(sender: LookalikeSender, ownId: string): LookalikeOrigin | null {
  const tabId = sender.tab?.id;
  if (sender.id !== ownId || tabId === undefined || sender.tab?.incognito || !sender.url) return null;
  let hostname: string;
  try {
    const url = new URL(sender.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    hostname = url.hostname;
  } catch {
    return null;
  }
  const lookalike = lookalikeOf(hostname);
  if (!lookalike) return null;
  // documentIds (Chrome 106+, Firefox 133+) name the very document that reported; older Firefox
  // releases give no documentId, and the frame is the next best.
  const target = sender.documentId ? { tabId, documentIds: [sender.documentId] } : { tabId, frameIds: [sender.frameId ?? 0] };
  return { tabId, target, lookalike };
}

/** The `prompts` store key of the user's choice to continue on a look-alike site: `<site>|lookalike-host`. */
export function lookalikeContinueKey(site: string): string {
  return `${site}|lookalike-host`;
}

export interface LookalikeDeps {
  markTab(tabId: number, lookalike: Lookalike): Promise<void>;
  notifyOnce(lookalike: Lookalike): Promise<void>;
  inject(target: LookalikeOrigin['target']): Promise<void>;
  openDb(): Promise<PypiGuardDb>;
  now(): number;
}

/**
 * Handles one message from a look-alike page; undefined (no reply) for anything else, so the
 * message router's listener answers PyPI's pages and the extension's own.
 */
export function handleLookalikeMessage(raw: unknown, sender: LookalikeSender, ownId: string, deps: LookalikeDeps): Promise<LookalikeReplies[keyof LookalikeReplies]> | undefined {
  const message = parseLookalikeMessage(raw);
  const origin = message && lookalikeOrigin(sender, ownId);
  if (!message || !origin) return undefined;
  const warn = async () => {
    // The tab first: it holds even if the page defeats everything injected into it.
    await deps.markTab(origin.tabId, origin.lookalike).catch(() => undefined);
    await deps.notifyOnce(origin.lookalike).catch(() => undefined);
  };
  const key = lookalikeContinueKey(origin.lookalike.site);
  switch (message.type) {
    case 'lookalike-password-form':
      return warn().then(async () => {
        await deps.inject(origin.target).catch(() => undefined);
        return null;
      });
    case 'lookalike-page':
      return warn().then(() => withDb(deps, async (db) => ({ continued: (await getPromptStates(db, [key])).some((state) => state.dismissedAt !== undefined) })));
    case 'lookalike-continue':
      return withDb(deps, async (db) => {
        await savePromptState(db, { id: key, dismissedAt: deps.now() });
        return { saved: true };
      });
  }
}

/** The tab's look-alike mark as the background last set it (browser session only, for the popup and tests). */
export interface LookalikeTabMark {
  site: string;
  displayName: string;
  reason: Lookalike['reason'];
  markedAt: number;
}

export const lookalikeTabMarkKey = (tabId: number) => `session:lookalikeTab:${tabId}` as const;
const notifiedKey = (site: string) => `session:lookalikeNotified:${site}` as const;
/** Sites notified by this worker: spares a storage read, and two messages at once notify once. */
const notifiedHere = new Set<string>();

export const defaultLookalikeDeps: LookalikeDeps = {
  async markTab(tabId, lookalike) {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: '!' }),
      browser.action.setBadgeBackgroundColor({ tabId, color: '#cf222e' }),
      browser.action.setTitle({ tabId, title: lookalikeTabTitle(lookalike) }),
    ]);
    await storage.setItem<LookalikeTabMark>(lookalikeTabMarkKey(tabId), { site: lookalike.site, displayName: lookalike.displayName, reason: lookalike.reason, markedAt: Date.now() });
  },
  async notifyOnce(lookalike) {
    if (notifiedHere.has(lookalike.site)) return;
    notifiedHere.add(lookalike.site);
    if (await storage.getItem<boolean>(notifiedKey(lookalike.site))) return;
    await storage.setItem(notifiedKey(lookalike.site), true);
    await browser.notifications.create(`lookalike|${lookalike.site}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      ...lookalikeNotification(lookalike),
    });
  },
  async inject(target) {
    await browser.scripting.executeScript({ target, files: [LOOKALIKE_WARNING_FILE] });
  },
  openDb: () => openStore(),
  now: () => Date.now(),
};

/** Registers the listener (synchronously, at the worker's start) and forgets closed tabs' marks. */
export function setupLookalikeWarnings(deps: LookalikeDeps = defaultLookalikeDeps): void {
  const ownId = browser.runtime.id;
  browser.runtime.onMessage.addListener((message: unknown, sender) => handleLookalikeMessage(message, sender, ownId, deps));
  browser.tabs.onRemoved.addListener((tabId) => void storage.removeItem(lookalikeTabMarkKey(tabId)).catch(() => undefined));
}
