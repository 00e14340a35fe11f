import { needsAccountSettings, pypiPage, type Check } from '../types';
import { twoFactorMethods } from '../facts';
import { unreadableOutcome } from '../unreadable';

/** One lost phone or key should not mean a support request: two independent methods. */
export const secondFactorMethod: Check = {
  id: 'second-factor-method',
  title: 'A second 2FA method',
  weight: 10,
  run(state) {
    const couldNotRead = unreadableOutcome(state, 'twoFactor', 'loginMethods');
    if (couldNotRead) return couldNotRead;
    // Count and kind from the same page, so "only one method" and "add a key" always agree.
    const methods = twoFactorMethods(state.account);
    if (methods === null) {
      return needsAccountSettings(state, 'your 2FA methods');
    }
    if (methods.count >= 2) {
      return { status: 'pass', detail: `${methods.count} independent methods: losing one does not lock you out.`, fix: pypiPage(state, '/manage/account/two-factor/'), fixLabel: 'Review 2FA' };
    }
    if (methods.count === 1) {
      // PyPI allows one authentication app, any number of security keys.
      return {
        status: 'warn',
        detail: 'Only one 2FA method: if you lose it you need a recovery code or a request to PyPI support.',
        fix: pypiPage(state, methods.hasTotp ? '/manage/account/webauthn-provision' : '/manage/account/totp-provision'),
        fixLabel: methods.hasTotp ? 'Add a security key' : 'Add an authentication application',
      };
    }
    return { status: 'warn', detail: 'No 2FA method yet; once you add one, add a second so one loss does not lock you out.', fix: pypiPage(state, '/manage/account/two-factor/'), fixLabel: 'Add 2FA' };
  },
};
