import { definePage, has, routes } from './define';

export const recoveryCodes = definePage({
  kind: 'recovery-codes',
  // Both GETs show a fresh set of codes (pypi-facts.md §4); no trailing slash on either route.
  matchesPath: routes('/manage/account/recovery-codes/generate', '/manage/account/recovery-codes/regenerate'),
  // The codes list (note PyPI's class name with "__-"), or the "already generated" warning
  // that links to regenerate.
  confirm: (doc) => has(doc, '.recovery-codes__-codes') || has(doc, 'main a[href$="/manage/account/recovery-codes/regenerate"]'),
  examples: {
    accept: ['https://pypi.org/manage/account/recovery-codes/generate', 'https://test.pypi.org/manage/account/recovery-codes/regenerate'],
    reject: ['https://pypi.org/manage/account/recovery-codes/burn', 'https://pypi.org/manage/account/recovery-codes/', 'https://pypi.org/manage/account/recovery-codes/generate/'],
  },
});
