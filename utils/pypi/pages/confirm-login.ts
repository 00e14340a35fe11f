import { definePage, routes } from './define';

export const confirmLogin = definePage({
  kind: 'confirm-login',
  matchesPath: routes('/account/confirm-login/'),
  // PyPI gives this page no distinctive id or field (pypi-facts.md §10): the route alone decides,
  // provided the document is a PyPI page (checked by detectPage for every kind).
  confirm: () => true,
  examples: {
    accept: ['https://pypi.org/account/confirm-login/?token=abc', 'https://test.pypi.org/account/confirm-login/'],
    reject: ['https://pypi.org/account/confirm/', 'https://pypi.org/account/confirm-login'],
  },
});
