import { needsAccountSettings, pypiPage, type Check } from '../types';
import { twoFactorMethodCount } from '../facts';

/** One lost phone or key should not mean a support request: two independent methods. */
export const secondFactorMethod: Check = {
  id: 'second-factor-method',
  title: 'A second 2FA method',
  weight: 10,
  run(state) {
    const methods = twoFactorMethodCount(state.account);
    const hasTotp = state.account.twoFactor?.value.totp ?? false;
    // PyPI allows one authentication app, any number of security keys.
    const fix = pypiPage(state, hasTotp || methods === 0 ? '/manage/account/webauthn-provision' : '/manage/account/totp-provision');
    if (methods === null) {
      return needsAccountSettings(state, 'your 2FA methods');
    }
    if (methods >= 2) return { status: 'pass', detail: `${methods} independent methods: losing one does not lock you out.`, fix: pypiPage(state, '/manage/account/two-factor/'), fixLabel: 'Review 2FA' };
    if (methods === 1) {
      return { status: 'warn', detail: 'Only one 2FA method: if you lose it you need a recovery code or a request to PyPI support.', fix, fixLabel: hasTotp ? 'Add a security key' : 'Add an authenticator app' };
    }
    return { status: 'warn', detail: 'No 2FA method yet; once you add one, add a second so one loss does not lock you out.', fix: pypiPage(state, '/manage/account/two-factor/'), fixLabel: 'Add 2FA' };
  },
};
