import { runAudit, type Audit, type CheckResult, type CheckStatus } from '@/utils/audit';
import type { PypiHost } from '@/utils/pypi/hosts';
import { due, outstanding, type LocalClock, type Reminder } from '@/utils/reminders';
import { getAccounts, getEvents, getSettings, readReminderInput, type AccountRecord } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';

export interface AccountAudit {
  account: AccountRecord;
  audit: Audit;
}

/**
 * Every stored account with its audit: the active tab's PyPI first, then the most recently seen.
 * Reads the store directly (the popup shares the extension's origin with the background).
 */
export async function loadAccountAudits(db: PypiGuardDb, now: number, activeHost: PypiHost | null): Promise<AccountAudit[]> {
  const [accounts, settings] = await Promise.all([getAccounts(db), getSettings(db)]);
  const audits = await Promise.all(
    accounts.map(async (account) => ({ account, audit: runAudit({ account, events: await getEvents(db, account.id), settings }, now) })),
  );
  const onActiveHost = (entry: AccountAudit) => (entry.account.host === activeHost ? 0 : 1);
  return audits.sort((a, b) => onActiveHost(a) - onActiveHost(b) || b.account.lastSeenAt - a.account.lastSeenAt);
}

const SEVERITY: Record<CheckStatus, number> = { fail: 0, warn: 1, unknown: 2, pass: 3 };

/** An account's checks, what needs fixing first (the audit's order within each status). */
export function bySeverity(results: CheckResult[]): CheckResult[] {
  return [...results].sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status]);
}

/** Reminders due now and not snoozed or done: the same list the badge and notifications use. */
export async function loadDueReminders(db: PypiGuardDb, now: number, clock?: LocalClock): Promise<Reminder[]> {
  const [input, settings] = await Promise.all([readReminderInput(db), getSettings(db)]);
  return outstanding(due(input, settings, now, clock));
}

/** The headline over all accounts. */
export function overallState(entries: AccountAudit[]): { tone: 'fail' | 'warn' | 'pass' | 'unknown'; text: string } {
  const fails = entries.reduce((sum, entry) => sum + entry.audit.failCount, 0);
  const warns = entries.reduce((sum, entry) => sum + entry.audit.results.filter((result) => result.status === 'warn').length, 0);
  if (fails > 0) return { tone: 'fail', text: `${fails} problem${fails === 1 ? '' : 's'} could cost you your account` };
  if (warns > 0) return { tone: 'warn', text: `${warns} thing${warns === 1 ? '' : 's'} to improve` };
  if (entries.every((entry) => entry.audit.score === null)) return { tone: 'unknown', text: 'Not enough seen yet' };
  return { tone: 'pass', text: 'Your PyPI account is in good shape' };
}
