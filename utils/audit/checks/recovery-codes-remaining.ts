import { needsAccountSettings, DAY_MS, pypiPage, type Check } from '../types';
import { recoveryCodesEverMade, twoFactorMethodCount } from '../facts';
import { unreadableOutcome } from '../unreadable';
import { t } from '../../text/messages';

/** PyPI makes 8 codes (pypi-facts.md §4). */
export const CODES_PER_SET = 8;
export const FEW_CODES_LEFT = 3;
/** Codes this old, never proven by a drill, may no longer be where the user thinks. */
export const UNCHECKED_CODES_AGE_DAYS = 365;

export const recoveryCodesRemaining: Check = {
  id: 'recovery-codes-remaining',
  title: t('check_recovery_codes_remaining_title'),
  weight: 10,
  run(state, now) {
    const couldNotRead = unreadableOutcome(state, 'recoveryCodes');
    if (couldNotRead) return couldNotRead;
    const codes = state.account.recoveryCodes?.value;
    const regenerate = pypiPage(state, '/manage/account/recovery-codes/regenerate');
    const generate = pypiPage(state, '/manage/account/recovery-codes/generate');
    const twoFactorPage = pypiPage(state, '/manage/account/two-factor/');
    if (!codes) {
      // Known from the history only: the count is on the 2FA block, not seen yet.
      if (recoveryCodesEverMade(state.account, state.history)) {
        return { status: 'unknown', detail: t('check_codes_left_open_two_factor'), fix: twoFactorPage, fixLabel: t('fix_open_two_factor_settings') };
      }
      return needsAccountSettings(state, 'recovery_codes');
    }
    const unused = codes.generated ? codes.unused : 0;
    if (unused === undefined) {
      return { status: 'unknown', detail: t('check_codes_left_open_two_factor'), fix: twoFactorPage, fixLabel: t('fix_open_two_factor_settings') };
    }
    if (unused === 0) {
      // PyPI lists codes only while one is unused (pypi-facts.md §3b, §4): an empty list is the same
      // whether none were made or all were used, so this says neither. Generating works in both.
      const methods = twoFactorMethodCount(state.account);
      // "0 unused of 8" only where codes were made: never counts down codes that may never have existed.
      const made = recoveryCodesEverMade(state.account, state.history) === true;
      const perSet = { per_set: CODES_PER_SET };
      if (methods !== null && methods > 0) {
        return {
          status: 'fail',
          detail: made ? t('check_codes_left_none_used_two_factor_on', perSet) : t('check_codes_left_none_two_factor_on'),
          fix: generate,
          fixLabel: t('fix_generate_recovery_codes'),
        };
      }
      return { status: 'warn', detail: made ? t('check_codes_left_none_used', perSet) : t('check_codes_left_none'), fix: generate, fixLabel: t('fix_generate_recovery_codes') };
    }
    if (unused <= FEW_CODES_LEFT) {
      return { status: 'warn', detail: t('check_codes_left_few', { count: unused, per_set: CODES_PER_SET }), fix: regenerate, fixLabel: t('check_codes_left_fix_make_new') };
    }

    const generatedAt = codes.generatedAt;
    const drill = state.account.observed?.recoveryDrill;
    const drillPage = { kind: 'extension' as const, path: `drill.html?${new URLSearchParams({ account: state.account.id }).toString()}` };
    if (drill?.lastDrillPassed === false && drill.lastDrillAt !== undefined && (generatedAt === undefined || drill.lastDrillAt >= generatedAt)) {
      return { status: 'warn', detail: t('check_codes_left_drill_failed'), fix: drillPage, fixLabel: t('check_codes_left_fix_drill_again') };
    }
    const provenSince = drill?.lastDrillPassed && drill.lastDrillAt !== undefined && generatedAt !== undefined && drill.lastDrillAt >= generatedAt;
    if (generatedAt !== undefined && now - generatedAt > UNCHECKED_CODES_AGE_DAYS * DAY_MS && !provenSince) {
      return {
        status: 'warn',
        detail: t('check_codes_left_unchecked', { count: unused, per_set: CODES_PER_SET }),
        fix: drillPage,
        fixLabel: t('check_codes_left_fix_check_one'),
      };
    }
    return { status: 'pass', detail: t('check_codes_left_pass', { count: unused, per_set: CODES_PER_SET }), fix: twoFactorPage, fixLabel: t('fix_review') };
  },
};
