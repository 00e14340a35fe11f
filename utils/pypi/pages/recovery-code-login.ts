import { definePage, has, routes } from './define';

export const recoveryCodeLogin = definePage({
  kind: 'recovery-code-login',
  matchesPath: routes('/account/recovery-code/'),
  // The form has no id; the hidden method field and the code field name it.
  confirm: (doc) => has(doc, 'form input[name="method"][value="recovery-code"]') && has(doc, 'input[name="recovery_code_value"]'),
  examples: {
    accept: ['https://pypi.org/account/recovery-code/?opaque-token', 'https://test.pypi.org/account/recovery-code/'],
    reject: ['https://pypi.org/manage/account/recovery-codes/burn', 'https://pypi.org/account/recovery-codes/', 'https://pypi.org/account/recovery-code'],
  },
});
