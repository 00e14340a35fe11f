import { definePage, has } from './define';

const PATHS = ['/manage/account/recovery-codes/generate', '/manage/account/recovery-codes/regenerate'];

export const recoveryCodes = definePage({
  kind: 'recovery-codes',
  matchesPath: (path) => PATHS.includes(path),
  // The codes list (note PyPI's class name with "__-"), or the "already generated" warning
  // that links to regenerate.
  confirm: (doc) => has(doc, '.recovery-codes__-codes') || has(doc, 'main a[href$="/manage/account/recovery-codes/regenerate"]'),
  examples: {
    accept: ['https://pypi.org/manage/account/recovery-codes/generate', 'https://test.pypi.org/manage/account/recovery-codes/regenerate'],
    reject: ['https://pypi.org/manage/account/recovery-codes/burn', 'https://pypi.org/manage/account/recovery-codes/'],
  },
});
