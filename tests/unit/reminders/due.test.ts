import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { due, holdUntil, outstanding, passwordSchedule, quietUntil, toFire, wakeUps, type LocalClock, type Reminder } from '@/utils/reminders';
import { newestFailedLoginBurst, summariseHistory } from '@/utils/events/history-summary';
import { withDefaults } from '@/utils/settings';
import { periodCovers, periodOf } from '@/utils/reminders/period';
import { suspiciousEvents } from '@/utils/events/suspicious';
import { securityEvents } from '@/utils/audit/checks/security-events';
import type { ReminderState } from '@/utils/store/types';
import { account, DAY, event, HOUR, input, request, settings, T0, UTC } from './builders';

const passwordOnly = (patch = {}) => settings(patch, ['passwordRotation']);
const only = (reminders: Reminder[], id: string) => reminders.filter((reminder) => reminder.id === id);

/** The single password-rotation reminder of alice, or undefined. */
function rotation(reminders: Reminder[]): Reminder | undefined {
  const found = only(reminders, 'password-rotation|pypi.org/alice');
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0];
}

describe('password rotation on schedule', () => {
  const changedAt = T0 - 180 * DAY;
  const alice = account({ observed: { passwordChangedAt: changedAt } });

  it('is not due on day 179 and due on day 180 (default schedule, 180 days)', () => {
    const day179 = rotation(due(input({ accounts: [{ account: alice }] }), passwordOnly(), changedAt + 179 * DAY, UTC));
    expect(day179).toMatchObject({ status: 'upcoming', notBefore: changedAt + 180 * DAY });

    const day180 = rotation(due(input({ accounts: [{ account: alice }] }), passwordOnly(), changedAt + 180 * DAY, UTC));
    expect(day180).toMatchObject({
      id: 'password-rotation|pypi.org/alice',
      kind: 'password-rotation',
      accountId: 'pypi.org/alice',
      status: 'fire',
      reason: 'schedule',
      trigger: 'rotation-schedule',
      period: `rotation-schedule:${changedAt + 180 * DAY}`,
      openUrl: 'https://pypi.org/manage/account/#change-password',
    });
    expect(day180?.message).toContain('alice on pypi.org');
    expect(day180?.message).toContain('180 days ago');
  });

  it.each([90, 180, 365] as const)('follows a %i-day schedule to the day', (days) => {
    const s = passwordOnly({ passwordRotationDays: days });
    const at = (n: number) => rotation(due(input({ accounts: [{ account: alice }] }), s, changedAt + n * DAY, UTC))?.status;
    expect(at(days - 1)).toBe('upcoming');
    expect(at(days) ).toBe('fire');
    expect(at(days + 30)).toBe('fire');
  });

  it('is silent when the schedule is off, however old the password', () => {
    const s = passwordOnly({ passwordRotationDays: 0 });
    expect(rotation(due(input({ accounts: [{ account: alice }] }), s, changedAt + 2000 * DAY, UTC))).toBeUndefined();
  });

  it('reads the old second switch ("Password changes" off, before 0.2) as the schedule’s "Off", its one control now', () => {
    const s = withDefaults({ passwordRotationDays: 180, reminders: { passwordRotation: false, checkUp: true } });
    expect(s.passwordRotationDays).toBe(0);
    expect(s.reminders).toEqual({ recoveryCodes: true, checkUp: true, recoveryFollowUp: true, emailDomain: true });
    expect(rotation(due(input({ accounts: [{ account: alice }] }), s, changedAt + 2000 * DAY, UTC))).toBeUndefined();
    expect(passwordSchedule(alice, summariseHistory([], alice.observed), s).status).toBe('off');
    // Turned on, the old switch changes nothing: the schedule decides.
    expect(withDefaults({ passwordRotationDays: 90, reminders: { passwordRotation: true } }).passwordRotationDays).toBe(90);
  });

  it('counts from the newest change or reset in the security history when nothing was observed', () => {
    const events = [event('account:password:change', T0 - 300 * DAY), event('account:password:reset', T0 - 100 * DAY), event('account:login:success', T0 - DAY)];
    const reminder = rotation(due(input({ accounts: [{ account: account(), events }] }), passwordOnly(), T0, UTC));
    expect(reminder).toMatchObject({ status: 'upcoming', dueAt: T0 + 80 * DAY });
  });

  it('takes the newer of the observed change and the history', () => {
    const events = [event('account:password:change', T0 - 50 * DAY)];
    const observedOlder = account({ observed: { passwordChangedAt: T0 - 170 * DAY } });
    expect(rotation(due(input({ accounts: [{ account: observedOlder, events }] }), passwordOnly(), T0, UTC))?.dueAt).toBe(T0 + 130 * DAY);
  });

  it('sets no schedule when the last change is unknown, and says why', () => {
    const unknown = account();
    expect(rotation(due(input({ accounts: [{ account: unknown }] }), passwordOnly(), T0, UTC))).toBeUndefined();
    const schedule = passwordSchedule(unknown, summariseHistory([], unknown.observed), passwordOnly());
    expect(schedule.status).toBe('unknown');
    expect(schedule.status === 'unknown' && schedule.explanation).toMatch(/does not know when this password last changed/);
  });

  it('a schedule change moves the period (the reminder may come once for the new date)', () => {
    const s90 = passwordOnly({ passwordRotationDays: 90 });
    const state: ReminderState = { id: 'password-rotation|pypi.org/alice', firedForPeriod: `rotation-schedule:${changedAt + 180 * DAY}`, lastFiredAt: T0 };
    const reminder = rotation(due(input({ accounts: [{ account: alice }], reminderStates: [state] }), s90, T0, UTC));
    expect(reminder).toMatchObject({ status: 'fire', period: `rotation-schedule:${changedAt + 90 * DAY}` });
  });
});

