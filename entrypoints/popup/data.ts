import type { CheckResult, CheckStatus } from '@/utils/audit';
import { largeMailProviderOf, mailHostOf } from '@/utils/email-domain/mail-providers';
import { auditEveryAccount, type AccountAudit, type AuditSummary } from '@/utils/audit/summary';
import type { PypiHost } from '@/utils/pypi/hosts';
import { due, outstanding, type LocalClock, type Reminder } from '@/utils/reminders';
import { getSettings, readReminderInput } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';

export type { AccountAudit } from '@/utils/audit/summary';

export interface PopupData {
  entries: AccountAudit[];
  /** Reminders due now and not snoozed or done: the same list the badge and notifications use. */
  reminders: Reminder[];
  /**
   * The accounts' own email domains (not at a large provider) while the email-domain check is
   * off and its one-time offer unanswered: what the popup offers to check. Empty otherwise.
   */
  emailDomainsToOffer: string[];
}

/**
 * Every stored account with its audit (the active tab's PyPI first, then the most recently seen)
 * and the reminders due. One read of the store feeds both: the popup's paint waits on IndexedDB,
 * and one transaction costs far less than one per account. The popup shares the extension's
 * origin with the background, so it reads the store directly.
 */
export async function loadPopupData(db: PypiGuardDb, now: number, activeHost: PypiHost | null, clock?: LocalClock): Promise<PopupData> {
  const [input, settings] = await Promise.all([readReminderInput(db), getSettings(db)]);
  return {
    entries: inPopupOrder(auditEveryAccount(input.accounts, settings, now, input.emailDomains), activeHost),
    reminders: outstanding(due(input, settings, now, clock)),
    emailDomainsToOffer: settings.emailDomainCheck || settings.emailDomainCheckOffered ? [] : customMailHosts(input.accounts.map(({ account }) => account)),
  };
}

/** Mail hosts of the accounts' addresses that no large provider owns, each once. */
function customMailHosts(accounts: readonly AccountAudit['account'][]): string[] {
  const hosts = accounts.flatMap((account) => (account.emails?.value ?? []).map((email) => mailHostOf(email.address)));
  return [...new Set(hosts.filter((host): host is string => host !== null && !largeMailProviderOf(host)))];
}

/**
 * What the popup paints first: the background's last summary (utils/audit/summary.ts), one small
 * record, in the popup's order. `loadPopupData` follows and replaces it.
 */
export function popupDataOf(summary: AuditSummary, activeHost: PypiHost | null): PopupData {
  return { entries: inPopupOrder(summary.entries, activeHost), reminders: summary.reminders, emailDomainsToOffer: [] };
}

/** The active tab's PyPI first, then the most recently seen. */
function inPopupOrder(entries: readonly AccountAudit[], activeHost: PypiHost | null): AccountAudit[] {
  const onActiveHost = (entry: AccountAudit) => (entry.account.host === activeHost ? 0 : 1);
  return [...entries].sort((a, b) => onActiveHost(a) - onActiveHost(b) || b.account.lastSeenAt - a.account.lastSeenAt);
}

const SEVERITY: Record<CheckStatus, number> = { fail: 0, warn: 1, unreadable: 2, unknown: 3, pass: 4 };

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
  // A page PyPI changed is no reason to call the account fine.
  const unread = entries.reduce((sum, entry) => sum + entry.audit.results.filter((result) => result.status === 'unreadable').length, 0);
  if (unread > 0) return { tone: 'unknown', text: `${unread} check${unread === 1 ? '' : 's'} could not read PyPI's page` };
  if (entries.every((entry) => entry.audit.score === null)) return { tone: 'unknown', text: 'Not enough seen yet' };
  return { tone: 'pass', text: 'Your PyPI account is in good shape' };
}
