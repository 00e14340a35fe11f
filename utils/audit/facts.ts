import type { AccountRecord, StoredEvent } from '../store/types';
import type { EmailFact } from '../pypi/snapshot';

/**
 * Facts several checks read, derived in one place. Each returns null when PyPI Guard has not
 * seen the page that shows it.
 */

/** TOTP counts once, each security key once. Falls back to what the two-factor login page offered. */
export function twoFactorMethodCount(account: AccountRecord): number | null {
  const settings = account.twoFactor;
  const login = account.loginMethods;
  if (settings && (!login || settings.seenAt >= login.seenAt)) return (settings.value.totp ? 1 : 0) + settings.value.securityKeys.length;
  if (login) return (login.value.totp ? 1 : 0) + (login.value.webauthn ? 1 : 0);
  return null;
}

const CODE_GENERATION_TAGS = new Set(['account:recovery_codes:generated', 'account:recovery_codes:regenerated']);

/** Whether recovery codes were ever made: PyPI lists them only while one is unused, the history remembers. */
export function recoveryCodesEverMade(account: AccountRecord, events: readonly StoredEvent[]): boolean | null {
  if (account.recoveryCodes?.value.generated) return true;
  if (events.some((event) => CODE_GENERATION_TAGS.has(event.tag))) return true;
  return account.recoveryCodes ? false : null;
}

export function verifiedPrimaryEmail(emails: readonly EmailFact[]): EmailFact | undefined {
  return emails.find((email) => email.primary === true && email.verified === true);
}

/**
 * Whether the primary email is verified: null when the page did not show it (the primary row
 * had no status badge, or a row without badges may be the primary one), never a guess.
 */
export function primaryEmailVerified(emails: readonly EmailFact[]): boolean | null {
  const primary = emails.find((email) => email.primary === true);
  if (!primary) return emails.some((email) => email.primary === undefined) ? null : false;
  return primary.verified ?? null;
}

/**
 * The part of an email domain someone registers (example.org for mail.example.org), close enough
 * for "is this the same domain": two labels, or three under a two-letter country code with a
 * generic second level (co.uk, com.au…).
 */
export function registrableDomain(address: string): string {
  const labels = address.slice(address.lastIndexOf('@') + 1).toLowerCase().split('.').filter(Boolean);
  const secondLevel = labels[labels.length - 2] ?? '';
  const countryTld = (labels[labels.length - 1] ?? '').length === 2;
  const take = countryTld && ['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or'].includes(secondLevel) ? 3 : 2;
  return labels.slice(-take).join('.');
}
