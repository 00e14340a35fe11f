import { definePage, has } from './define';

/**
 * "Confirm password to continue": PyPI shows it in place of a sensitive page (recovery codes,
 * API tokens…) at that page's own URL, so it is recognised by its form alone, on any manage path.
 */
export const reauthenticate = definePage({
  kind: 'reauthenticate',
  matchesPath: (path) => path.startsWith('/manage/') || path.startsWith('/account/reauthenticate'),
  confirm: (doc) => has(doc, 'form[action$="/account/reauthenticate/"] input[name="password"]'),
  overlaysOtherPages: true,
  examples: {
    accept: ['https://pypi.org/account/reauthenticate/'],
    reject: ['https://pypi.org/account/login/'],
  },
});
