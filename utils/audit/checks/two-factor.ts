import { needsAccountSettings, pypiPage, type AuditState, type FixTarget, type Check } from '../types';
import { primaryEmailVerified, recoveryCodesEverMade, twoFactorMethodCount } from '../facts';
import { unreadableOutcome } from '../unreadable';
import { t } from '../../text/messages';

/**
 * PyPI lets you add 2FA only after a verified primary email, generated recovery codes and one
 * code used (pypi-facts.md §3b): the fix is the first of those steps still missing.
 */
function nextTwoFactorStep(state: AuditState): { fix: FixTarget; fixLabel: string } {
  const emails = state.account.emails?.value;
  if (emails && primaryEmailVerified(emails) === false) return { fix: pypiPage(state, '/manage/account/#account-emails'), fixLabel: t('check_two_factor_fix_verify_first') };
  if (recoveryCodesEverMade(state.account, state.history) === false) return { fix: pypiPage(state, '/manage/account/recovery-codes/generate'), fixLabel: t('check_two_factor_fix_codes_first') };
  return { fix: pypiPage(state, '/manage/account/two-factor/'), fixLabel: t('fix_add_two_factor') };
}

export const twoFactor: Check = {
  id: 'two-factor',
  title: t('check_two_factor_title'),
  weight: 25,
  run(state) {
    const couldNotRead = unreadableOutcome(state, 'twoFactor', 'loginMethods');
    if (couldNotRead) return couldNotRead;
    const methods = twoFactorMethodCount(state.account);
    if (methods === null) {
      return needsAccountSettings(state, 'two_factor');
    }
    if (methods === 0) {
      return { status: 'fail', detail: t('check_two_factor_none'), ...nextTwoFactorStep(state) };
    }
    return { status: 'pass', detail: t('check_two_factor_pass', { count: methods }), fix: pypiPage(state, '/manage/account/two-factor/'), fixLabel: t('fix_review_two_factor') };
  },
};
