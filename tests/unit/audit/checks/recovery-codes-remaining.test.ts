import { describe, expect, it } from 'vitest';
import { recoveryCodesRemaining } from '@/utils/audit/checks/recovery-codes-remaining';
import { DAY, NOW, event, seen, state } from '../builders';

const withUnused = (unused: number, generatedAt = NOW - 30 * DAY) => state({ recoveryCodes: seen({ generated: unused > 0, unused, generatedAt }) }, [event('account:recovery_codes:generated', generatedAt)]);

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

  it('is unknown without data, and warns when none were ever made', () => {
    expect(recoveryCodesRemaining.run(state({ recoveryCodes: undefined }), NOW).status).toBe('unknown');
    expect(recoveryCodesRemaining.run(state({ recoveryCodes: seen({ generated: false, unused: 0 }) }), NOW).status).toBe('warn');
  });
});
