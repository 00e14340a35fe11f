import { needsAccountSettings, DAY_MS, pypiPage, type Check } from '../types';
import { recoveryCodesEverMade } from '../facts';

/** PyPI makes 8 codes (pypi-facts.md §4). */
export const CODES_PER_SET = 8;
export const FEW_CODES_LEFT = 3;
/** Codes this old, never proven by a drill, may no longer be where the user thinks. */
export const UNCHECKED_CODES_AGE_DAYS = 365;

export const recoveryCodesRemaining: Check = {
  id: 'recovery-codes-remaining',
  title: 'Recovery codes left',
  weight: 10,
  run(state, now) {
    const codes = state.account.recoveryCodes?.value;
    const regenerate = pypiPage(state, '/manage/account/recovery-codes/regenerate');
    const made = recoveryCodesEverMade(state.account, state.events);
    if (made === null) {
      return needsAccountSettings(state, 'your recovery codes');
    }
    if (!made) return { status: 'warn', detail: 'None made yet.', fix: pypiPage(state, '/manage/account/recovery-codes/generate'), fixLabel: 'Generate recovery codes' };
    if (codes && !codes.generated) return { status: 'fail', detail: `All ${CODES_PER_SET} recovery codes are used up.`, fix: regenerate, fixLabel: 'Make new codes' };
    const unused = codes?.unused;
    if (unused === undefined) {
      return { status: 'unknown', detail: 'Open the two-factor page on PyPI to see how many codes are left.', fix: pypiPage(state, '/manage/account/two-factor/'), fixLabel: 'Open 2FA settings' };
    }
    if (unused === 0) return { status: 'fail', detail: `All ${CODES_PER_SET} recovery codes are used up.`, fix: regenerate, fixLabel: 'Make new codes' };
    if (unused <= FEW_CODES_LEFT) return { status: 'warn', detail: `Only ${unused} of ${CODES_PER_SET} recovery codes left.`, fix: regenerate, fixLabel: 'Make new codes' };

    const generatedAt = codes?.generatedAt;
    const drill = state.account.observed?.recoveryDrill;
    const drillPage = { kind: 'extension' as const, path: `drill.html?${new URLSearchParams({ account: state.account.id }).toString()}` };
    if (drill?.lastDrillPassed === false && drill.lastDrillAt !== undefined && (generatedAt === undefined || drill.lastDrillAt >= generatedAt)) {
      return { status: 'warn', detail: 'Your last recovery-code drill did not match: are your codes where you think?', fix: drillPage, fixLabel: 'Try the drill again' };
    }
    const provenSince = drill?.lastDrillPassed && drill.lastDrillAt !== undefined && generatedAt !== undefined && drill.lastDrillAt >= generatedAt;
    if (generatedAt !== undefined && now - generatedAt > UNCHECKED_CODES_AGE_DAYS * DAY_MS && !provenSince) {
      return {
        status: 'warn',
        detail: `${unused} of ${CODES_PER_SET} left, made over a year ago and never checked: do you still know where they are?`,
        fix: drillPage,
        fixLabel: 'Check one code',
      };
    }
    return { status: 'pass', detail: `${unused} of ${CODES_PER_SET} recovery codes left.`, fix: pypiPage(state, '/manage/account/two-factor/'), fixLabel: 'Review' };
  },
};
