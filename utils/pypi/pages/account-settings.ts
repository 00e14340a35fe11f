import { definePage, has, samePath } from './define';

export const accountSettings = definePage({
  kind: 'account-settings',
  matchesPath: (path) => samePath(path, '/manage/account/'),
  confirm: (doc) => has(doc, 'section#account-details') && has(doc, 'section#account-emails'),
  examples: {
    accept: ['https://pypi.org/manage/account/', 'https://test.pypi.org/manage/account/#account-events', 'https://pypi.org/manage/account'],
    reject: ['https://pypi.org/manage/account/two-factor/', 'https://pypi.org/manage/accounts/', 'https://pypi.org/manage/account/publishing/'],
  },
});
