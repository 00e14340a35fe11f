import { definePage, has, routes } from './define';

export const requestPasswordReset = definePage({
  kind: 'request-password-reset',
  matchesPath: routes('/account/request-password-reset/'),
  // The form, or the success callout shown after it was sent.
  confirm: (doc) => has(doc, 'form input[name="username_or_email"]') || has(doc, '.callout-block--success'),
  examples: {
    accept: ['https://pypi.org/account/request-password-reset/', 'https://test.pypi.org/account/request-password-reset/'],
    reject: ['https://pypi.org/account/reset-password/?token=abc', 'https://pypi.org/account/request-password-reset'],
  },
});
