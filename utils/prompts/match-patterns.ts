import { matchesFor } from '../pypi/match-patterns';

/**
 * PyPI's signed-out pages with a password form. Only the password trigger (a few kB) runs there
 * as they load; the prompts follow once a password field is used (utils/background/load-on-demand.ts).
 */
export const PASSWORD_TRIGGER_PATHS = ['/account/login/*', '/account/register/*', '/account/reset-password/*'] as const;

/**
 * Every PyPI page with a password form: where zxcvbn (~800 kB) may be injected, once a password is
 * typed, and nowhere else. A match-pattern path covers the query too, so exact routes are listed
 * with and without one; `/manage/account/` must not catch its sub-pages.
 */
export const PASSWORD_PAGE_PATHS = [...PASSWORD_TRIGGER_PATHS, '/manage/account/', '/manage/account/?*'] as const;

/**
 * The pages whose prompts do not wait for a password to be typed (the account page's nudges, the
 * two-factor pages): the prompts trigger is declared there, and asks for the prompts once the
 * page has loaded and been idle (entrypoints/prompts-trigger.content).
 */
export const PROMPT_PAGE_PATHS = [
  '/manage/account/',
  '/manage/account/?*',
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

export const passwordTriggerMatches = () => matchesFor(PASSWORD_TRIGGER_PATHS);
export const passwordPageMatches = () => matchesFor(PASSWORD_PAGE_PATHS);
export const promptPageMatches = () => matchesFor(PROMPT_PAGE_PATHS);
