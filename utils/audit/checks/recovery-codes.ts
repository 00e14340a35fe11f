import { needsAccountSettings, pypiPage, type Check } from '../types';
import { recoveryCodesEverMade, twoFactorMethodCount } from '../facts';
import { unreadableOutcome } from '../unreadable';

/**
 * Were recovery codes ever made? Known when PyPI lists them or the history shows them generated.
 * An empty list alone cannot tell "never made" from "all used" (pypi-facts.md §3b, §4), so the
 * wording never claims either; how many are left is "recovery-codes-remaining".
 */
export const recoveryCodes: Check = {
  id: 'recovery-codes',
  title: 'Recovery codes',
  weight: 15,
  run(state) {
    const couldNotRead = unreadableOutcome(state, 'recoveryCodes');
    if (couldNotRead) return couldNotRead;
    const made = recoveryCodesEverMade(state.account, state.history);
    const methods = twoFactorMethodCount(state.account);
    const generate = pypiPage(state, '/manage/account/recovery-codes/generate');
    if (made === null) {
      return needsAccountSettings(state, 'your recovery codes');
    }
    if (made) {
      const listed = state.account.recoveryCodes?.value.generated === true;
      return {
        status: 'pass',
        detail: listed ? 'Recovery codes were generated.' : 'Your security history shows recovery codes were generated.',
        fix: pypiPage(state, '/manage/account/two-factor/'),
        fixLabel: 'Review',
      };
    }
    if (methods !== null && methods > 0) {
      return { status: 'fail', detail: '2FA is on but PyPI lists no unused recovery code: one lost device means a weeks-long recovery.', fix: generate, fixLabel: 'Generate recovery codes' };
    }
    return { status: 'warn', detail: 'PyPI lists no unused recovery codes. It asks for them before you can add 2FA.', fix: generate, fixLabel: 'Generate recovery codes' };
  },
};
