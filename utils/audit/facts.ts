import type { HistorySummary } from '../events/history-summary';
import type { AccountRecord } from '../store/types';
import type { EmailFact } from '../pypi/snapshot';

/**
 * Facts several checks read, derived in one place. Each returns null when PyPI Guard has not
 * seen the page that shows it.
 */

export interface TwoFactorMethods {
  hasTotp: boolean;
  /** Registered security keys; from the login page only "at least one" is known, so 1. */
  securityKeys: number;
  count: number;
}

/**
 * The account's 2FA methods from one source: the 2FA settings table, or what the two-factor login
 * page offered when that was seen more recently (or the settings never were). Every check that
 * asks about methods reads this, so a count and a kind can never come from different pages.
 */
export function twoFactorMethods(account: AccountRecord): TwoFactorMethods | null {
  const settings = account.twoFactor;
  const login = account.loginMethods;
  let hasTotp: boolean;
  let securityKeys: number;
  if (settings && (!login || settings.seenAt >= login.seenAt)) {
    hasTotp = settings.value.totp;
    securityKeys = settings.value.securityKeys.length;
  } else if (login) {
    hasTotp = login.value.totp;
    securityKeys = login.value.webauthn ? 1 : 0;
  } else {
    return null;
  }
  return { hasTotp, securityKeys, count: (hasTotp ? 1 : 0) + securityKeys };
}

/** TOTP counts once, each security key once (see twoFactorMethods). */
export function twoFactorMethodCount(account: AccountRecord): number | null {
  return twoFactorMethods(account)?.count ?? null;
}

/**
 * Whether recovery codes are known to have been made: listed now (PyPI lists them only while one
 * is unused) or generated in the stored history. `false` does NOT mean "never made": PyPI shows
 * the same page when none were made and when all were used (pypi-facts.md §3b, §4), and its history
 * covers only 90 days. null: the 2FA block was never seen.
 */
export function recoveryCodesEverMade(account: AccountRecord, history: HistorySummary): boolean | null {
  if (account.recoveryCodes?.value.generated) return true;
  if (history.recoveryCodesGenerated) return true;
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