describe('password rotation on evidence', () => {
  const changedAt = T0 - 10 * DAY;
  const off = passwordOnly({ passwordRotationDays: 0 });
  const withObserved = (observed: NonNullable<ReturnType<typeof account>['observed']>) => account({ observed: { passwordChangedAt: changedAt, ...observed } });

  it('fires on a breach found after the last change, even with the schedule off', () => {
    const reminder = rotation(due(input({ accounts: [{ account: withObserved({ breachFoundAt: T0 - HOUR }) }] }), off, T0, UTC));
    expect(reminder).toMatchObject({ status: 'fire', reason: 'evidence', trigger: 'breach', period: `breach:${T0 - HOUR}` });
    expect(reminder?.title).toBe('PyPI: Change your password: it appears in a breach');
  });

  it('ignores a breach found before the last change (the breached password is gone)', () => {
    expect(rotation(due(input({ accounts: [{ account: withObserved({ breachFoundAt: changedAt - DAY }) }] }), off, T0, UTC))).toBeUndefined();
  });

  it('fires on a zxcvbn score below 3, not on 3', () => {
    const score = (value: 0 | 1 | 2 | 3 | 4) => withObserved({ passwordScore: { value, seenAt: T0 - HOUR } });
    expect(rotation(due(input({ accounts: [{ account: score(2) }] }), off, T0, UTC))).toMatchObject({ status: 'fire', trigger: 'weak-password' });
    expect(rotation(due(input({ accounts: [{ account: score(3) }] }), off, T0, UTC))).toBeUndefined();
  });

  it('does not start a new period each time the same weak password is scored again', () => {
    const first = rotation(due(input({ accounts: [{ account: withObserved({ passwordScore: { value: 1, seenAt: T0 - DAY } }) }] }), off, T0, UTC));
    const again = rotation(due(input({ accounts: [{ account: withObserved({ passwordScore: { value: 1, seenAt: T0 } }) }] }), off, T0 + HOUR, UTC));
    expect(again?.period).toBe(first?.period);
  });

  it('fires on three failed logins within 24 hours since the last change', () => {
    const events = [0, 10, 23].map((hours) => event('account:login:failure', T0 - 2 * DAY + hours * HOUR));
    const reminder = rotation(due(input({ accounts: [{ account: withObserved({}), events }] }), off, T0, UTC));
    expect(reminder).toMatchObject({ status: 'fire', trigger: 'failed-login-burst', period: `failed-login-burst:${T0 - 2 * DAY + 23 * HOUR}` });
    expect(reminder?.message).toContain('3 failed logins within 24 hours');
  });

  it('does not count failures spread over more than 24 hours, before the last change, or acknowledged', () => {
    const spread = [0, 13, 25].map((hours) => event('account:login:failure', T0 - 3 * DAY + hours * HOUR));
    expect(rotation(due(input({ accounts: [{ account: withObserved({}), events: spread }] }), off, T0, UTC))).toBeUndefined();

    const beforeChange = [1, 2, 3].map((hours) => event('account:login:failure', changedAt - hours * HOUR));
    expect(rotation(due(input({ accounts: [{ account: withObserved({}), events: beforeChange }] }), off, T0, UTC))).toBeUndefined();

    const burst = [1, 2, 3].map((hours) => event('account:login:failure', T0 - DAY + hours * HOUR));
    const acknowledged = withObserved({ eventsAcknowledgedAt: T0 - DAY + 4 * HOUR });
    expect(rotation(due(input({ accounts: [{ account: acknowledged, events: burst }] }), off, T0, UTC))).toBeUndefined();
  });

  it('treats a long attack as one burst and a later attack as a new one', () => {
    const failures = (start: number, count: number) => Array.from({ length: count }, (_, index) => event('account:login:failure', start + index * 4 * HOUR));
    const long = failures(T0 - 5 * DAY, 12); // 44 hours of failures, one every 4 hours
    expect(newestFailedLoginBurst(long)).toMatchObject({ at: T0 - 5 * DAY + 8 * HOUR, count: 7 });
    const later = [...long, ...failures(T0 - DAY, 3)];
    expect(newestFailedLoginBurst(later)?.at).toBe(T0 - DAY + 8 * HOUR);
  });

  it('fires on a login PyPI flagged as a new device', () => {
    const events = [event('account:login:new_device', T0 - 2 * HOUR)];
    expect(rotation(due(input({ accounts: [{ account: withObserved({}), events }] }), off, T0, UTC))).toMatchObject({
      trigger: 'unrecognised-sign-in',
      period: `unrecognised-sign-in:${T0 - 2 * HOUR}`,
    });
  });

  it('fires on a login from a place never seen before, not from a known place or the first place ever', () => {
    const known = event('account:login:success', T0 - 60 * DAY, { location: 'Berlin, BE, DE' });
    const fromKnown = event('account:login:success', T0 - HOUR, { location: 'Berlin, BE, DE' });
    const fromNew = event('account:login:success', T0 - HOUR, { location: 'Lagos, LA, NG' });
    const evaluate = (events: ReturnType<typeof event>[]) => rotation(due(input({ accounts: [{ account: withObserved({}), events }] }), off, T0, UTC));
    expect(evaluate([known, fromKnown])).toBeUndefined();
    expect(evaluate([fromNew])).toBeUndefined();
    expect(evaluate([known, fromNew])?.message).toContain('from Lagos, LA, NG');
  });

  it('overrides a schedule that is not yet due', () => {
    const reminder = rotation(due(input({ accounts: [{ account: withObserved({ breachFoundAt: T0 - HOUR }) }] }), passwordOnly(), T0, UTC));
    expect(reminder).toMatchObject({ status: 'fire', reason: 'evidence', trigger: 'breach' });
  });

  it('after "Done" on evidence, stays quiet until something new (here the calendar date) arrives', () => {
    const alice = withObserved({ breachFoundAt: T0 - HOUR });
    const done: ReminderState = { id: 'password-rotation|pypi.org/alice', firedForPeriod: `breach:${T0 - HOUR}`, doneForPeriod: `breach:${T0 - HOUR}` };
    expect(rotation(due(input({ accounts: [{ account: alice }], reminderStates: [done] }), passwordOnly(), T0 + DAY, UTC))).toBeUndefined();
    const dueDay = changedAt + 180 * DAY;
    const reminder = rotation(due(input({ accounts: [{ account: alice }], reminderStates: [done] }), passwordOnly(), dueDay, UTC));
    expect(reminder).toMatchObject({ status: 'fire', period: `breach:${T0 - HOUR}+rotation-schedule:${dueDay}`, dueAt: dueDay });
    expect(reminder?.message).toContain('your schedule is every 180 days');
  });

  it('names every trigger in the message, the most serious first, and all of them in the period', () => {
    const alice = withObserved({ breachFoundAt: T0 - HOUR, passwordScore: { value: 0, seenAt: T0 } });
    const reminder = rotation(due(input({ accounts: [{ account: alice }] }), off, T0, UTC));
    expect(reminder?.trigger).toBe('breach');
    expect(reminder?.message).toMatch(/breached.*scored 0 of 4/);
    expect(reminder?.period).toBe(`breach:${T0 - HOUR}+weak-password:${changedAt}`);
  });

  it('keeps quiet after "Done" when one of its triggers goes away (nothing new arrived)', () => {
    const both = withObserved({ breachFoundAt: T0 - HOUR, passwordScore: { value: 0, seenAt: T0 } });
    const period = rotation(due(input({ accounts: [{ account: both }] }), off, T0, UTC))!.period;
    const done: ReminderState = { id: 'password-rotation|pypi.org/alice', firedForPeriod: period, doneForPeriod: period };
    // A later login with a password HIBP does not list clears the breach finding; the weak score stays.
    const weakOnly = withObserved({ passwordScore: { value: 0, seenAt: T0 + DAY } });
    expect(rotation(due(input({ accounts: [{ account: weakOnly }], reminderStates: [done] }), off, T0 + DAY, UTC))).toBeUndefined();
  });
});

