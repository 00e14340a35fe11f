import { needsAccountSettings, pypiPage, type Check } from '../types';
import { recoveryCodesEverMade, twoFactorMethodCount } from '../facts';

export const recoveryCodes: Check = {
  id: 'recovery-codes',
  title: 'Recovery codes',
  weight: 15,
  run(state) {
    const made = recoveryCodesEverMade(state.account, state.events);
    const methods = twoFactorMethodCount(state.account);
    const generate = pypiPage(state, '/manage/account/recovery-codes/generate');
    if (made === null) {
      return needsAccountSettings(state, 'your recovery codes');
    }
    if (made) return { status: 'pass', detail: 'Recovery codes were generated.', fix: pypiPage(state, '/manage/account/two-factor/'), fixLabel: 'Review' };
    if (methods !== null && methods > 0) {
      return { status: 'fail', detail: '2FA is on but you have no unused recovery codes: one lost device means a weeks-long recovery.', fix: generate, fixLabel: 'Generate recovery codes' };
    }
    return { status: 'warn', detail: 'No recovery codes yet. PyPI asks for them before you can add 2FA.', fix: generate, fixLabel: 'Generate recovery codes' };
  },
};
