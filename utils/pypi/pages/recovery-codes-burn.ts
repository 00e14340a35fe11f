import { definePage, has, routes } from './define';

export const recoveryCodesBurn = definePage({
  kind: 'recovery-codes-burn',
  // No trailing slash on PyPI's route (pypi-facts.md §1).
  matchesPath: routes('/manage/account/recovery-codes/burn'),
  confirm: (doc) => has(doc, 'form input[name="recovery_code_value"]'),
  examples: {
    accept: ['https://pypi.org/manage/account/recovery-codes/burn', 'https://test.pypi.org/manage/account/recovery-codes/burn'],
    reject: ['https://pypi.org/account/recovery-code/', 'https://pypi.org/manage/account/recovery-codes/burn/'],
  },
});
