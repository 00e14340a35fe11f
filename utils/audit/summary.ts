import type { EmailDomainRecord } from '../email-domain/types';
import type { Reminder } from '../reminders/types';
import type { Settings } from '../settings';
import type { HistorySummary } from '../events/history-summary';
import type { AccountRecord } from '../store/types';
import { runAudit, type Audit } from './index';
import { triageAccount } from './triage';

export interface AccountAudit {
  account: AccountRecord;
  audit: Audit;
}

/**
 * The audit of every stored account and the reminders outstanding, as the background's last tick
 * computed them. The popup paints from it at once — one small record instead of every account's
 * whole history — and then checks it against the store (entrypoints/popup/data.ts).
 */
export interface AuditSummary {
  computedAt: number;
  entries: AccountAudit[];
  reminders: Reminder[];
}

/** Runs the audit of each account. */
export function auditEveryAccount(
  accounts: readonly { account: AccountRecord; history: HistorySummary }[],
  settings: Settings,
  now: number,
  emailDomains: readonly EmailDomainRecord[] = [],
): AccountAudit[] {
  return accounts.map(({ account, history }) => ({ account, audit: runAudit({ account, history, settings, emailDomains }, now) }));
}

/** Problems across accounts, counted as the popup lists them (one per fix): the badge's red number. */
export const problemsOf = (entries: readonly AccountAudit[]) => entries.reduce((sum, entry) => sum + triageAccount(entry.audit.results).problems, 0);
