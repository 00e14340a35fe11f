import { describe, expect, it } from 'vitest';
import { passwordAge } from '@/utils/audit/checks/password-age';
import { DAY, NOW, event, state } from '../builders';

describe('password-age', () => {
  it('passes at day 179 and warns from day 180 on a 180-day schedule', () => {
    expect(passwordAge.run(state({ observed: { passwordChangedAt: NOW - 179 * DAY } }), NOW).status).toBe('pass');
    expect(passwordAge.run(state({ observed: { passwordChangedAt: NOW - 180 * DAY } }), NOW).status).toBe('warn');
  });
  it('follows the schedule from settings, and passes with calendar reminders off', () => {
    expect(passwordAge.run(state({ observed: { passwordChangedAt: NOW - 100 * DAY } }, [], { passwordRotationDays: 90 }), NOW).status).toBe('warn');
    expect(passwordAge.run(state({ observed: { passwordChangedAt: NOW - 900 * DAY } }, [], { passwordRotationDays: 0 }), NOW).status).toBe('pass');
  });
  it('reads the last change from the security history too', () => {
    expect(passwordAge.run(state({}, [event('account:password:reset', NOW - 200 * DAY)]), NOW)).toMatchObject({ status: 'warn' });
    expect(passwordAge.run(state({ observed: { passwordChangedAt: NOW - 300 * DAY } }, [event('account:password:change', NOW - 3 * DAY)]), NOW).status).toBe('pass');
  });
  it('is unknown with no change seen', () => {
    expect(passwordAge.run(state(), NOW)).toMatchObject({ status: 'unknown', fix: { url: 'https://pypi.org/manage/account/#change-password' } });
  });
});
