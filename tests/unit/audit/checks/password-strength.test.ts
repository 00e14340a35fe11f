import { describe, expect, it } from 'vitest';
import { passwordStrength } from '@/utils/audit/checks/password-strength';
import { DAY, NOW, event, seen, state } from '../builders';

const scored = (score: 0 | 1 | 2 | 3 | 4) => state({ observed: { passwordScore: seen(score) } });

describe('password-strength', () => {
  it.each([
    [0, 'fail'],
    [1, 'fail'],
    [2, 'warn'],
    [3, 'pass'],
    [4, 'pass'],
  ] as const)('score %i → %s', (score, status) => expect(passwordStrength.run(scored(score), NOW).status).toBe(status));

  it('names PyPI’s refusal only below PyPI’s minimum of 2', () => {
    for (const score of [0, 1] as const) expect(passwordStrength.run(scored(score), NOW).detail).toContain('PyPI refuses new passwords scoring below 2');
    for (const score of [2, 3, 4] as const) expect(passwordStrength.run(scored(score), NOW).detail).not.toMatch(/refuse/i);
  });

  it('is unknown until a password was scored, and leads to the change-password form (signed-in users never see the login page)', () => {
    const outcome = passwordStrength.run(state(), NOW);
    expect(outcome).toMatchObject({ status: 'unknown', fix: { kind: 'pypi', url: 'https://pypi.org/manage/account/#change-password' }, fixLabel: 'Open change-password form' });
    expect(outcome.detail).toContain('at your next login to PyPI or on the change-password form');
    expect(JSON.stringify(outcome)).not.toContain('/account/login/');
  });

  it('fails on a breach found after the last change, whatever the score', () => {
    expect(passwordStrength.run(state({ observed: { passwordScore: seen(4), breachFoundAt: NOW - DAY } }), NOW).status).toBe('fail');
    const changedSince = state({ observed: { passwordScore: seen(4), breachFoundAt: NOW - 5 * DAY } }, [event('account:password:change', NOW - DAY)]);
    expect(passwordStrength.run(changedSince, NOW).status).toBe('pass');
  });
});
