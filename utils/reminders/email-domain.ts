import { formatDate } from '../text/format';
import { largeMailProviderOf, mailHostOf } from '../email-domain/mail-providers';
import { daysUntil, WARN_WINDOW_DAYS } from '../email-domain/standing';
import type { EmailDomainRecord } from '../email-domain/types';
import type { AccountRecord } from '../store/types';
import { formatList, t } from '../text/messages';
import { accountLabel } from './text';
import { DAY_MS, type ReminderCandidate, type ReminderKindModule } from './types';

/** Days before expiry at which a domain reminds: entering the warn window, then 14 and 3 days. */
export const EMAIL_DOMAIN_REMINDER_DAYS = [WARN_WINDOW_DAYS, 14, 3] as const;

/**
 * One reminder per email domain (not per account: the pypi.org and test.pypi.org accounts of one
 * person usually share an address, and one domain is one thing to renew). Each mark is a period
 * of its own, so crossing into the window, then 14 and 3 days before expiry, each notify once;
 * a renewal moves the expiry and ends them. A domain already past expiry is the audit's failure
 * (and the badge's red count), not a reminder.
 */
function candidateFor(record: EmailDomainRecord, accounts: readonly AccountRecord[], now: number): ReminderCandidate | null {
  const answer = record.answer;
  if (answer?.kind !== 'registered' || answer.expiresAt === null || answer.expiresAt <= now) return null;
  const users = accounts.filter((account) =>
    (account.emails?.value ?? []).some((email) => {
      const host = mailHostOf(email.address);
      return host !== null && !largeMailProviderOf(host) && record.hosts.includes(host);
    }),
  );
  const first = users[0];
  if (!first) return null;
  const { expiresAt } = answer;
  // The latest mark already reached; before the window, the first mark, upcoming.
  const reached = EMAIL_DOMAIN_REMINDER_DAYS.filter((days) => now >= expiresAt - days * DAY_MS);
  const days = reached.at(-1) ?? EMAIL_DOMAIN_REMINDER_DAYS[0];
  const left = daysUntil(expiresAt, now);
  return {
    id: `email-domain|${record.domain}`,
    kind: 'email-domain',
    accountId: first.id,
    period: `domain-expiring:${record.domain}:${expiresAt}:${days}d`,
    reason: 'state',
    trigger: 'domain-expiring',
    dueAt: expiresAt - days * DAY_MS,
    title: t('reminder_email_domain_title', { domain: record.domain, count: left }),
    message: t('reminder_email_domain_message', {
      domain: record.domain,
      date: formatDate(expiresAt),
      accounts: formatList(users.map((account) => accountLabel(account.username, account.host))),
    }),
    openUrl: `https://${first.host}/manage/account/#account-emails`,
  };
}

export const emailDomain: ReminderKindModule = {
  kind: 'email-domain',
  setting: 'emailDomain',
  candidates(input, settings, now) {
    if (!settings.emailDomainCheck) return [];
    const accounts = input.accounts.map(({ account }) => account);
    return (input.emailDomains ?? []).flatMap((record) => candidateFor(record, accounts, now) ?? []);
  },
};
