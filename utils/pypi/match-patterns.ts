import { PYPI_HOSTS } from './hosts';

/**
 * Path globs of the PyPI pages the account content script serves. Home, search, project
 * and project-management pages are deliberately absent: nothing is injected there.
 * `/2fa/` is not listed because PyPI redirects it to `/manage/account/two-factor/`.
 */
export const ACCOUNT_PAGE_PATHS = [
  '/account/*',
  '/manage/account/*',
  '/manage/projects/*',
  '/manage/unverified-account/*',
  '/user/*',
] as const;

export function matchesFor(paths: readonly string[]): string[] {
  return PYPI_HOSTS.flatMap((host) => paths.map((path) => `https://${host}${path}`));
}