describe('the schedule “Off” governs only the calendar: evidence always reminds', () => {
  const changedAt = T0 - 200 * DAY;
  const breached = account({ observed: { passwordChangedAt: changedAt, breachFoundAt: T0 - DAY } });
  const switchOff = (patch = {}) => settings(patch, ['checkUp']);

  it('fires on evidence with the schedule off, without the calendar date that is long past', () => {
    const reminder = rotation(due(input({ accounts: [{ account: breached }] }), switchOff(), T0, UTC));
    expect(reminder).toMatchObject({ status: 'fire', reason: 'evidence', trigger: 'breach', period: `breach:${T0 - DAY}` });
    expect(reminder?.message).not.toContain('your schedule');
  });

  it.each([
    ['a new-device login', [event('account:login:new_device', T0 - HOUR)], 'unrecognised-sign-in'],
    ['a failed-login burst', [1, 2, 3].map((hours) => event('account:login:failure', T0 - 5 * HOUR + hours * HOUR)), 'failed-login-burst'],
  ] as const)('fires on %s with the schedule off', (_, events, trigger) => {
    const alice = account({ observed: { passwordChangedAt: changedAt } });
    expect(rotation(due(input({ accounts: [{ account: alice, events: [...events] }] }), switchOff({ passwordRotationDays: 0 }), T0, UTC))).toMatchObject({ status: 'fire', trigger });
  });

  it('fires on a weak password with the schedule off', () => {
    const weak = account({ observed: { passwordChangedAt: changedAt, passwordScore: { value: 1, seenAt: T0 } } });
    expect(rotation(due(input({ accounts: [{ account: weak }] }), switchOff(), T0, UTC))).toMatchObject({ status: 'fire', trigger: 'weak-password' });
  });

  it('still waits for the global pause and for quiet hours', () => {
    expect(rotation(due(input({ accounts: [{ account: breached }] }), switchOff({ pausedUntil: T0 + 2 * DAY }), T0, UTC))).toMatchObject({ status: 'waiting', notBefore: T0 + 2 * DAY });
    // T0 is 12:00 UTC.
    expect(rotation(due(input({ accounts: [{ account: breached }] }), switchOff({ quietHours: { startHour: 11, endHour: 13 } }), T0, UTC))).toMatchObject({ status: 'waiting', notBefore: T0 + HOUR });
  });

  it('without evidence, the schedule off means no password reminder at all', () => {
    const alice = account({ observed: { passwordChangedAt: changedAt } });
    expect(rotation(due(input({ accounts: [{ account: alice }] }), switchOff(), T0, UTC))).toBeUndefined();
  });
});

