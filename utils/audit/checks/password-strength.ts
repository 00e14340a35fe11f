import { pypiPage, type Check } from '../types';
import { lastPasswordChange } from '../../reminders/password-rotation';

/** PyPI refuses scores below 2 (pypi-facts.md §7); 3 and 4 are hard to guess. */
export const passwordStrength: Check = {
  id: 'password-strength',
  title: 'Password strength',
  weight: 10,
  run(state) {
    const observed = state.account.observed ?? {};
    const fix = pypiPage(state, '/manage/account/#change-password');
    const lastChange = lastPasswordChange(state.account, state.events);
    if (observed.breachFoundAt !== undefined && (!lastChange || observed.breachFoundAt > lastChange.at)) {
      return { status: 'fail', detail: 'Your password appears in a known data breach: change it now.', fix, fixLabel: 'Change password' };
    }
    const score = observed.passwordScore?.value;
    if (score === undefined) {
      return { status: 'unknown', detail: 'Sign in to PyPI once with PyPI Guard installed; it keeps only the strength score, never the password.', fix: pypiPage(state, '/account/login/'), fixLabel: 'Sign in' };
    }
    if (score < 2) return { status: 'fail', detail: `Strength ${score} of 4: easy to guess (PyPI would refuse it today).`, fix, fixLabel: 'Change password' };
    if (score === 2) return { status: 'warn', detail: 'Strength 2 of 4: a longer passphrase would be much harder to guess.', fix, fixLabel: 'Change password' };
    return { status: 'pass', detail: `Strength ${score} of 4.`, fix, fixLabel: 'Change password' };
  },
};
