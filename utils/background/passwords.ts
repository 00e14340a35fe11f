import type { AccountSnapshot } from '../pypi/snapshot';
import type { LoginPageShownMessage, PasswordSubmittedMessage } from '../messages';
import type { TrustedSender } from '../sender';
import { accountIdOf, getAccount, getEvents, updateObserved, type AccountId, type AccountRecord, type ObservedFacts } from '../store';
import { summariseHistory } from '../events/history-summary';
import { lastPasswordChange } from '../reminders/password-rotation';
import type { PypiGuardDb } from '../store/schema';
import { withDb } from './with-db';

/**
 * What PyPI Guard learns from PyPI's password forms: a zxcvbn score, a breach finding and times,
 * never a password. A submit is remembered per tab, in memory, and nothing about it is recorded
 * until the next page tells whether PyPI accepted the password:
 * - login: a later page of the same user in the tab (the two-factor step, a signed-in page) says
 *   the password was right, so its score and Have I Been Pwned's verdict describe the account's
 *   password. The login page again says it was not: a wrong password records nothing, even a
 *   breached one — unless PyPI shows its compromised-password error, which it does only for the
 *   right password (pypi-facts.md §7: it disables that password); then the breach is recorded;
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

/**
 * When the breach of the password in use was found: an earlier finding stands while it is about
 * the same password (every refused sign-in with it is the same breach, not new evidence — the
 * reminders date evidence by it), but not once a password change came after it: then this finding
 * is about the new password and is new.
 */
async function breachFoundAtFor(db: PypiGuardDb, id: AccountId, now: number): Promise<number> {
  const account = await getAccount(db, id);
  const earlier = account?.observed?.breachFoundAt;
  if (!account || earlier === undefined) return now;
  const lastChange = lastPasswordChange(account, summariseHistory(await getEvents(db, id), account.observed));
  return lastChange && lastChange.at >= earlier ? now : earlier;
}

function without<K extends keyof ObservedFacts>(observed: ObservedFacts, key: K): ObservedFacts {
  const { [key]: _removed, ...rest } = observed;
  return rest;
}

export function notePasswordSubmitted(message: PasswordSubmittedMessage, from: ContentScriptSender, now: number): { noted: boolean } {
  const { type: _type, ...submit } = message;
  // Held until the next page says whether the password was right (see above).
  pendingSubmits.set(tabKey(from), { ...submit, at: now });
  return { noted: true };
}

/**
 * A login page in a tab with a pending submit: the submit did not sign in. After a reset, PyPI's
 * success message confirms the reset. After a login, the password was wrong — or right but breached,
 * when PyPI's compromised-password error is on the page: then the breach is the account's.
 */
export async function noteLoginPageShown(message: LoginPageShownMessage, from: ContentScriptSender, deps: PasswordDeps, now: number): Promise<{ resetConfirmed: boolean; breachRecorded: boolean }> {
  const pending = current(from, now);
  if (!pending) return { resetConfirmed: false, breachRecorded: false };
  pendingSubmits.delete(tabKey(from));
  if (pending.form === 'reset') return { resetConfirmed: message.succeeded, breachRecorded: false };
  if (pending.form === 'login' && message.compromisedPassword && pending.username) {
    const id = accountIdOf(from.host, pending.username);
    const record = await withDb(deps, async (db) => {
      const breachFoundAt = await breachFoundAtFor(db, id, now);
      return updateObserved(db, id, (observed) => ({ ...observed, breachFoundAt }));
    });
    return { resetConfirmed: false, breachRecorded: record !== undefined };
  }
  return { resetConfirmed: false, breachRecorded: false };
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
    await withDb(deps, async (db) => {
      // After a reset the password is new: its breach finding is new too.
      const breachFoundAt = pending.breached === true && !pending.afterReset ? await breachFoundAtFor(db, record.id, now) : now;
      await updateObserved(db, record.id, (observed) => {
        let next: ObservedFacts = { ...observed, passwordScore: { value: pending.score, seenAt: now } };
        if (pending.afterReset) next = without({ ...next, passwordChangedAt: now }, 'breachFoundAt');
        // Signed in with a password HIBP lists (PyPI lets it through only when its own check fails).
        if (pending.breached === true) next = { ...next, breachFoundAt };
        // Signed in with a password HIBP does not list: an older breach finding is about an old password.
        if (pending.breached === false) next = without(next, 'breachFoundAt');
        return next;
      });
    });
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