describe('evidence learned late', () => {
  // The calendar reminder of day 180 was marked Done; a visit on day 200 reads older rows for the first time.
  const changedAt = T0 - 200 * DAY;
  const day = (n: number) => changedAt + n * DAY;
  const alice = account({ observed: { passwordChangedAt: changedAt } });
  const id = 'password-rotation|pypi.org/alice';
  const schedulePeriod = `rotation-schedule:${day(180)}`;
  const doneAt180: ReminderState = { id, firedForPeriod: schedulePeriod, lastFiredAt: day(180), doneForPeriod: schedulePeriod };
  const evaluate = (events: ReturnType<typeof event>[], now: number, who = alice) => rotation(due(input({ accounts: [{ account: who, events }], reminderStates: [doneAt180] }), passwordOnly(), now, UTC));

  it('a new-device login from day 179, first read on day 200, notifies', () => {
    const signIn = event('account:login:new_device', day(179), { firstSeenAt: day(200) });
    expect(evaluate([signIn], day(200) - HOUR)).toBeUndefined(); // not read yet: nothing new
    expect(evaluate([signIn], day(200))).toMatchObject({
      status: 'fire',
      trigger: 'unrecognised-sign-in',
      period: `rotation-schedule:${day(180)}+unrecognised-sign-in:${day(179)}`,
      dueAt: day(200),
    });
  });

  it('a failed-login burst from before the Done, first read after it, notifies', () => {
    const burst = [0, 1, 2].map((hours) => event('account:login:failure', day(178) + hours * HOUR, { firstSeenAt: day(200) }));
    expect(evaluate(burst, day(200))).toMatchObject({ status: 'fire', trigger: 'failed-login-burst', dueAt: day(200) });
  });

  it('a weak score first seen after the Done notifies, and re-scoring the same password later does not', () => {
    const weak = (seenAt: number) => account({ observed: { passwordChangedAt: changedAt, passwordScore: { value: 1, seenAt } } });
    const first = evaluate([], day(200), weak(day(200)));
    expect(first).toMatchObject({ status: 'fire', trigger: 'weak-password' });
    const notified: ReminderState = { ...doneAt180, firedForPeriod: first!.period, lastFiredAt: day(200) };
    const again = rotation(due(input({ accounts: [{ account: weak(day(230)) }], reminderStates: [notified] }), passwordOnly(), day(230), UTC));
    expect(again).toMatchObject({ status: 'shown', period: first!.period });
  });

  it('the same login read again on later visits is no news', () => {
    const signIn = event('account:login:new_device', day(179), { firstSeenAt: day(200) });
    const notified: ReminderState = { ...doneAt180, firedForPeriod: `rotation-schedule:${day(180)}+unrecognised-sign-in:${day(179)}`, lastFiredAt: day(200) };
    expect(rotation(due(input({ accounts: [{ account: alice, events: [signIn] }], reminderStates: [notified] }), passwordOnly(), day(210), UTC))?.status).toBe('shown');
  });

  it('rows from before the last password change stay silent, however late they are read', () => {
    const old = event('account:login:new_device', changedAt - DAY, { firstSeenAt: day(200) });
    expect(evaluate([old], day(200))).toBeUndefined();
  });
});

