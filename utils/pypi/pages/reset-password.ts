import { byId, definePage, routes } from './define';

export const resetPassword = definePage({
  kind: 'reset-password',
  matchesPath: routes('/account/reset-password/'),
  confirm: (doc) => byId(doc, 'reset-password-form', 'form')?.querySelector('input[name="new_password"]') != null,
  examples: {
    accept: ['https://pypi.org/account/reset-password/?token=abc.def', 'https://test.pypi.org/account/reset-password/'],
    reject: ['https://pypi.org/account/request-password-reset/', 'https://pypi.org/manage/account/', 'https://pypi.org/account/reset-password?token=abc.def'],
  },
});
