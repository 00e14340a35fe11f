import { needsAccountSettings, pypiPage, type Check } from '../types';
import { twoFactorMethods } from '../facts';
import { unreadableOutcome } from '../unreadable';
import { t } from '../../text/messages';

/** One lost phone or key should not mean a support request: two independent methods. */
export const secondFactorMethod: Check = {
  id: 'second-factor-method',
  title: t('check_second_factor_method_title'),
  weight: 10,
  run(state) {
    const couldNotRead = unreadableOutcome(state, 'twoFactor', 'loginMethods');
    if (couldNotRead) return couldNotRead;
    // Count and kind from the same page, so "only one method" and "add a key" always agree.
    const methods = twoFactorMethods(state.account);
    if (methods === null) {
      return needsAccountSettings(state, 'two_factor_methods');
    }
    if (methods.count >= 2) {
      return { status: 'pass', detail: t('check_second_method_pass', { count: methods.count }), fix: pypiPage(state, '/manage/account/two-factor/'), fixLabel: t('fix_review_two_factor') };
    }
    if (methods.count === 1) {
      // PyPI allows one authentication app, any number of security keys.
      return {
        status: 'warn',
        detail: t('check_second_method_only_one'),
        fix: pypiPage(state, methods.hasTotp ? '/manage/account/webauthn-provision' : '/manage/account/totp-provision'),
        fixLabel: methods.hasTotp ? t('check_second_method_fix_key') : t('check_second_method_fix_app'),
      };
    }
    return { status: 'warn', detail: t('check_second_method_none'), fix: pypiPage(state, '/manage/account/two-factor/'), fixLabel: t('fix_add_two_factor') };
  },
};