describe('acknowledged rows ("It was me") count by when they were first read, as in the audit', () => {
  const changedAt = T0 - 20 * DAY;
  const acknowledgedAt = T0 - 2 * DAY;
  const alice = account({ observed: { passwordChangedAt: changedAt, eventsAcknowledgedAt: acknowledgedAt } });
  const evaluate = (events: ReturnType<typeof event>[]) => rotation(due(input({ accounts: [{ account: alice, events }] }), passwordOnly({ passwordRotationDays: 0 }), T0, UTC));

  it('a row that happened before the acknowledgement but was read after it was not reviewed: it counts', () => {
    const signIn = event('account:login:new_device', acknowledgedAt - DAY, { firstSeenAt: T0 - HOUR });
    expect(evaluate([signIn])).toMatchObject({ status: 'fire', trigger: 'unrecognised-sign-in' });
    expect(suspiciousEvents([signIn], acknowledgedAt)).toHaveLength(1);
  });

  it('a row read before the acknowledgement was reviewed: it does not count', () => {
    const signIn = event('account:login:new_device', acknowledgedAt - DAY, { firstSeenAt: acknowledgedAt - HOUR });
    expect(evaluate([signIn])).toBeUndefined();
    expect(suspiciousEvents([signIn], acknowledgedAt)).toEqual([]);
  });

  it('agrees with the audit’s security-events check on the same rows', () => {
    const rows = [
      event('account:login:failure', acknowledgedAt - 3 * HOUR, { firstSeenAt: acknowledgedAt - HOUR }),
      event('account:login:failure', acknowledgedAt - 2 * HOUR, { firstSeenAt: T0 - HOUR }),
      event('account:login:failure', acknowledgedAt - HOUR, { firstSeenAt: T0 - HOUR }),
      event('account:login:failure', acknowledgedAt + HOUR, { firstSeenAt: T0 - HOUR }),
    ];
    const audit = (events: ReturnType<typeof event>[]) => securityEvents.run({ account: alice, history: summariseHistory(events, alice.observed), settings: passwordOnly() }, T0).status;
    // Three failures read after "It was me" within 24 hours: the audit fails and the reminder fires.
    expect(audit(rows)).toBe('fail');
    expect(evaluate(rows)).toMatchObject({ trigger: 'failed-login-burst' });
    expect(evaluate(rows)?.message).toContain('3 failed logins');
    // Only the row read before the acknowledgement: both stay quiet.
    expect(audit(rows.slice(0, 1))).toBe('pass');
    expect(evaluate(rows.slice(0, 1))).toBeUndefined();
  });
});

describe('recovery codes', () => {
  const codesOnly = (patch = {}) => settings(patch, ['recoveryCodes']);
  const withTotp = { twoFactor: { value: { totp: true, securityKeys: [] }, seenAt: T0 } };
  const reminderFor = (alice: ReturnType<typeof account>, now = T0, s = codesOnly()) => only(due(input({ accounts: [{ account: alice }] }), s, now, UTC), 'recovery-codes|pypi.org/alice')[0];

  it('fires when 2FA is on and no codes are left, and opens the two-factor page', () => {
    const alice = account({ ...withTotp, recoveryCodes: { value: { generated: false }, seenAt: T0 } });
    expect(reminderFor(alice)).toMatchObject({ status: 'fire', trigger: 'no-recovery-codes', openUrl: 'https://pypi.org/manage/account/two-factor/' });
    expect(reminderFor(account({ recoveryCodes: { value: { generated: false }, seenAt: T0 } }))).toBeUndefined();
  });

  it('fires at 3 unused codes, not at 4', () => {
    const codes = (unused: number) => account({ ...withTotp, recoveryCodes: { value: { generated: true, generatedAt: T0 - 90 * DAY, unused }, seenAt: T0 } });
    expect(reminderFor(codes(4))).toBeUndefined();
    expect(reminderFor(codes(3))).toMatchObject({ status: 'fire', trigger: 'few-recovery-codes', period: `few-recovery-codes:${T0 - 90 * DAY}` });
    expect(reminderFor(codes(2))?.period).toBe(reminderFor(codes(3))?.period);
  });

  it('is due for a drill drillIntervalDays after the last drill', () => {
    const drilled = account({
      recoveryCodes: { value: { generated: true, generatedAt: T0 - 200 * DAY, unused: 7 }, seenAt: T0 },
      observed: { recoveryDrill: { salt: 'c2FsdA==', iterations: 600_000, hashes: [], codesShownAt: T0 - 200 * DAY, lastDrillAt: T0 - 60 * DAY } },
    });
    expect(reminderFor(drilled, T0 - HOUR)).toMatchObject({ status: 'upcoming', notBefore: T0 });
    expect(reminderFor(drilled, T0)).toMatchObject({ status: 'fire', trigger: 'drill-due', openUrl: 'drill.html?account=pypi.org%2Falice' });
    expect(reminderFor(drilled, T0, codesOnly({ drillIntervalDays: 90 }))).toMatchObject({ status: 'upcoming', notBefore: T0 + 30 * DAY });
  });

  it('asks again a week after a drill that did not match', () => {
    const failed = account({
      recoveryCodes: { value: { generated: true, generatedAt: T0 - 200 * DAY, unused: 7 }, seenAt: T0 },
      observed: { recoveryDrill: { salt: 'c2FsdA==', iterations: 600_000, hashes: [], codesShownAt: T0 - 200 * DAY, lastDrillAt: T0 - 7 * DAY, lastDrillPassed: false } },
    });
    expect(reminderFor(failed, T0 - HOUR)).toMatchObject({ status: 'upcoming', notBefore: T0 });
    expect(reminderFor(failed, T0)).toMatchObject({ status: 'fire', trigger: 'drill-due' });
    expect(reminderFor(failed, T0)?.message).toMatch(/was not one of your recovery codes/);
  });

  it('skips the drill when the codes were regenerated after the drill learned them', () => {
    const stale = account({
      recoveryCodes: { value: { generated: true, generatedAt: T0 - 10 * DAY, unused: 8 }, seenAt: T0 },
      observed: { recoveryDrill: { salt: 'c2FsdA==', iterations: 600_000, hashes: [], codesShownAt: T0 - 200 * DAY } },
    });
    expect(reminderFor(stale)).toBeUndefined();
  });
});

