import { byId, definePage, has, routes } from './define';

export const unverifiedAccount = definePage({
  kind: 'unverified-account',
  matchesPath: routes('/manage/unverified-account/'),
  confirm: (doc) => byId(doc, 'account-emails', 'section') !== null || has(doc, 'input[name="change_unverified_primary_email"]'),
  examples: {
    accept: ['https://pypi.org/manage/unverified-account/', 'https://test.pypi.org/manage/unverified-account/'],
    reject: ['https://pypi.org/manage/account/', 'https://pypi.org/account/verify-email/?token=abc', 'https://pypi.org/manage/unverified-account'],
  },
});
