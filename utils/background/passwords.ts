import type { AccountSnapshot } from '../pypi/snapshot';
import type { PasswordResetLandedMessage, PasswordSubmittedMessage } from '../messages';
import type { TrustedSender } from '../sender';
import { accountIdOf, updateObserved, type AccountRecord, type ObservedFacts } from '../store';
import type { PypiGuardDb } from '../store/schema';

/**
 * What PyPI Guard learns from PyPI's password forms: a zxcvbn score and times, never a password.
 * A submit is remembered per tab, in memory, until the next page tells whether PyPI accepted it:
 * - login: any later account page of the same user in the tab (the password was right);
 * - change: /manage/account/ whose security history shows `account:password:change` since the submit;
 * - reset: PyPI's success message on the login page it redirects to; the login that follows
 *   then records the new password's score and the change time.
 */

type ContentScriptSender = Extract<TrustedSender, { kind: 'content-script' }>;

/** Long enough for a redirect or a two-factor step, short enough that a stale submit is forgotten. */
export const PASSWORD_SUBMIT_TTL_MS = 10 * 60_000;
/** PyPI's clock and this one may differ; an event this much older than the submit still counts. */
const EVENT_CLOCK_SLACK_MS = 5 * 60_000;

interface PendingSubmit {
  form: PasswordSubmittedMessage['form'];
  username?: string;
  score: PasswordSubmittedMessage['score'];
  breached?: boolean;
  afterReset?: boolean;
  at: number;
}

const pendingSubmits = new Map<string, PendingSubmit>();
const tabKey = (from: ContentScriptSender) => `${from.tabId ?? -1}|${from.host}`;

export interface PasswordDeps {
  openDb(): Promise<PypiGuardDb>;
}

function current(from: ContentScriptSender, now: number): PendingSubmit | undefined {
  const pending = pendingSubmits.get(tabKey(from));
  if (pending && now - pending.at > PASSWORD_SUBMIT_TTL_MS) {
    pendingSubmits.delete(tabKey(from));
    return undefined;
  }
  return pending;
}

async function withDb<T>(deps: PasswordDeps, work: (db: PypiGuardDb) => Promise<T>): Promise<T> {
  const db = await deps.openDb();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

function without<K extends keyof ObservedFacts>(observed: ObservedFacts, key: K): ObservedFacts {
  const { [key]: _removed, ...rest } = observed;
  return rest;
}

export async function notePasswordSubmitted(message: PasswordSubmittedMessage, from: ContentScriptSender, deps: PasswordDeps, now: number): Promise<{ noted: boolean }> {
  const { type: _type, ...submit } = message;
  pendingSubmits.set(tabKey(from), { ...submit, at: now });
  // PyPI refuses a breached password at login and disables it (pypi-facts.md §7): the login
  // will fail, so the breach is recorded now rather than on a success that will not come.
  if (message.form === 'login' && message.breached && message.username) {
    const username = message.username;
    await withDb(deps, (db) => updateObserved(db, accountIdOf(from.host, username), (observed) => ({ ...observed, breachFoundAt: now })));
  }
  return { noted: true };
}

export function notePasswordResetLanded(message: PasswordResetLandedMessage, from: ContentScriptSender, now: number): { resetConfirmed: boolean } {
  const pending = current(from, now);
  if (pending?.form !== 'reset') return { resetConfirmed: false };
  pendingSubmits.delete(tabKey(from));
  return { resetConfirmed: message.succeeded };
}

/**
 * Called for every snapshot the background stored (record) or dropped (null): settles a pending
 * login or change submitted in the same tab.
 */
export async function notePasswordOutcome(snapshot: AccountSnapshot, from: ContentScriptSender, record: AccountRecord | null, deps: PasswordDeps, now: number): Promise<void> {
  const pending = current(from, now);
  if (!pending || !record || pending.form === 'reset' || snapshot.pageKind === 'login') return;
  if (pending.username && pending.username.toLowerCase() !== record.username.toLowerCase()) {
    pendingSubmits.delete(tabKey(from));
    return;
  }

  if (pending.form === 'login') {
    pendingSubmits.delete(tabKey(from));
    await withDb(deps, (db) =>
      updateObserved(db, record.id, (observed) => {
        let next: ObservedFacts = { ...observed, passwordScore: { value: pending.score, seenAt: now } };
        if (pending.afterReset) next = without({ ...next, passwordChangedAt: now }, 'breachFoundAt');
        // Signed in with a password HIBP does not list: an older breach finding is about an old password.
        if (pending.breached === false) next = without(next, 'breachFoundAt');
        return next;
      }),
    );
    return;
  }

  // change: the account page that follows the submit says whether PyPI took the new password.
  if (snapshot.pageKind !== 'account-settings') return;
  pendingSubmits.delete(tabKey(from));
  const changedAt = (snapshot.securityEvents ?? [])
    .filter((event) => event.tag === 'account:password:change' && event.time >= pending.at - EVENT_CLOCK_SLACK_MS)
    .reduce<number | null>((newest, event) => Math.max(newest ?? 0, event.time), null);
  if (changedAt === null) return;
  await withDb(deps, (db) =>
    updateObserved(db, record.id, (observed) =>
      without({ ...observed, passwordChangedAt: changedAt, passwordScore: { value: pending.score, seenAt: now } }, 'breachFoundAt'),
    ),
  );
}

/** For tests: forget every pending submit. */
export function resetPendingSubmits(): void {
  pendingSubmits.clear();
}