describe('check-up', () => {
  const checkUpOnly = settings({}, ['checkUp']);
  const lastSeen = T0 - 30 * DAY;
  const alice = account({ pagesSeenAt: { 'account-settings': lastSeen, projects: T0 } });
  const at = (now: number, s = checkUpOnly) => only(due(input({ accounts: [{ account: alice }] }), s, now, UTC), 'check-up|pypi.org/alice')[0];

  it('is due when the account page has not been seen for 30 days (not at 29)', () => {
    expect(at(lastSeen + 29 * DAY)).toMatchObject({ status: 'upcoming' });
    expect(at(lastSeen + 30 * DAY)).toMatchObject({ status: 'fire', openUrl: 'https://pypi.org/manage/account/', period: `stale-audit:${lastSeen + 30 * DAY}` });
  });

  it('is due exactly when staleAfterDays × 24 hours have elapsed, to the millisecond (the audit’s boundary)', () => {
    const seenAt = lastSeen + 17 * HOUR + 123; // not on a day boundary
    const seenMidDay = account({ pagesSeenAt: { 'account-settings': seenAt } });
    const atMs = (now: number) => only(due(input({ accounts: [{ account: seenMidDay }] }), checkUpOnly, now, UTC), 'check-up|pypi.org/alice')[0]?.status;
    expect(atMs(seenAt + 30 * DAY - 1)).toBe('upcoming');
    expect(atMs(seenAt + 30 * DAY)).toBe('fire');
    // Local time and daylight saving do not move it: it is raw elapsed time.
    const berlinSummer: LocalClock = { utcOffsetMinutes: (at) => (at < seenAt + 10 * DAY ? 120 : 60) };
    expect(only(due(input({ accounts: [{ account: seenMidDay }] }), checkUpOnly, seenAt + 30 * DAY - 1, berlinSummer), 'check-up|pypi.org/alice')[0]?.status).toBe('upcoming');
  });

  it('follows the staleness setting', () => {
    expect(at(lastSeen + 30 * DAY, settings({ staleAfterDays: 45 }, ['checkUp']))).toMatchObject({ status: 'upcoming', notBefore: lastSeen + 45 * DAY });
  });

  it('counts the 2FA page and the unverified-account page as the audit does', () => {
    for (const page of ['two-factor-settings', 'unverified-account'] as const) {
      const laterThere = account({ pagesSeenAt: { 'account-settings': lastSeen, [page]: lastSeen + 10 * DAY } });
      const reminder = only(due(input({ accounts: [{ account: laterThere }] }), checkUpOnly, lastSeen + 30 * DAY, UTC), 'check-up|pypi.org/alice')[0];
      expect(reminder, page).toMatchObject({ status: 'upcoming', notBefore: lastSeen + 40 * DAY });
    }
  });
});

describe('recovery follow-up', () => {
  const followUpOnly = settings({}, ['recoveryFollowUp']);
  const at = (now: number, states: ReminderState[] = [], req = request()) =>
    only(due(input({ recoveryRequests: [req], reminderStates: states }), followUpOnly, now, UTC), 'recovery-follow-up|req-1')[0];

  it('is due 14 days after submission, not at 13', () => {
    expect(at(T0 + 13 * DAY)).toMatchObject({ status: 'upcoming', notBefore: T0 + 14 * DAY });
    expect(at(T0 + 14 * DAY)).toMatchObject({ status: 'fire', reason: 'schedule', period: `no-reply:${T0 + 14 * DAY}`, openUrl: 'recovery.html?host=pypi.org&username=alice&from=reminder', requestId: 'req-1', accountId: 'pypi.org/alice' });
  });

  it('comes back at 28 days after "Done" at 14', () => {
    const done: ReminderState = { id: 'recovery-follow-up|req-1', firedForPeriod: `no-reply:${T0 + 14 * DAY}`, doneForPeriod: `no-reply:${T0 + 14 * DAY}` };
    expect(at(T0 + 20 * DAY, [done])).toBeUndefined();
    expect(at(T0 + 28 * DAY, [done])).toMatchObject({ status: 'fire', period: `no-reply:${T0 + 28 * DAY}` });
  });

  it('stops once the request is answered, and waits for a submission', () => {
    expect(at(T0 + 30 * DAY, [], request({ status: 'answered' }))).toBeUndefined();
    expect(at(T0 + 30 * DAY, [], request({ status: 'drafted', submittedAt: undefined }))).toBeUndefined();
  });
});

