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

  it('is unknown until a password was scored on a PyPI form, and says to sign in', () => {
    expect(passwordStrength.run(state(), NOW)).toMatchObject({ status: 'unknown', fix: { url: 'https://pypi.org/account/login/' } });
  });

  it('fails on a breach found after the last change, whatever the score', () => {
    expect(passwordStrength.run(state({ observed: { passwordScore: seen(4), breachFoundAt: NOW - DAY } }), NOW).status).toBe('fail');
    const changedSince = state({ observed: { passwordScore: seen(4), breachFoundAt: NOW - 5 * DAY } }, [event('account:password:change', NOW - DAY)]);
    expect(passwordStrength.run(changedSince, NOW).status).toBe('pass');
  });
});
