import { accountDomains, describeStanding, domainStanding, hasLapsed } from '../email-domain/standing';
import type { EmailDomainRecord } from '../email-domain/types';
import type { PypiHost } from '../pypi/hosts';
import type { EmailFact, TwoFactorFact } from '../pypi/snapshot';
import type { AccountRecord, ProjectSource, StoredEvent } from '../store/types';
import type { DecisionFacts } from './decision';

/**
 * What the recovery assistant knows about one account, each fact with when it was seen. This is
 * the only place the recovery modules read an AccountRecord, so the page model's job is visible in
 * one function. Everything is optional: a locked-out user on a new computer has none of it.
 */
export interface RecoveryAccountFacts {
  host: PypiHost;
  username: string;
  emails?: { value: EmailFact[]; seenAt: number };
  projects?: { value: string[]; seenAt: number };
  dateJoined?: { value: number; seenAt: number };
  twoFactor?: { value: TwoFactorFact; seenAt: number };
  /** Unused recovery codes: a count, null when some exist but the count is unknown, 0 for none. */
  unusedRecoveryCodes?: { value: number | null; seenAt: number };
  /** The newest successful sign-in in the stored security history. */
  lastSignInAt?: number;
  projectSources?: { value: ProjectSource[]; seenAt: number };
  /** The account's own email domains the registry answered about (email-domain check, opt-in). */
  emailDomains?: EmailDomainFact[];
}

/** What the last RDAP lookup said about one of the account's email domains. */
export interface EmailDomainFact {
  domain: string;
  addresses: string[];
  /** Past its expiry, in redemption or pending delete, on hold after expiry, or not registered. */
  lapsed: boolean;
  /** What the registry said, as a sentence without its full stop. */
  text: string;
  checkedAt: number;
}

/**
 * Reads: `host`, `username`, `emails`, `projects`, `dateJoined`, `twoFactor`, `recoveryCodes`,
 * `loginMethods` (when newer than `recoveryCodes`: the two-factor page offers the recovery-code
 * link only while an unused code exists, pypi-facts.md §2), `projectSources`; and from the events
 * store the `time` of `account:login:success` rows.
 */
export function recoveryFactsOf(
  account: AccountRecord,
  events: readonly StoredEvent[] = [],
  emailDomains: readonly EmailDomainRecord[] = [],
  now = Date.now(),
): RecoveryAccountFacts {
  const facts: RecoveryAccountFacts = { host: account.host, username: account.username };
  if (account.emails) facts.emails = account.emails;
  if (account.projects) facts.projects = account.projects;
  if (account.dateJoined) facts.dateJoined = account.dateJoined;
  if (account.twoFactor) facts.twoFactor = account.twoFactor;
  if (account.projectSources) facts.projectSources = account.projectSources;

  const codes = account.recoveryCodes;
  const login = account.loginMethods;
  if (login && (!codes || login.seenAt > codes.seenAt)) {
    facts.unusedRecoveryCodes = { value: login.value.recoveryCodes ? null : 0, seenAt: login.seenAt };
  } else if (codes) {
    // PyPI lists codes only while one is unused (pypi-facts.md §3b): "not generated" means none unused.
    const unused = codes.value.generated ? (codes.value.unused ?? null) : 0;
    facts.unusedRecoveryCodes = { value: unused, seenAt: codes.seenAt };
  }

  const signIns = events.filter((event) => event.tag === 'account:login:success').map((event) => event.time);
  if (signIns.length > 0) facts.lastSignInAt = Math.max(...signIns);

  const domains = emailDomainFactsOf(account, emailDomains, now);
  if (domains.length > 0) facts.emailDomains = domains;
  return facts;
}

/** The account's domains whose registry answered (registered or not): whether each had lapsed. */
function emailDomainFactsOf(account: AccountRecord, records: readonly EmailDomainRecord[], now: number): EmailDomainFact[] {
  if (!account.emails || records.length === 0) return [];
  return accountDomains(account.emails.value, records).flatMap((entry) => {
    const answer = entry.record?.answer;
    if (answer?.kind !== 'registered' && answer?.kind !== 'not-registered') return [];
    const standing = domainStanding(entry, false, now);
    return [{ domain: entry.domain, addresses: entry.addresses, lapsed: hasLapsed(standing), text: describeStanding(entry.domain, standing, now), checkedAt: answer.answeredAt }];
  });
}

export function verifiedEmails(facts: RecoveryAccountFacts | undefined): EmailFact[] {
  return facts?.emails?.value.filter((email) => email.verified) ?? [];
}

export function primaryEmail(facts: RecoveryAccountFacts | undefined): EmailFact | undefined {
  return facts?.emails?.value.find((email) => email.primary);
}

/** The subset of facts the decision tree uses for hints and caveats. */
export function decisionFactsOf(facts: RecoveryAccountFacts | undefined): DecisionFacts | undefined {
  if (!facts) return undefined;
  const decision: DecisionFacts = {};
  if (facts.twoFactor) {
    decision.twoFactor = { ...facts.twoFactor.value, seenAt: facts.twoFactor.seenAt };
  }
  if (facts.unusedRecoveryCodes) {
    decision.recoveryCodes = { unused: facts.unusedRecoveryCodes.value, seenAt: facts.unusedRecoveryCodes.seenAt };
  }
  if (facts.emailDomains) decision.emailDomains = facts.emailDomains;
  if (facts.emails) {
    const verified = verifiedEmails(facts);
    decision.verifiedEmails = {
      addresses: verified.map((email) => email.address),
      primary: primaryEmail(facts)?.address ?? null,
      seenAt: facts.emails.seenAt,
    };
  }
  return decision;
}

/** An ISO date (YYYY-MM-DD, UTC): unambiguous for PyPI's admins whatever their locale. */
export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