describe('what the user did, and restarts', () => {
  const changedAt = T0 - 200 * DAY;
  const alice = account({ observed: { passwordChangedAt: changedAt } });
  const period = `rotation-schedule:${changedAt + 180 * DAY}`;
  const id = 'password-rotation|pypi.org/alice';
  const evaluate = (state: ReminderState | undefined, now = T0, s = passwordOnly()) =>
    rotation(due(input({ accounts: [{ account: alice }], reminderStates: state ? [state] : [] }), s, now, UTC));

  it('does not fire again in the same period after a restart (already fired)', () => {
    expect(evaluate(undefined)?.status).toBe('fire');
    const afterFiring: ReminderState = { id, firedForPeriod: period, lastFiredAt: T0 };
    expect(evaluate(afterFiring, T0 + 5 * DAY)).toMatchObject({ status: 'shown' });
    expect(toFire(due(input({ accounts: [{ account: alice }], reminderStates: [afterFiring] }), passwordOnly(), T0 + 5 * DAY, UTC))).toEqual([]);
  });

  it('holds a snoozed reminder until the snooze ends, then fires it once more', () => {
    const snoozed: ReminderState = { id, firedForPeriod: period, lastFiredAt: T0, snoozedUntil: T0 + 7 * DAY };
    expect(evaluate(snoozed, T0 + 6 * DAY)).toMatchObject({ status: 'waiting', notBefore: T0 + 7 * DAY });
    expect(evaluate(snoozed, T0 + 7 * DAY)).toMatchObject({ status: 'fire' });
    const refired: ReminderState = { ...snoozed, lastFiredAt: T0 + 7 * DAY };
    expect(evaluate(refired, T0 + 8 * DAY)).toMatchObject({ status: 'shown' });
  });

  it('does not let a snooze of an earlier period hold a new one', () => {
    const oldSnooze: ReminderState = { id, firedForPeriod: 'breach:1', lastFiredAt: T0 - HOUR, snoozedUntil: T0 + 6 * DAY };
    expect(evaluate(oldSnooze)).toMatchObject({ status: 'fire', period });
    const recorded: ReminderState = { ...oldSnooze, snoozedForPeriod: 'breach:1' };
    expect(evaluate(recorded)).toMatchObject({ status: 'fire', period });
  });

  it('a snooze belongs to its period: once a new period fired, the old snooze neither holds it nor re-fires it', () => {
    // Period A was snoozed for a week; the new period fired at T0 (a state as an older version stored it, keeping the snooze).
    const afterNewPeriodFired: ReminderState = { id, firedForPeriod: period, lastFiredAt: T0, snoozedUntil: T0 + 6 * DAY, snoozedForPeriod: 'breach:1' };
    expect(evaluate(afterNewPeriodFired, T0 + HOUR)).toMatchObject({ status: 'shown' });
    expect(evaluate(afterNewPeriodFired, T0 + 6 * DAY)).toMatchObject({ status: 'shown' });
    expect(evaluate(afterNewPeriodFired, T0 + 8 * DAY)).toMatchObject({ status: 'shown' });
  });

  it('holds a reminder that never fired (quiet hours held it) when it is snoozed, then fires it', () => {
    const quiet = passwordOnly({ quietHours: { startHour: 10, endHour: 14 } }); // T0 is 12:00 UTC
    expect(evaluate(undefined, T0, quiet)).toMatchObject({ status: 'waiting', notBefore: T0 + 2 * HOUR });
    const snoozed: ReminderState = { id, snoozedUntil: T0 + 7 * DAY, snoozedForPeriod: period };
    expect(evaluate(snoozed, T0, quiet)).toMatchObject({ status: 'waiting', notBefore: T0 + 7 * DAY });
    expect(evaluate(snoozed, T0 + 3 * HOUR, quiet)).toMatchObject({ status: 'waiting', notBefore: T0 + 7 * DAY }); // quiet hours over, still snoozed
    // The snooze ends at 12:00, inside quiet hours: those still hold it until 14:00.
    expect(evaluate(snoozed, T0 + 7 * DAY, quiet)).toMatchObject({ status: 'waiting', notBefore: T0 + 7 * DAY + 2 * HOUR });
    expect(evaluate(snoozed, T0 + 7 * DAY + 2 * HOUR, quiet)).toMatchObject({ status: 'fire' });
    expect(evaluate({ ...snoozed, snoozedForPeriod: 'rotation-schedule:1' }, T0 + 3 * HOUR, quiet)).toMatchObject({ status: 'fire' }); // another period's snooze
  });

  it('drops a reminder marked done for this period', () => {
    expect(evaluate({ id, firedForPeriod: period, doneForPeriod: period })).toBeUndefined();
  });

  it('counts fired and shown reminders on the badge, not waiting or upcoming ones', () => {
    const reminders = due(
      input({
        accounts: [{ account: alice }, { account: account({ id: 'pypi.org/bob', username: 'bob', observed: { passwordChangedAt: T0 - 10 * DAY } }) }],
        recoveryRequests: [request({ submittedAt: T0 - 14 * DAY })],
        reminderStates: [{ id: 'recovery-follow-up|req-1', firedForPeriod: `no-reply:${T0}`, lastFiredAt: T0 }],
      }),
      settings({}, ['passwordRotation', 'recoveryFollowUp']),
      T0,
      UTC,
    );
    expect(reminders.map((reminder) => [reminder.id, reminder.status])).toEqual([
      ['password-rotation|pypi.org/alice', 'fire'],
      ['password-rotation|pypi.org/bob', 'upcoming'],
      ['recovery-follow-up|req-1', 'shown'],
    ]);
    expect(outstanding(reminders).map((reminder) => reminder.id)).toEqual(['password-rotation|pypi.org/alice', 'recovery-follow-up|req-1']);
    expect(wakeUps(reminders, T0)).toEqual(new Map([['password-rotation|pypi.org/bob', T0 + 170 * DAY]]));
  });
});

