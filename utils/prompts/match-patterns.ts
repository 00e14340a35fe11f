import { matchesFor } from '../pypi/match-patterns';

/**
 * Where the password content script (with zxcvbn, ~800 kB) runs: PyPI's pages with a password
 * form, and no others. A match-pattern path covers the query too, so exact routes are listed
 * with and without one; `/manage/account/` must not catch its sub-pages.
 */
export const PASSWORD_PAGE_PATHS = [
  '/account/login/*',
  '/account/register/*',
  '/account/reset-password/*',
  '/manage/account/',
  '/manage/account/?*',
] as const;

/** Where the light prompts content script runs: the other pages that have a prompt. */
export const PROMPT_PAGE_PATHS = [
  '/account/two-factor/*',
  '/account/recovery-code/*',
  '/manage/account/two-factor/*',
  '/manage/account/totp-provision',
  '/manage/account/totp-provision?*',
  '/manage/account/recovery-codes/generate',
  '/manage/account/recovery-codes/generate?*',
  '/manage/account/recovery-codes/regenerate',
  '/manage/account/recovery-codes/regenerate?*',
] as const;

export const passwordPageMatches = () => matchesFor(PASSWORD_PAGE_PATHS);
export const promptPageMatches = () => matchesFor(PROMPT_PAGE_PATHS);
