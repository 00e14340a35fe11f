import { suspiciousEvents } from '../events/suspicious';
import { browser } from 'wxt/browser';
import type { ContentMessage, ContentReply, HibpRangeMessage, PromptDismissMessage, PromptReplies, PromptStatesMessage, RecoveryCodesShownMessage } from '../messages';
import { HIBP_PADDING_HEADER, hibpRangeUrl, parseRangeResponse, type HibpRangeReply } from '../prompts/breach/hibp';
import { PROMPT_IDS, promptScopeOf, promptStateKey, type PromptScope } from '../prompts/ids';
import { applyPromptAction, isPromptSilenced } from '../prompts/state';
import type { TrustedSender } from '../sender';
import { accountIdOf, getAccount, getEvents, getPromptStates, getSettings, openStore, savePromptState, updateObserved, type ObservedFacts } from '../store';
import { accountAuditReply, EVENTS_TO_REVIEW_LIMIT } from '../prompts/account-audit';
import type { PypiGuardDb } from '../store/schema';
import { noteLoginPageShown, notePasswordSubmitted } from './passwords';
import { pendingLoginUsername } from './snapshots';
import { recoveryAssistantQuery } from '../recovery/query';
import { candidateKinds } from '../pypi/pages';
import { tabAccount } from './tab-accounts';
import { hasDataConsent } from '../data-consent';
import { withDb } from './with-db';

/**
 * The background's side of the in-page prompts. Every handler trusts only the sender's PyPI host
 * (from the browser, not the message) and the schema-checked message; none receives a secret.
 * A message that acts on an account by name is done only for the account the sender's tab last
 * showed (tab-accounts.ts): a page that makes a prompt name someone else changes and reads nothing.
 */

type ContentScriptSender = Extract<TrustedSender, { kind: 'content-script' }>;

export interface PromptDeps {
  openDb(): Promise<PypiGuardDb>;
  now(): number;
  fetch: typeof fetch;
  isOnline(): boolean;
  openTab(url: string, openerTabId: number | undefined): Promise<void>;
  /** Waits before retrying a write for an account the page model has not stored yet. */
  sleep(ms: number): Promise<void>;
  /** The account the sender's tab last showed (its last snapshot), or null. */
  tabAccount(from: ContentScriptSender): Promise<string | null>;
  /** Whether the browser's own data consent lets the breach check send its prefix (Firefox; always on Chrome). */
  breachCheckConsented(): Promise<boolean>;
}