describe('quiet hours and pause', () => {
  const alice = account({ observed: { passwordChangedAt: T0 - 200 * DAY } });
  const at = (now: number, patch: Parameters<typeof passwordOnly>[0], clock: LocalClock = UTC) => rotation(due(input({ accounts: [{ account: alice }] }), passwordOnly(patch), now, clock));
  const midnight = Date.UTC(2026, 10, 2); // Monday 00:00 UTC
  const overnight = { quietHours: { startHour: 22, endHour: 7 } };

  it('holds reminders in a window that wraps midnight until it ends', () => {
    expect(at(midnight - HOUR, overnight)).toMatchObject({ status: 'waiting', notBefore: midnight + 7 * HOUR }); // 23:00
    expect(at(midnight + 7 * HOUR - 60_000, overnight)).toMatchObject({ status: 'waiting', notBefore: midnight + 7 * HOUR }); // 06:59
    expect(at(midnight + 7 * HOUR, overnight)?.status).toBe('fire'); // 07:00, end exclusive
    expect(at(midnight - 2 * HOUR - 60_000, overnight)?.status).toBe('fire'); // 21:59
    expect(at(midnight - 2 * HOUR, overnight)?.status).toBe('waiting'); // 22:00, start inclusive
  });

  it('holds reminders in a daytime window', () => {
    const office = { quietHours: { startHour: 9, endHour: 17 } };
    expect(at(midnight + 9 * HOUR, office)).toMatchObject({ status: 'waiting', notBefore: midnight + 17 * HOUR });
    expect(at(midnight + 17 * HOUR, office)?.status).toBe('fire');
    expect(at(midnight + 8 * HOUR, office)?.status).toBe('fire');
  });

  it('reads the hour in the user’s time zone', () => {
    const india: LocalClock = { utcOffsetMinutes: () => 330 };
    // 18:00 UTC is 23:30 in India: quiet until 07:00 India time = 01:30 UTC.
    expect(at(midnight - 6 * HOUR, overnight, india)).toMatchObject({ status: 'waiting', notBefore: midnight + 90 * 60_000 });
    // 23:00 UTC is 04:30 in India.
    expect(quietUntil(midnight - HOUR, overnight.quietHours, india)).toBe(midnight + 90 * 60_000);
    // 02:00 UTC is 07:30 in India: not quiet.
    expect(quietUntil(midnight + 2 * HOUR, overnight.quietHours, india)).toBeNull();
  });

  it('treats equal start and end as no quiet hours', () => {
    expect(at(midnight, { quietHours: { startHour: 8, endHour: 8 } })?.status).toBe('fire');
  });

  it('holds everything while paused, then until quiet hours end if the pause ends inside them', () => {
    expect(at(T0, { pausedUntil: T0 + 3 * DAY })).toMatchObject({ status: 'waiting', notBefore: T0 + 3 * DAY });
    expect(at(T0, { pausedUntil: T0 })?.status).toBe('fire');
    const pauseEndsAt23 = midnight - HOUR;
    expect(holdUntil(T0, { pausedUntil: pauseEndsAt23, quietHours: overnight.quietHours }, UTC)).toBe(midnight + 7 * HOUR);
  });

  it('does not hold a reminder that was already shown', () => {
    const state: ReminderState = { id: 'password-rotation|pypi.org/alice', firedForPeriod: `rotation-schedule:${T0 - 20 * DAY}`, lastFiredAt: T0 - DAY };
    const reminder = rotation(due(input({ accounts: [{ account: alice }], reminderStates: [state] }), passwordOnly(overnight), midnight, UTC));
    expect(reminder?.status).toBe('shown');
  });
});

describe('the reminder logic runs anywhere (Chrome, Firefox, Node)', () => {
  it('touches no browser API: no import of wxt/browser and no browser or chrome global', () => {
    const folder = join(process.cwd(), 'utils/reminders');
    for (const file of readdirSync(folder)) {
      const source = readFileSync(join(folder, file), 'utf8');
      expect(source, file).not.toMatch(/from ['"]wxt\/browser['"]|\bbrowser\.|\bchrome\./);
      expect(source, file).not.toMatch(/\bDate\.now\(/);
    }
  });
});

describe('periods with several triggers', () => {
  it('are the same set however they are listed', () => {
    expect(periodOf(['rotation-schedule:2', 'breach:1', 'breach:1'])).toBe('breach:1+rotation-schedule:2');
  });

  it('are covered by a record that named each of their triggers, and only then', () => {
    expect(periodCovers('breach:1+rotation-schedule:2', 'breach:1')).toBe(true);
    expect(periodCovers('breach:1+rotation-schedule:2', 'breach:1+rotation-schedule:2')).toBe(true);
    expect(periodCovers('breach:1', 'breach:1+rotation-schedule:2')).toBe(false);
    expect(periodCovers('breach:1', 'breach:10')).toBe(false);
    expect(periodCovers(undefined, 'breach:1')).toBe(false);
  });
});
