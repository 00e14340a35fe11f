import { runAudit, type Audit, type CheckResult, type CheckStatus } from '@/utils/audit';
import type { PypiHost } from '@/utils/pypi/hosts';
import { due, outstanding, type LocalClock, type Reminder } from '@/utils/reminders';
import { getSettings, readReminderInput, type AccountRecord } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';

export interface AccountAudit {
  account: AccountRecord;
  audit: Audit;
}

export interface PopupData {
  entries: AccountAudit[];
  /** Reminders due now and not snoozed or done: the same list the badge and notifications use. */
  reminders: Reminder[];
}

/**
 * Every stored account with its audit (the active tab's PyPI first, then the most recently seen)
 * and the reminders due. One read of the store feeds both: the popup's paint waits on IndexedDB,
 * and one transaction costs far less than one per account. The popup shares the extension's
 * origin with the background, so it reads the store directly.
 */
export async function loadPopupData(db: PypiGuardDb, now: number, activeHost: PypiHost | null, clock?: LocalClock): Promise<PopupData> {
  const [input, settings] = await Promise.all([readReminderInput(db), getSettings(db)]);
  const entries = input.accounts.map(({ account, events }) => ({
    account,
    // The audit reads the newest events first, as the store's per-account read returns them.
    audit: runAudit({ account, events: [...events].sort((a, b) => b.time - a.time), settings }, now),
  }));
  const onActiveHost = (entry: AccountAudit) => (entry.account.host === activeHost ? 0 : 1);
  entries.sort((a, b) => onActiveHost(a) - onActiveHost(b) || b.account.lastSeenAt - a.account.lastSeenAt);
  return { entries, reminders: outstanding(due(input, settings, now, clock)) };
}

const SEVERITY: Record<CheckStatus, number> = { fail: 0, warn: 1, unknown: 2, pass: 3 };

/** An account's checks, what needs fixing first (the audit's order within each status). */
export function bySeverity(results: CheckResult[]): CheckResult[] {
  return [...results].sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status]);
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
