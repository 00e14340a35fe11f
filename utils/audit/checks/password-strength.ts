import { pypiPage, type Check } from '../types';
import { lastPasswordChange } from '../../reminders/password-rotation';

/**
 * PyPI refuses a new password whose zxcvbn score is below this (pypi-facts.md §7). PyPI scores
 * with its own zxcvbn and the user's name and email as extra inputs, so PyPI Guard's score is an
 * estimate of PyPI's: the check says what PyPI's rule is, not what PyPI decided.
 */
export const PYPI_MINIMUM_SCORE = 2;

export const passwordStrength: Check = {
  id: 'password-strength',
  title: 'Password strength',
  weight: 10,
  run(state) {
    const observed = state.account.observed ?? {};
    // Signed-in users are sent away from /account/login/ (pypi-facts.md §2): the form that is
    // always reachable is the change-password one, and a sign-in happens on its own anyway.
    const fix = pypiPage(state, '/manage/account/#change-password');
    const lastChange = lastPasswordChange(state.account, state.history);
    if (observed.breachFoundAt !== undefined && (!lastChange || observed.breachFoundAt > lastChange.at)) {
      return { status: 'fail', detail: 'Your password appears in a known data breach: change it now.', fix, fixLabel: 'Change password' };
    }
    const score = observed.passwordScore?.value;
    if (score === undefined) {
      return {
        status: 'unknown',
        detail: 'Not scored yet: type your password at your next login to PyPI or on the change-password form. PyPI Guard keeps only the score, never the password.',
        fix,
        fixLabel: 'Open change-password form',
      };
    }
    if (score < PYPI_MINIMUM_SCORE) {
      return { status: 'fail', detail: `Strength ${score} of 4: easy to guess. PyPI refuses new passwords scoring below ${PYPI_MINIMUM_SCORE}.`, fix, fixLabel: 'Change password' };
    }
    if (score === PYPI_MINIMUM_SCORE) return { status: 'warn', detail: `Strength ${score} of 4: a longer passphrase would be much harder to guess.`, fix, fixLabel: 'Change password' };
    return { status: 'pass', detail: `Strength ${score} of 4.`, fix, fixLabel: 'Change password' };
  },
};
