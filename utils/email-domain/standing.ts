import { formatDate } from '../text/format';
import { t } from '../text/messages';
import type { EmailFact } from '../pypi/snapshot';
import { largeMailProviderOf, mailHostOf } from './mail-providers';
import type { EmailDomainRecord, RdapFailure } from './types';

/**
 * Where one email domain stands, from its last RDAP answer: the one reading of a lookup that the
 * audit check, the reminders and the recovery assistant share. Pure and light (no public-suffix
 * list: the background already mapped each mail host to its registrable domain in the record).
 */

/** A domain that expires within this many days is a warning (and a reminder). */
export const WARN_WINDOW_DAYS = 45;
const DAY_MS = 86_400_000;

/** RDAP status values (RFC 9083 §10.2.2) of a domain its holder has lost unless restored. */
const LAPSED_STATUSES = { 'redemption period': 'redemption', 'pending delete': 'pending-delete' } as const;

export type DomainStanding =
  | { status: 'fail'; reason: 'expired' | 'redemption' | 'pending-delete' | 'held-after-expiry' | 'not-registered'; expiresAt: number | null; answeredAt: number }
  | { status: 'warn'; reason: 'expiring' | 'no-expiry-only-domain'; expiresAt: number | null; answeredAt: number }
  | { status: 'pass'; reason: 'registered' | 'no-expiry'; expiresAt: number | null; answeredAt: number }
  | { status: 'pass'; reason: 'large-provider'; provider: string }
  | { status: 'unknown'; reason: 'not-looked-up' | 'not-public' }
  | { status: 'unknown'; reason: 'no-rdap'; tld: string }
  | { status: 'unknown'; reason: 'failed'; failure: RdapFailure };

/** One domain of an account: its addresses, and the record the background keeps for it. */
export interface AccountDomain {
  /** The registrable domain (from the record), or the mail host itself when none is kept. */
  domain: string;
  addresses: string[];
  /** At least one of its addresses is verified. */
  verified: boolean;
  /** The large mail provider that owns it, if any (never looked up). */
  provider: string | null;
  record?: EmailDomainRecord;
}

/** Groups an account's addresses by registrable domain, using the background's records. */
export function accountDomains(emails: readonly EmailFact[], records: readonly EmailDomainRecord[]): AccountDomain[] {
  const byDomain = new Map<string, AccountDomain>();
  for (const email of emails) {
    const host = mailHostOf(email.address);
    if (!host) continue;
    const provider = largeMailProviderOf(host);
    const record = provider ? undefined : records.find((candidate) => candidate.hosts.includes(host));
    const domain = record?.domain ?? host;
    const entry = byDomain.get(domain) ?? { domain, addresses: [], verified: false, provider, ...(record && { record }) };
    entry.addresses.push(email.address);
    entry.verified ||= email.verified === true;
    byDomain.set(domain, entry);
  }
  return [...byDomain.values()];
}

/**
 * The standing of one domain. `onlyVerifiedDomain`: no verified address of the account is on
 * another domain, so a registry that publishes no expiry leaves the owner without a way to know.
 */
export function domainStanding(entry: AccountDomain, onlyVerifiedDomain: boolean, now: number): DomainStanding {
  if (entry.provider) return { status: 'pass', reason: 'large-provider', provider: entry.provider };
  const record = entry.record;
  const answer = record?.answer;
  if (!answer) return record?.failure ? { status: 'unknown', reason: 'failed', failure: record.failure } : { status: 'unknown', reason: 'not-looked-up' };
  if (answer.kind === 'no-rdap') return { status: 'unknown', reason: 'no-rdap', tld: answer.tld };
  if (answer.kind === 'not-public') return { status: 'unknown', reason: 'not-public' };
  const { answeredAt } = answer;
  if (answer.kind === 'not-registered') return { status: 'fail', reason: 'not-registered', expiresAt: null, answeredAt };

  const { expiresAt, statuses } = answer;
  for (const [status, reason] of Object.entries(LAPSED_STATUSES)) {
    if (statuses.includes(status)) return { status: 'fail', reason, expiresAt, answeredAt };
  }
  // ICANN's guide to EPP status codes: a registrar sets clientHold for non-payment, among others;
  // during the auto-renew grace period after expiry, it means the holder did not renew.
  if (statuses.includes('auto renew period') && statuses.includes('client hold')) return { status: 'fail', reason: 'held-after-expiry', expiresAt, answeredAt };
  if (expiresAt !== null && expiresAt <= now) return { status: 'fail', reason: 'expired', expiresAt, answeredAt };
  if (expiresAt !== null && expiresAt - now <= WARN_WINDOW_DAYS * DAY_MS) return { status: 'warn', reason: 'expiring', expiresAt, answeredAt };
  if (expiresAt === null) {
    return onlyVerifiedDomain && entry.verified ? { status: 'warn', reason: 'no-expiry-only-domain', expiresAt, answeredAt } : { status: 'pass', reason: 'no-expiry', expiresAt, answeredAt };
  }
  return { status: 'pass', reason: 'registered', expiresAt, answeredAt };
}

/** Whether the domain had lapsed at its last lookup (what the recovery assistant asks). */
export const hasLapsed = (standing: DomainStanding) => standing.status === 'fail';

/** Whole days from now until `time`, at least 0. */
export const daysUntil = (time: number, now: number) => Math.max(0, Math.ceil((time - now) / DAY_MS));

/** What is true about the domain, as one sentence in the UI language (a domain name stays lower-case). */
export function describeStanding(domain: string, standing: DomainStanding, now: number): string {
  switch (standing.reason) {
    case 'large-provider':
      return t('domain_large_provider', { domain, provider: standing.provider });
    case 'not-looked-up':
      return t('domain_not_looked_up', { domain });
    case 'not-public':
      return t('domain_not_public', { domain });
    case 'no-rdap':
      return t('domain_no_rdap', { domain, tld: standing.tld });
    case 'failed':
      return failureSentence(domain, standing.failure);
    case 'not-registered':
      return t('domain_not_registered', { domain });
    case 'redemption':
      return t('domain_redemption', { domain });
    case 'pending-delete':
      return t('domain_pending_delete', { domain });
    case 'held-after-expiry':
      return standing.expiresAt !== null ? t('domain_held_after_expiry_on', { domain, date: formatDate(standing.expiresAt) }) : t('domain_held_after_expiry', { domain });
    case 'expired':
      return t('domain_expired', { domain, date: formatDate(standing.expiresAt!) });
    case 'expiring':
      return t('domain_expiring', { domain, date: formatDate(standing.expiresAt!), count: daysUntil(standing.expiresAt!, now) });
    case 'no-expiry-only-domain':
      return t('domain_no_expiry_only_domain', { domain });
    case 'no-expiry':
      return t('domain_no_expiry', { domain });
    case 'registered':
      return t('domain_registered', { domain, date: formatDate(standing.expiresAt!) });
  }
}

function failureSentence(domain: string, failure: RdapFailure): string {
  const server = failure.server;
  switch (failure.reason) {
    case 'network':
      return t('domain_lookup_network', { domain, server });
    case 'rate-limited':
      return t('domain_lookup_rate_limited', { domain, server });
    case 'server-error':
      return t('domain_lookup_server_error', { domain, server, status: failure.status ?? '?' });
    case 'bad-answer':
      return t('domain_lookup_bad_answer', { domain, server });
  }
}
