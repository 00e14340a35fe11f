import type { EmailDomainRecord } from '../email-domain/types';
import type { Reminder } from '../reminders/types';
import type { Settings } from '../settings';
import type { AccountRecord, StoredEvent } from '../store/types';
import { runAudit, type Audit } from './index';

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

/** Runs the audit of each account; the newest events first, as the audit reads them. */
export function auditEveryAccount(
  accounts: readonly { account: AccountRecord; events: readonly StoredEvent[] }[],
  settings: Settings,
  now: number,
  emailDomains: readonly EmailDomainRecord[] = [],
): AccountAudit[] {
  return accounts.map(({ account, events }) => ({
    account,
    audit: runAudit({ account, events: [...events].sort((a, b) => b.time - a.time), settings, emailDomains }, now),
  }));
}

/** Failing checks across accounts: the badge's red number. */
export const failingChecksOf = (entries: readonly AccountAudit[]) => entries.reduce((sum, entry) => sum + entry.audit.failCount, 0);
