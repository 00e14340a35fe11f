import { needsAccountSettings, pypiPage, type AuditState, type FixTarget, type Check } from '../types';
import { primaryEmailVerified, recoveryCodesEverMade, twoFactorMethodCount } from '../facts';
import { unreadableOutcome } from '../unreadable';

/**
 * PyPI lets you add 2FA only after a verified primary email, generated recovery codes and one
 * code used (pypi-facts.md §3b): the fix is the first of those steps still missing.
 */
function nextTwoFactorStep(state: AuditState): { fix: FixTarget; fixLabel: string } {
  const emails = state.account.emails?.value;
  if (emails && primaryEmailVerified(emails) === false) return { fix: pypiPage(state, '/manage/account/#account-emails'), fixLabel: 'Verify your email first' };
  if (recoveryCodesEverMade(state.account, state.history) === false) return { fix: pypiPage(state, '/manage/account/recovery-codes/generate'), fixLabel: 'Generate recovery codes first' };
  return { fix: pypiPage(state, '/manage/account/two-factor/'), fixLabel: 'Add 2FA' };
}

export const twoFactor: Check = {
  id: 'two-factor',
  title: 'Two-factor authentication',
  weight: 25,
  run(state) {
    const couldNotRead = unreadableOutcome(state, 'twoFactor', 'loginMethods');
    if (couldNotRead) return couldNotRead;
    const methods = twoFactorMethodCount(state.account);
    if (methods === null) {
      return needsAccountSettings(state, 'your 2FA');
    }
    if (methods === 0) {
      return { status: 'fail', detail: 'No 2FA: your password alone protects the account, and PyPI requires 2FA to publish.', ...nextTwoFactorStep(state) };
    }
    return { status: 'pass', detail: `${methods} 2FA method${methods === 1 ? '' : 's'} enabled.`, fix: pypiPage(state, '/manage/account/two-factor/'), fixLabel: 'Review 2FA' };
  },
};
