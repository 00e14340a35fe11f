import { byId, definePage, routes } from './define';

export const twoFactor = definePage({
  kind: 'two-factor',
  matchesPath: routes('/account/two-factor/'),
  // TOTP form, WebAuthn form, or both — an account may offer either.
  confirm: (doc) => byId(doc, 'totp-auth-form', 'form') !== null || byId(doc, 'webauthn-auth-form', 'form') !== null,
  examples: {
    // The whole query string is an opaque signed token (pypi-facts.md §2).
    accept: ['https://pypi.org/account/two-factor/?eyJhbGciOi.opaque-token', 'https://test.pypi.org/account/two-factor/'],
    reject: ['https://pypi.org/manage/account/two-factor/', 'https://pypi.org/account/two-factorx/', 'https://pypi.org/account/two-factor?token'],
  },
});
