import { byId, definePage, routes } from './define';

export const twoFactorSettings = definePage({
  kind: 'two-factor-settings',
  // `/2fa/` is a redirect to this page; the browser ends up here.
  matchesPath: routes('/manage/account/two-factor/'),
  confirm: (doc) => byId(doc, 'two-factor', 'section') !== null && byId(doc, 'account-details', 'section') === null,
  examples: {
    accept: ['https://pypi.org/manage/account/two-factor/', 'https://test.pypi.org/manage/account/two-factor/?x=1'],
    reject: ['https://pypi.org/2fa/', 'https://pypi.org/account/two-factor/', 'https://test.pypi.org/manage/account/two-factor'],
  },
});
