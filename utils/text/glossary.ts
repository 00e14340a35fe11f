/**
 * PyPI Guard's vocabulary: one name for each thing, on every surface (popup, prompts, options,
 * recovery assistant, drill, notifications) and in the request it prepares for PyPI's admins.
 * Where PyPI names the thing, the name is PyPI's own English, so what PyPI Guard says matches the
 * page the user is sent to; `pypi` says where PyPI uses it (Warehouse's templates). `avoid` lists
 * the other names the same thing has had: tests/unit/text/vocabulary.test.ts fails when product
 * text uses one. A translation (browser.i18n, one messages.json per locale) starts from this list
 * as its term base, so every locale keeps one name per thing too.
 */

export interface Term {
  /** The name, as used mid-sentence. */
  term: string;
  /** Where PyPI's own English uses it (or why PyPI Guard chose it where PyPI has no name). */
  source: string;
  /** Other names for the same thing, not to be used in product text (matched case-insensitively). */
  avoid: readonly RegExp[];
}

export const GLOSSARY = {
  twoFactor: {
    term: 'two-factor authentication (2FA); “2FA” once introduced',
    source: 'manage/account.html: “Two factor authentication (2FA)”; pages/help.html: “two-factor authentication”; manage/account/two-factor.html: “2FA method”',
    avoid: [/\bmulti-factor\b/i, /\bMFA\b/, /\b2-step\b/i, /\btwo-step\b/i, /\btwo factor\b/i],
  },
  authenticationApplication: {
    term: 'authentication application',
    source: 'manage_base.html: “Add 2FA with authentication application”; manage/account.html: “Authentication application (TOTP)”',
    avoid: [/\bauthenticator app/i, /\bauthentication app\b/i, /\bTOTP app\b/i, /\bcode generator\b/i],
  },
  securityKey: {
    term: 'security key',
    source: 'manage/account/recovery_codes-provision.html and the recovery-code reminder email: “authentication application or security key(s)”',
    avoid: [/\bhardware key\b/i, /\bhardware token\b/i, /\bFIDO key\b/i, /\bU2F key\b/i],
  },
  recoveryCode: {
    term: 'recovery code(s)',
    source: 'manage/account/recovery_codes-provision.html: “Save your recovery codes”, “Regenerate recovery codes”',
    avoid: [/\bbackup codes?\b/i, /\bone-time codes?\b/i, /\brescue codes?\b/i],
  },
  apiToken: {
    term: 'API token',
    source: 'manage/account.html: “API tokens”, “Add API token”',
    avoid: [/\bupload tokens?\b/i, /\baccess tokens?\b/i],
  },
  securityHistory: {
    term: 'security history; one row of it is an “event”',
    source: 'manage/account.html: the section heading “Security history”, its column “Event”',
    avoid: [/\bsecurity events?\b/i, /\bsecurity log\b/i, /\baccount activity\b/i, /\baudit log\b/i],
  },
  logIn: {
    term: 'log in (verb), login (noun)',
    source: 'accounts/login.html: “Log in”; manage/account.html: “Logged in”, “Login failed”, “Recovery code used for login”',
    avoid: [/\bsign(?:s|ed|ing)?[- ]?ins?\b/i],
  },
  email: {
    term: 'email, email address',
    source: 'manage/account.html: “Account emails”, “Email address”, “Verified”, “Primary”',
    avoid: [/\be-mails?\b/i],
  },
  recoveryRequest: {
    term: 'account recovery request (to PyPI support)',
    source: 'the form PyPI’s help page links to: “Account recovery request” (github.com/pypi/support, template account-recovery.yml)',
    avoid: [/\baccount-recovery request\b/i, /\bsupport request\b/i, /\brecovery ticket\b/i, /\bsupport ticket\b/i],
  },
} as const satisfies Record<string, Term>;

export type TermId = keyof typeof GLOSSARY;