export const defaultPromptDeps: PromptDeps = {
  openDb: () => openStore(),
  now: () => Date.now(),
  fetch: (...args) => fetch(...args),
  isOnline: () => navigator.onLine,
  async openTab(url, openerTabId) {
    await browser.tabs.create({ url, ...(openerTabId !== undefined && { openerTabId }) });
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  tabAccount,
  breachCheckConsented: () => hasDataConsent('breachCheck'),
};

/** The recovery assistant (another page of the extension); `from=prompt` says who sent the user. */
export const RECOVERY_ASSISTANT_PATH = '/recovery.html';

/** Have I Been Pwned gets this long to answer before the check says "could not check". */
export const HIBP_TIMEOUT_MS = 10_000;

export function handlePromptMessage<M extends ContentMessage>(message: M, from: ContentScriptSender, deps?: PromptDeps): Promise<ContentReply<M>>;
export async function handlePromptMessage(message: ContentMessage, from: ContentScriptSender, deps: PromptDeps = defaultPromptDeps): Promise<PromptReplies[keyof PromptReplies]> {
  switch (message.type) {
    case 'prompt-states':
      return withDb(deps, async (db) => {
        const scope = await dismissalScope(message, from, deps.now());
        const states = await getPromptStates(db, PROMPT_IDS.map((id) => promptStateKey(scope, id)));
        const now = deps.now();
        const silenced = PROMPT_IDS.filter((id) => isPromptSilenced(states.find((state) => state.id === promptStateKey(scope, id)), now));
        return { silenced } satisfies PromptReplies['prompt-states'];
      });
    case 'prompt-dismiss':
      if (message.username && !(await speaksFor(from, message.username, deps)) && !namesTypedAccount(from)) return { saved: false };
      return withDb(deps, async (db) => {
        const key = promptStateKey(await dismissalScope(message, from, deps.now()), message.promptId);
        await savePromptState(db, applyPromptAction(key, message.action, deps.now()));
        return { saved: true };
      });
    case 'hibp-range':
      return hibpRange(message, deps);
    case 'password-submitted':
      return notePasswordSubmitted(message, from, deps.now());
    case 'login-page-shown':
      return noteLoginPageShown(message, from, deps, deps.now());
    case 'recovery-codes-shown':
      return storeDrillHashes(message, from, deps);
    case 'recovery-drill-forget':
      if (!(await speaksFor(from, message.username, deps))) return { forgotten: false };
      return withDb(deps, async (db) => {
        const record = await updateObserved(db, accountIdOf(from.host, message.username), (observed) => withoutDrill(observed));
        return { forgotten: record !== undefined };
      });
    case 'account-audit':
      // Until the tab's own snapshot names this account, the page model may still be storing it:
      // "pending" makes the nudges ask again for a few seconds, then give up.
      if (!(await speaksFor(from, message.username, deps))) return { state: 'pending' };
      return withDb(deps, async (db) => {
        const id = accountIdOf(from.host, message.username);
        const [account, events, settings, snapshots] = await Promise.all([getAccount(db, id), getEvents(db, id), getSettings(db), db.getAllFromIndex('snapshots', 'byAccount', id)]);
        // Views that read the security history (a snapshot without it has no event count).
        const historyViewTimes = snapshots.filter((snapshot) => snapshot.eventCount !== undefined).map((snapshot) => snapshot.seenAt);
        return accountAuditReply(account, events, settings, deps.now(), message.pageSeenAfter, historyViewTimes);
      });
    case 'acknowledge-events': {
      if (!(await speaksFor(from, message.username, deps))) return { acknowledged: false };
      const id = accountIdOf(from.host, message.username);
      const shown = new Set(message.shownEventIds);
      const record = await withDb(deps, async (db) => {
        // "It was me" speaks for the rows the user saw: with a suspicious row left unseen, nothing is
        // accepted — unless the card's list was full (it carries at most EVENTS_TO_REVIEW_LIMIT rows,
        // newest first) and every row left out is older than every row shown: a burst of 25 failed
        // logins must not make the answer impossible.
        const [account, events] = await Promise.all([getAccount(db, id), getEvents(db, id)]);
        const unseen = suspiciousEvents(events, account?.observed?.eventsAcknowledgedAt ?? -Infinity).filter(({ event }) => !shown.has(event.id));
        const oldestShown = Math.min(...events.filter((event) => shown.has(event.id)).map((event) => event.time));
        const cutOnlyByTheLimit = shown.size >= EVENTS_TO_REVIEW_LIMIT && unseen.every(({ event }) => event.time <= oldestShown);
        if (unseen.length > 0 && !cutOnlyByTheLimit) return undefined;
        return updateObserved(db, id, (observed) => ({ ...observed, eventsAcknowledgedAt: deps.now() }));
      });
      return { acknowledged: record !== undefined };
    }
    case 'open-recovery-assistant': {
      // The two-factor page names no account: the username typed on the login form just before, in
      // this tab, says which one (the assistant then skips its first question). Without it, the
      // assistant preselects the host's stored account.
      const query = recoveryAssistantQuery({ host: from.host, username: await pendingLoginUsername(from, deps.now()), from: 'prompt' });
      await deps.openTab(`${browser.runtime.getURL(RECOVERY_ASSISTANT_PATH as '/')}${query}`, from.tabId);
      return { opened: true };
    }
  }
}

/** True when `username` is the account the sender's tab last showed (usernames match without regard to case). */
async function speaksFor(from: ContentScriptSender, username: string, deps: PromptDeps): Promise<boolean> {
  return (await deps.tabAccount(from).catch(() => null)) === accountIdOf(from.host, username);
}

/**
 * The login and register pages name no account, and no snapshot comes from them: there, and only
 * for the dismissals of their own prompts, the username typed in the form is the account (a name
 * that need not exist yet; it only scopes "Don't show again", and reads or changes no account).
 */
function namesTypedAccount(from: ContentScriptSender): boolean {
  if (!from.path) return false;
  const kinds = candidateKinds(new URL(from.path, `https://${from.host}`)).map((definition) => definition.kind);
  return kinds.includes('login') || kinds.includes('register');
}

/**
 * Whose dismissals a prompt message is about: the named account, else — on the sign-in steps —
 * the login pending in the sender's tab, else (nobody known) the sender's whole PyPI host.
 */
async function dismissalScope(message: PromptStatesMessage | PromptDismissMessage, from: ContentScriptSender, now: number): Promise<PromptScope> {
  const username = message.username ?? (message.signingIn ? await pendingLoginUsername(from, now) : null);
  return promptScopeOf(from.host, username);
}

/**
 * Fetches one range from Have I Been Pwned with padding, unless the user turned the check off.
 * The answer goes back whole (minus padding): the content script holds the rest of the hash.
 */
async function hibpRange(message: HibpRangeMessage, deps: PromptDeps): Promise<HibpRangeReply> {
  const settings = await withDb(deps, (db) => getSettings(db));
  if (!settings.breachCheck || !(await deps.breachCheckConsented())) return { ok: false, reason: 'disabled' };
  if (!deps.isOnline()) return { ok: false, reason: 'offline' };
  try {
    const response = await deps.fetch(hibpRangeUrl(message.prefix), {
      headers: HIBP_PADDING_HEADER,
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(HIBP_TIMEOUT_MS),
    });
    if (!response.ok) return { ok: false, reason: 'unavailable' };
    return { ok: true, entries: parseRangeResponse(await response.text()) };
  } catch {
    // A network error (no connection, DNS, blocked) or the time-out.
    return { ok: false, reason: deps.isOnline() ? 'unavailable' : 'offline' };
  }
}

function withoutDrill(observed: ObservedFacts): ObservedFacts {
  const { recoveryDrill: _dropped, ...rest } = observed;
  return rest;
}

/** Replaces the drill's hashes with those of the codes just shown (a regeneration kills the old ones). */
async function storeDrillHashes(message: RecoveryCodesShownMessage, from: ContentScriptSender, deps: PromptDeps): Promise<PromptReplies['recovery-codes-shown']> {
  const id = accountIdOf(from.host, message.username);
  const store = () =>
    withDb(deps, (db) =>
      updateObserved(db, id, (observed) => ({
        ...observed,
        recoveryDrill: { salt: message.salt, iterations: message.iterations, hashes: message.hashes, codesShownAt: deps.now() },
      })),
    );
  // Only for the account this tab's page showed. The page model stores it from the same page and
  // may be a moment behind (a first-ever visit, a slow user menu): one more try after a pause.
  const attempt = async () => ((await speaksFor(from, message.username, deps)) ? store() : undefined);
  let record = await attempt();
  if (!record) {
    await deps.sleep(2_000);
    record = await attempt();
  }
  const { drillIntervalDays } = await withDb(deps, (db) => getSettings(db));
  return { stored: record !== undefined, drillIntervalDays };
}

