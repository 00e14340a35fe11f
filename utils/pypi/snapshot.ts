import type { PypiHost } from './hosts';
import type { EventTag } from './event-tags';
import type { PageKind } from './page-kinds';

/**
 * What one visit to one PyPI page showed about an account. Every fact is optional: a field that is
 * absent means "this page did not show it" (unknown), never "no" — the store keeps older values for
 * absent fields. Times are epoch milliseconds (UTC). Nothing here is ever a secret: no password,
 * TOTP key, recovery code, token value, CSRF token or cookie.
 */
export interface AccountSnapshot {
  host: PypiHost;
  /** Absent only on pages that do not name the user (login, two-factor); the background attributes those. */
  username?: string;
  pageKind: PageKind;
  seenAt: number;
  /** `<html lang>` of the page, e.g. "en", "de", "pt_BR". */
  locale?: string;
  displayName?: string;
  dateJoined?: number;
  emails?: EmailFact[];
  twoFactor?: TwoFactorFact;
  recoveryCodes?: RecoveryCodesFact;
  apiTokens?: ApiTokenFact[];
  securityEvents?: SecurityEventFact[];
  /**
   * The history rows were read from an English page (the page itself or its `?_LOCALE_=en` copy),
   * so each row got the tag PyPI's English summary names. Only such a read moves the history's
   * cursor: rows read in another language are read again next time, to be mapped then.
   */
  historyReadInEnglish?: true;
  projects?: string[];
  /** From the login/two-factor pages: which second factors PyPI offered for this account. */
  loginMethods?: LoginMethodsFact;
  /** From the recovery-codes page: how many codes were shown (never the codes). */
  recoveryCodesShown?: { count: number };
  /**
   * Sections this page has (their markers are there) whose content the reader did not understand:
   * each such fact is absent above, never guessed, and named here with what was missing.
   */
  unreadable?: ReaderProblem[];
}

/** The facts a page can show that PyPI Guard may fail to read. */
export const READABLE_FACTS = ['twoFactor', 'recoveryCodes', 'emails', 'apiTokens', 'securityEvents', 'loginMethods'] as const;
export type ReadableFact = (typeof READABLE_FACTS)[number];

/**
 * What a reader missed, as a fixed code: a problem report names the markup PyPI Guard expected,
 * never the page's own text, so it can hold no secret and no personal data.
 */
export const READER_MISSES = {
  'two-factor-table': 'a two-factor table that is neither the recovery-codes table nor the methods table',
  'recovery-row': 'the recovery-codes row',
  'recovery-time': 'the time the recovery codes were generated',
  'recovery-count': 'the number of unused recovery codes',
  'method-row': 'a two-factor method row that is neither the authentication app nor a security key',
  'emails-table': 'the emails table',
  'email-address': "an email row's address",
  'email-status': "an email row's verified or unverified badge",
  'token-columns': "the API tokens table's columns (name, scope, created, last used)",
  'token-scope': "an API token's scope",
  'token-created': "an API token's creation time",
  'token-last-used': "an API token's last use",
  'event-cells': "a security-history row's three cells",
  'event-summary': "a security-history row's summary",
  'event-time': "a security-history row's time",
  'event-labels': "a security-history row's location and device labels",
  'login-recovery': "the two-factor login page's recovery-code block",
  'recovery-codes-list': 'the codes in the recovery-codes list',
} as const;
export type ReaderMiss = keyof typeof READER_MISSES;

export interface ReaderProblem {
  fact: ReadableFact;
  missing: ReaderMiss;
}

export type EmailStatus = 'verified' | 'verified-with-bounces' | 'unverified' | 'unverified-blocked';

/**
 * One row of the emails table. The reader sets every flag (a row without its badges makes the
 * emails unreadable); they are optional only because earlier versions stored rows without them.
 */
export interface EmailFact {
  address: string;
  /** Whether the row carries the plain "Primary" badge. */
  primary?: boolean;
  verified?: boolean;
  status?: EmailStatus;
}

export interface TwoFactorFact {
  totp: boolean;
  /** Labels of the registered security keys (WebAuthn), in page order. */
  securityKeys: string[];
}

export interface RecoveryCodesFact {
  /** At least one unused code exists (PyPI only lists codes while one is unused). */
  generated: boolean;
  generatedAt?: number;
  /** "(N unused)" of the 8 PyPI makes. */
  unused?: number;
}

export type TokenScope = { kind: 'account' } | { kind: 'projects'; projects: string[] };

/**
 * One row of the tokens table. The reader sets every field (a row it cannot read makes the tokens
 * unreadable); scope, creation and last use are optional only because earlier versions stored
 * rows without them.
 */
export interface ApiTokenFact {
  name: string;
  scope?: TokenScope;
  createdAt?: number;
  /** null: PyPI says "Never" (the cell has words and no time). */
  lastUsedAt?: number | null;
}

export interface SecurityEventFact {
  /** The tag, when the row could be mapped to one; `unknown` otherwise (never a guess). */
  tag: EventTag | 'unknown';
  /** The row's summary as shown (localized), for display. */
  summary: string;
  /** The `<small>` detail text as shown, if any (e.g. the login failure reason). */
  details?: string;
  /** For `account:login:failure`: the reason code when known (invalid_password, invalid_totp, …). */
  reason?: string;
  /** For logins and 2FA changes: the method when known (totp, webauthn, recovery-code, remembered-device). */
  method?: string;
  /** For WebAuthn sign-ins and security-key changes: the key's label, as the row names it. */
  label?: string;
  /** For a failed sign-in: `basic` when it came through the upload endpoint's Basic Auth (twine, not the website). */
  authMethod?: 'basic';
  time: number;
  location?: string;
  device?: string;
}

export interface LoginMethodsFact {
  totp: boolean;
  webauthn: boolean;
  recoveryCodes: boolean;
}
