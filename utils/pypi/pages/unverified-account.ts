import { definePage, has, samePath } from './define';

export const unverifiedAccount = definePage({
  kind: 'unverified-account',
  matchesPath: (path) => samePath(path, '/manage/unverified-account/'),
  confirm: (doc) => has(doc, 'section#account-emails') || has(doc, 'input[name="change_unverified_primary_email"]'),
  examples: {
    accept: ['https://pypi.org/manage/unverified-account/', 'https://test.pypi.org/manage/unverified-account/'],
    reject: ['https://pypi.org/manage/account/', 'https://pypi.org/account/verify-email/?token=abc'],
  },
});
