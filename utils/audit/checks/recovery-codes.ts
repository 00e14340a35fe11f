import { needsAccountSettings, pypiPage, type Check } from '../types';
import { recoveryCodesEverMade, twoFactorMethodCount } from '../facts';
import { unreadableOutcome } from '../unreadable';
import { t } from '../../text/messages';

/**
 * Were recovery codes ever made? Known when PyPI lists them or the history shows them generated.
 * An empty list alone cannot tell "never made" from "all used" (pypi-facts.md §3b, §4), so the
 * wording never claims either; how many are left is "recovery-codes-remaining".
 */
export const recoveryCodes: Check = {
  id: 'recovery-codes',
  title: t('check_recovery_codes_title'),
  weight: 15,
  run(state) {
    const couldNotRead = unreadableOutcome(state, 'recoveryCodes');
    if (couldNotRead) return couldNotRead;
    const made = recoveryCodesEverMade(state.account, state.history);
    const methods = twoFactorMethodCount(state.account);
    const generate = pypiPage(state, '/manage/account/recovery-codes/generate');
    if (made === null) {
      return needsAccountSettings(state, 'recovery_codes');
    }
    if (made) {
      const listed = state.account.recoveryCodes?.value.generated === true;
      return {
        status: 'pass',
        detail: listed ? t('check_recovery_codes_listed') : t('check_recovery_codes_in_history'),
        fix: pypiPage(state, '/manage/account/two-factor/'),
        fixLabel: t('fix_review'),
      };
    }
    if (methods !== null && methods > 0) {
      return { status: 'fail', detail: t('check_recovery_codes_missing_two_factor_on'), fix: generate, fixLabel: t('fix_generate_recovery_codes') };
    }
    return { status: 'warn', detail: t('check_recovery_codes_missing'), fix: generate, fixLabel: t('fix_generate_recovery_codes') };
  },
};
