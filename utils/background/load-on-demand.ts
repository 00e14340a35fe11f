import * as v from 'valibot';
import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { LoadOnDemandMessageSchema, type LoadOnDemandMessage, type LoadOnDemandReply } from '../messages';
import { matchPatternCovers } from '../pypi/match-patterns';
import { passwordPageMatches, passwordTriggerMatches, promptPageMatches } from '../prompts/match-patterns';
import { classifySender } from '../sender';

/**
 * Code a PyPI page gets only once it needs it, and the pages each may be injected into:
 * - `prompts` (content-scripts/prompts.js) on the account and two-factor pages, once they have
 *   loaded and been idle (the prompts trigger), and on the signed-out password pages once a
 *   password field is used (the password trigger);
 * - `zxcvbn` (~800 kB) on every page with a password form.
 */
export const ON_DEMAND_SCRIPTS = {
  prompts: { file: '/content-scripts/prompts.js', pages: () => [...passwordTriggerMatches(), ...promptPageMatches()] },
  zxcvbn: { file: '/zxcvbn.js', pages: passwordPageMatches },
} as const satisfies Record<LoadOnDemandMessage['script'], { file: string; pages: () => string[] }>;

type OnDemandFile = (typeof ON_DEMAND_SCRIPTS)[keyof typeof ON_DEMAND_SCRIPTS]['file'];

/** What the background needs to know about a message's sender. */
export type OnDemandSender = Pick<Runtime.MessageSender, 'id' | 'url' | 'frameId' | 'tab'>;

/**
 * Where to inject what a load-on-demand message asks for, or null to ignore it: only from this
 * extension's own content script, in a tab, on a page the script is for — read from the
 * browser's sender URL, never from the message.
 */
export function onDemandTarget(message: unknown, sender: OnDemandSender, ownId: string, ownOrigin: string): { tabId: number; frameIds: number[]; file: OnDemandFile } | null {
  const parsed = v.safeParse(LoadOnDemandMessageSchema, message);
  // The router's own rule for content scripts (utils/sender.ts): this extension, a PyPI tab, never a private one.
  if (!parsed.success || classifySender(sender, ownId, ownOrigin)?.kind !== 'content-script') return null;
  if (sender.tab?.id === undefined || !sender.url) return null;
  const { file, pages } = ON_DEMAND_SCRIPTS[parsed.output.script];
  if (!pages().some((pattern) => matchPatternCovers(pattern, sender.url!))) return null;
  return { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0], file };
}

/**
 * The background's part of loading on demand: a listener of its own beside the message router
 * (whose messages are about accounts; this one is about the sender's frame). Answers once the
 * script has run in that frame; injection needs host access to PyPI (the manifest's
 * `host_permissions`, the same sites the content scripts run on).
 */
export function setupLoadOnDemand(): void {
  const ownId = browser.runtime.id;
  const ownOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender): Promise<LoadOnDemandReply> | undefined => {
    const target = onDemandTarget(message, sender, ownId, ownOrigin);
    if (!target) return undefined; // not ours: the router answers everything else
    const { file, ...where } = target;
    return browser.scripting.executeScript({ target: where, files: [file] }).then(
      () => ({ loaded: true }),
      () => ({ loaded: false }),
    );
  });
}
