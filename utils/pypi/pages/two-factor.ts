import { definePage, has, samePath } from './define';

export const twoFactor = definePage({
  kind: 'two-factor',
  matchesPath: (path) => samePath(path, '/account/two-factor/'),
  // TOTP form, WebAuthn form, or both — an account may offer either.
  confirm: (doc) => has(doc, 'form#totp-auth-form') || has(doc, 'form#webauthn-auth-form'),
  examples: {
    // The whole query string is an opaque signed token (pypi-facts.md §2).
    accept: ['https://pypi.org/account/two-factor/?eyJhbGciOi.opaque-token', 'https://test.pypi.org/account/two-factor/'],
    reject: ['https://pypi.org/manage/account/two-factor/', 'https://pypi.org/account/two-factorx/'],
  },
});
