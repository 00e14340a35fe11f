import { t } from '@/utils/text/messages';
import { largeMailProviderOf, mailHostOf } from '@/utils/email-domain/mail-providers';
import { auditEveryAccount, type AccountAudit, type AuditSummary } from '@/utils/audit/summary';
import type { PypiHost } from '@/utils/pypi/hosts';
import { due, outstanding, type LocalClock, type Reminder } from '@/utils/reminders';
import { getSettings, readReminderInput } from '@/utils/store';
import { byUrgency, triageAccount } from '@/utils/audit/triage';
import { accountHeadline } from './triage';
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
 * Every stored account with its audit (the most urgent first, see triage.ts)
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

/** The most urgent account first (triage.ts); among equals, the active tab's PyPI, then the most recently seen. */
function inPopupOrder(entries: readonly AccountAudit[], activeHost: PypiHost | null): AccountAudit[] {
  const onActiveHost = (entry: AccountAudit) => (entry.account.host === activeHost ? 0 : 1);
  return byUrgency([...entries].sort((a, b) => onActiveHost(a) - onActiveHost(b) || b.account.lastSeenAt - a.account.lastSeenAt));
}

/**
 * The headline over all accounts: which accounts are at risk, never a sum of checks across them
 * ("alice: 2 problems", "2 accounts at risk").
 */
export function overallState(entries: AccountAudit[]): { tone: 'fail' | 'warn' | 'pass' | 'unknown'; text: string } {
  const triaged = entries.map((entry) => ({ entry, triage: triageAccount(entry.audit.results) }));
  const atRisk = triaged.filter(({ triage }) => triage.problems > 0);
  const name = ({ entry, triage }: (typeof triaged)[number]) =>
    t('overall_account', { account: sameNameElsewhere(entry) ? t('account_on_host', { username: entry.account.username, host: entry.account.host }) : entry.account.username, headline: accountHeadline(triage) });
  const sameNameElsewhere = (entry: AccountAudit) => entries.some((other) => other !== entry && other.account.username === entry.account.username);
  if (atRisk.length === 1) return { tone: 'fail', text: name(atRisk[0]!) };
  if (atRisk.length > 1) return { tone: 'fail', text: t('overall_at_risk', { count: atRisk.length }) };
  const toImprove = triaged.filter(({ triage }) => triage.toImprove > 0);
  if (toImprove.length === 1) return { tone: 'warn', text: name(toImprove[0]!) };
  if (toImprove.length > 1) return { tone: 'warn', text: t('overall_could_be_safer', { count: toImprove.length }) };
  // A page PyPI changed is no reason to call the account fine.
  const unread = triaged.filter(({ entry }) => entry.audit.results.some((result) => result.status === 'unreadable'));
  if (unread.length > 0) return { tone: 'unknown', text: t('overall_unread', { count: unread.length }) };
  if (entries.every((entry) => entry.audit.score === null)) return { tone: 'unknown', text: t('overall_not_enough') };
  return { tone: 'pass', text: entries.length === 1 ? t('overall_good_one') : t('overall_good_many') };
}
