import { needsAccountSettings, DAY_MS, pypiPage, type Check } from '../types';
import { recoveryCodesEverMade, twoFactorMethodCount } from '../facts';
import { unreadableOutcome } from '../unreadable';

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
    const couldNotRead = unreadableOutcome(state, 'recoveryCodes');
    if (couldNotRead) return couldNotRead;
    const codes = state.account.recoveryCodes?.value;
    const regenerate = pypiPage(state, '/manage/account/recovery-codes/regenerate');
    const generate = pypiPage(state, '/manage/account/recovery-codes/generate');
    const twoFactorPage = pypiPage(state, '/manage/account/two-factor/');
    if (!codes) {
      // Known from the history only: the count is on the 2FA block, not seen yet.
      if (recoveryCodesEverMade(state.account, state.history)) {
        return { status: 'unknown', detail: 'Open the two-factor page on PyPI to see how many codes are left.', fix: twoFactorPage, fixLabel: 'Open 2FA settings' };
      }
      return needsAccountSettings(state, 'your recovery codes');
    }
    const unused = codes.generated ? codes.unused : 0;
    if (unused === undefined) {
      return { status: 'unknown', detail: 'Open the two-factor page on PyPI to see how many codes are left.', fix: twoFactorPage, fixLabel: 'Open 2FA settings' };
    }
    if (unused === 0) {
      // PyPI lists codes only while one is unused (pypi-facts.md §3b, §4): an empty list is the same
      // whether none were made or all were used, so this says neither. Generating works in both.
      const methods = twoFactorMethodCount(state.account);
      // "0 unused of 8" only where codes were made: never counts down codes that may never have existed.
      const none = recoveryCodesEverMade(state.account, state.history) ? `0 unused of ${CODES_PER_SET}: ` : '';
      if (methods !== null && methods > 0) {
        return {
          status: 'fail',
          detail: `${none}2FA is on and PyPI lists no recovery code you could still use. Generate a new set.`,
          fix: generate,
          fixLabel: 'Generate recovery codes',
        };
      }
      return { status: 'warn', detail: `${none}PyPI lists no recovery codes. It asks for them before you can add 2FA.`, fix: generate, fixLabel: 'Generate recovery codes' };
    }
    if (unused <= FEW_CODES_LEFT) return { status: 'warn', detail: `Only ${unused} unused of ${CODES_PER_SET} recovery codes left.`, fix: regenerate, fixLabel: 'Make new codes' };

    const generatedAt = codes.generatedAt;
    const drill = state.account.observed?.recoveryDrill;
    const drillPage = { kind: 'extension' as const, path: `drill.html?${new URLSearchParams({ account: state.account.id }).toString()}` };
    if (drill?.lastDrillPassed === false && drill.lastDrillAt !== undefined && (generatedAt === undefined || drill.lastDrillAt >= generatedAt)) {
      return { status: 'warn', detail: 'Your last recovery-code drill did not match: are your codes where you think?', fix: drillPage, fixLabel: 'Try the drill again' };
    }
    const provenSince = drill?.lastDrillPassed && drill.lastDrillAt !== undefined && generatedAt !== undefined && drill.lastDrillAt >= generatedAt;
    if (generatedAt !== undefined && now - generatedAt > UNCHECKED_CODES_AGE_DAYS * DAY_MS && !provenSince) {
      return {
        status: 'warn',
        detail: `${unused} unused of ${CODES_PER_SET}, made over a year ago and never checked: do you still know where they are?`,
        fix: drillPage,
        fixLabel: 'Check one code',
      };
    }
    return { status: 'pass', detail: `${unused} unused of ${CODES_PER_SET} recovery codes.`, fix: twoFactorPage, fixLabel: 'Review' };
  },
};
