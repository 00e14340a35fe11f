/** Every kind of PyPI page PyPI Guard tells apart. `other` is everything it does not handle. */
export const PAGE_KINDS = [
  'login',
  'two-factor',
  'recovery-code-login',
  'register',
  'request-password-reset',
  'reset-password',
  'reauthenticate',
  'confirm-login',
  'account-settings',
  'two-factor-settings',
  'totp-provision',
  'webauthn-provision',
  'recovery-codes',
  'recovery-codes-burn',
  'unverified-account',
  'api-token',
  'projects',
  'profile',
  'other',
] as const;

export type PageKind = (typeof PAGE_KINDS)[number];
