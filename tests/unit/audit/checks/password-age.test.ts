import { withDefaults } from '@/utils/settings';
import { describe, expect, it } from 'vitest';
import { passwordAge } from '@/utils/audit/checks/password-age';
import { passwordSchedule } from '@/utils/reminders/password-rotation';
import { DAY, NOW, event, state } from '../builders';

const changedAgo = (elapsedMs: number, settings = {}) => state({ observed: { passwordChangedAt: NOW - elapsedMs } }, [], settings);

describe('password-age', () => {
  it('passes until 180 × 24 h have passed and warns from that millisecond on a 180-day schedule', () => {
    expect(passwordAge.run(changedAgo(180 * DAY - 1), NOW).status).toBe('pass');
    expect(passwordAge.run(changedAgo(180 * DAY), NOW)).toMatchObject({ status: 'warn', detail: 'Changed 180 days ago; your schedule is every 180 days.' });
  });
  it('warns exactly when the reminders’ schedule is due', () => {
    for (const passwordRotationDays of [90, 180, 365] as const) {
      for (const elapsed of [passwordRotationDays * DAY - 1, passwordRotationDays * DAY, (passwordRotationDays + 0.5) * DAY, 10 * DAY]) {
        const audited = changedAgo(elapsed, { passwordRotationDays });
        const schedule = passwordSchedule(audited.account, audited.history, audited.settings);
        expect(schedule.status).toBe('scheduled');
        const due = schedule.status === 'scheduled' && schedule.dueAt <= NOW;
        expect(passwordAge.run(audited, NOW).status, `${passwordRotationDays} days, ${elapsed} ms`).toBe(due ? 'warn' : 'pass');
      }
    }
  });
  it('follows the schedule from settings, and passes with calendar reminders off', () => {
    expect(passwordAge.run(changedAgo(100 * DAY, { passwordRotationDays: 90 }), NOW).status).toBe('warn');
    expect(passwordAge.run(changedAgo(900 * DAY, { passwordRotationDays: 0 }), NOW)).toMatchObject({ status: 'pass', detail: expect.stringContaining('calendar reminders are off') });
  });
  it('treats settings stored with the old "Password changes" switch off like no schedule, as the reminders do', () => {
    const off = changedAgo(900 * DAY, withDefaults({ reminders: { passwordRotation: false } }));
    expect(passwordAge.run(off, NOW)).toMatchObject({ status: 'pass', detail: 'Changed 900 days ago; calendar reminders are off (you change it on evidence).' });
  });
  it('reads the last change from the security history too', () => {
    expect(passwordAge.run(state({}, [event('account:password:reset', NOW - 200 * DAY)]), NOW)).toMatchObject({ status: 'warn' });
    expect(passwordAge.run(state({ observed: { passwordChangedAt: NOW - 300 * DAY } }, [event('account:password:change', NOW - 3 * DAY)]), NOW).status).toBe('pass');
  });
  it('is unknown with no change seen, schedule on or off', () => {
    expect(passwordAge.run(state(), NOW)).toMatchObject({ status: 'unknown', fix: { url: 'https://pypi.org/manage/account/#change-password' } });
    expect(passwordAge.run(state({}, [], { passwordRotationDays: 0 }), NOW).status).toBe('unknown');
  });
});
