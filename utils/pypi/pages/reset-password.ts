import { definePage, has, samePath } from './define';

export const resetPassword = definePage({
  kind: 'reset-password',
  matchesPath: (path) => samePath(path, '/account/reset-password/'),
  confirm: (doc) => has(doc, 'form#reset-password-form input[name="new_password"]'),
  examples: {
    accept: ['https://pypi.org/account/reset-password/?token=abc.def', 'https://test.pypi.org/account/reset-password/'],
    reject: ['https://pypi.org/account/request-password-reset/', 'https://pypi.org/manage/account/'],
  },
});
