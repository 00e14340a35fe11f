import { definePage, routes } from './define';

/**
 * Where "Confirm password to continue" can be shown: in place of the sensitive pages PyPI Guard
 * reads, at their own URL (pypi-facts.md §4: recovery codes generate/regenerate; §2b: the API
 * token page), and at the form's POST target, which shows the form again after a wrong password.
 */
export const REAUTHENTICATE_PATHS = [
  '/account/reauthenticate/',
  '/manage/account/token/',
  '/manage/account/recovery-codes/generate',
  '/manage/account/recovery-codes/regenerate',
] as const;

export const reauthenticate = definePage({
  kind: 'reauthenticate',
  matchesPath: routes(...REAUTHENTICATE_PATHS),
  // The form that posts to /account/reauthenticate/ with a password field. Only its forms are
  // looked at, and only on the four URLs above.
  confirm: (doc) =>
    [...doc.forms].some((form) => (form.getAttribute('action') ?? '').endsWith('/account/reauthenticate/') && form.querySelector('input[name="password"]') !== null),
  overlaysOtherPages: true,
  examples: {
    accept: [
      'https://pypi.org/account/reauthenticate/',
      'https://pypi.org/manage/account/token/',
      'https://test.pypi.org/manage/account/recovery-codes/generate',
      'https://pypi.org/manage/account/recovery-codes/regenerate',
    ],
    reject: ['https://pypi.org/account/login/', 'https://pypi.org/manage/account/', 'https://pypi.org/manage/projects/', 'https://pypi.org/manage/account/two-factor/'],
  },
});
