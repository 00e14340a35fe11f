import { pypiPage, type Check } from '../types';
import { lastPasswordChange } from '../../reminders/password-rotation';
import { t } from '../../text/messages';

/**
 * PyPI refuses a new password whose zxcvbn score is below this (pypi-facts.md §7). PyPI scores
 * with its own zxcvbn and the user's name and email as extra inputs, so PyPI Guard's score is an
 * estimate of PyPI's: the check says what PyPI's rule is, not what PyPI decided.
 */
export const PYPI_MINIMUM_SCORE = 2;

export const passwordStrength: Check = {
  id: 'password-strength',
  title: t('check_password_strength_title'),
  weight: 10,
  run(state) {
    const observed = state.account.observed ?? {};
    // Signed-in users are sent away from /account/login/ (pypi-facts.md §2): the form that is
    // always reachable is the change-password one, and a sign-in happens on its own anyway.
    const fix = pypiPage(state, '/manage/account/#change-password');
    const lastChange = lastPasswordChange(state.account, state.history);
    if (observed.breachFoundAt !== undefined && (!lastChange || observed.breachFoundAt > lastChange.at)) {
      return { status: 'fail', detail: t('check_password_strength_breached'), fix, fixLabel: t('fix_change_password') };
    }
    const score = observed.passwordScore?.value;
    if (score === undefined) {
      return {
        status: 'unknown',
        detail: t('check_password_strength_unscored'),
        fix,
        fixLabel: t('check_password_strength_open_form'),
      };
    }
    if (score < PYPI_MINIMUM_SCORE) {
      return { status: 'fail', detail: t('check_password_strength_weak', { score, minimum: PYPI_MINIMUM_SCORE }), fix, fixLabel: t('fix_change_password') };
    }
    if (score === PYPI_MINIMUM_SCORE) return { status: 'warn', detail: t('check_password_strength_minimum', { score }), fix, fixLabel: t('fix_change_password') };
    return { status: 'pass', detail: t('check_password_strength_pass', { score }), fix, fixLabel: t('fix_change_password') };
  },
};
