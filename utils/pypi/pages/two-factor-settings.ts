import { definePage, has, samePath } from './define';

export const twoFactorSettings = definePage({
  kind: 'two-factor-settings',
  // `/2fa/` is a redirect to this page; the browser ends up here.
  matchesPath: (path) => samePath(path, '/manage/account/two-factor/'),
  confirm: (doc) => has(doc, 'section#two-factor') && !has(doc, 'section#account-details'),
  examples: {
    accept: ['https://pypi.org/manage/account/two-factor/', 'https://test.pypi.org/manage/account/two-factor'],
    reject: ['https://pypi.org/2fa/', 'https://pypi.org/account/two-factor/'],
  },
});
