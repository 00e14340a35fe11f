import { describe, expect, it } from 'vitest';
import { recoveryCodesRemaining } from '@/utils/audit/checks/recovery-codes-remaining';
import { recoveryCodes } from '@/utils/audit/checks/recovery-codes';
import { DAY, NOW, event, seen, state } from '../builders';

const withUnused = (unused: number, generatedAt = NOW - 30 * DAY) => state({ recoveryCodes: seen({ generated: unused > 0, unused, generatedAt }) }, [event('account:recovery_codes:generated', generatedAt)]);
/** What PyPI shows when no code is unused: no recovery table at all (pypi-facts.md §3b). */
const noneListed = { recoveryCodes: seen({ generated: false }) };
const GENERATE = { kind: 'pypi', url: 'https://pypi.org/manage/account/recovery-codes/generate' };

describe('recovery-codes-remaining', () => {
  it.each([
    [8, 'pass'],
    [4, 'pass'],
    [3, 'warn'],
    [1, 'warn'],
    [0, 'fail'],
  ] as const)('%i of 8 left → %s', (unused, status) => {
    expect(recoveryCodesRemaining.run(withUnused(unused), NOW).status).toBe(status);
  });

  it('links regenerate when few are left', () => {
    expect(recoveryCodesRemaining.run(withUnused(3), NOW).fix).toEqual({ kind: 'pypi', url: 'https://pypi.org/manage/account/recovery-codes/regenerate' });
    expect(recoveryCodesRemaining.run(withUnused(1), NOW).detail).toBe('Only 1 unused of 8 recovery codes left.');
  });

  it('fails with 2FA on and no unused code listed, without guessing whether none were made or all were used', () => {
    for (const history of [[], [event('account:recovery_codes:generated', NOW - 80 * DAY)]]) {
      const outcome = recoveryCodesRemaining.run(state(noneListed, history), NOW);
      expect(outcome).toMatchObject({ status: 'fail', fix: GENERATE, fixLabel: 'Generate recovery codes' });
      expect(outcome.detail).not.toMatch(/none made|never|used up/i);
    }
  });

  it('counts "0 unused of 8" only for codes known to have been made', () => {
    const made = recoveryCodesRemaining.run(state(noneListed, [event('account:recovery_codes:generated', NOW - 80 * DAY)]), NOW);
    expect(made.detail).toMatch(/^0 unused of 8: /);
    const notKnownMade = recoveryCodesRemaining.run(state(noneListed), NOW);
    expect(notKnownMade.detail).not.toMatch(/unused of/);
    expect(notKnownMade.detail).toMatch(/^2FA is on and PyPI lists no recovery code/);
  });

  it('fails for a security key as the only method too, and for a login page that offered 2FA', () => {
    expect(recoveryCodesRemaining.run(state({ ...noneListed, twoFactor: seen({ totp: false, securityKeys: ['key'] }) }), NOW).status).toBe('fail');
    const fromLogin = state({ ...noneListed, twoFactor: seen({ totp: false, securityKeys: [] }, NOW - 5 * DAY), loginMethods: seen({ totp: true, webauthn: false, recoveryCodes: false }) });
    expect(recoveryCodesRemaining.run(fromLogin, NOW).status).toBe('fail');
  });

  it('only warns with no unused code and no 2FA: PyPI asks for codes before 2FA', () => {
    const outcome = recoveryCodesRemaining.run(state({ ...noneListed, twoFactor: seen({ totp: false, securityKeys: [] }) }), NOW);
    expect(outcome).toMatchObject({ status: 'warn', fix: GENERATE });
    expect(outcome.detail).toBe('PyPI lists no recovery codes. It asks for them before you can add 2FA.');
  });

  it('fails together with "recovery-codes" when 2FA is on and nothing says codes were made, both leading to generate', () => {
    const bare = state(noneListed);
    expect(recoveryCodes.run(bare, NOW)).toMatchObject({ status: 'fail', fix: GENERATE });
    expect(recoveryCodesRemaining.run(bare, NOW)).toMatchObject({ status: 'fail', fix: GENERATE });
  });

  it('warns when codes were made more than a year ago and never checked by a drill', () => {
    expect(recoveryCodesRemaining.run(withUnused(7, NOW - 365 * DAY), NOW).status).toBe('pass');
    expect(recoveryCodesRemaining.run(withUnused(7, NOW - 366 * DAY), NOW).status).toBe('warn');
  });

  it('passes year-old codes that a drill proved since they were made', () => {
    const generatedAt = NOW - 400 * DAY;
    const drilled = state({
      recoveryCodes: seen({ generated: true, unused: 7, generatedAt }),
      observed: { recoveryDrill: { salt: 's', iterations: 1, hashes: [], codesShownAt: generatedAt, lastDrillAt: NOW - 10 * DAY, lastDrillPassed: true } },
    });
    expect(recoveryCodesRemaining.run(drilled, NOW).status).toBe('pass');
    const failedDrill = { ...drilled, account: { ...drilled.account, observed: { recoveryDrill: { ...drilled.account.observed!.recoveryDrill!, lastDrillPassed: false } } } };
    expect(recoveryCodesRemaining.run(failedDrill, NOW)).toMatchObject({ status: 'warn', fix: { kind: 'extension', path: 'drill.html?account=pypi.org%2Falice' } });
  });

  it('warns after a drill that did not match, even for young codes', () => {
    const generatedAt = NOW - 30 * DAY;
    const failed = state({
      recoveryCodes: seen({ generated: true, unused: 7, generatedAt }),
      observed: { recoveryDrill: { salt: 's', iterations: 1, hashes: [], codesShownAt: generatedAt, lastDrillAt: NOW - DAY, lastDrillPassed: false } },
    });
    expect(recoveryCodesRemaining.run(failed, NOW).detail).toMatch(/did not match/);
  });

  it('is unknown without the 2FA block, or when the count could not be read', () => {
    expect(recoveryCodesRemaining.run(state({ recoveryCodes: undefined }), NOW)).toMatchObject({ status: 'unknown', fix: { url: 'https://pypi.org/manage/account/' } });
    expect(recoveryCodesRemaining.run(state({ recoveryCodes: undefined }, [event('account:recovery_codes:generated', NOW - DAY)]), NOW)).toMatchObject({
      status: 'unknown',
      fix: { url: 'https://pypi.org/manage/account/two-factor/' },
    });
    expect(recoveryCodesRemaining.run(state({ recoveryCodes: seen({ generated: true }) }), NOW).status).toBe('unknown');
  });
});
