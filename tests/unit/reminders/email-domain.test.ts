import { formatDate } from '@/utils/text/format';
import { describe, expect, it } from 'vitest';
import { due } from '@/utils/reminders';
import { EMAIL_DOMAIN_REMINDER_DAYS } from '@/utils/reminders/email-domain';
import type { EmailDomainRecord } from '@/utils/email-domain/types';
import type { AccountRecord, ReminderState } from '@/utils/store/types';
import { account, DAY, HOUR, input, settings, T0, UTC } from './builders';

const EXPIRES = T0 + 60 * DAY;
const ID = 'email-domain|example.org';

const alice = account({ emails: { value: [{ address: 'alice@mail.example.org', primary: true, verified: true }], seenAt: T0 } });
const aliceTest: AccountRecord = { ...alice, id: 'test.pypi.org/alice', host: 'test.pypi.org' };
const record = (expiresAt: number | null = EXPIRES): EmailDomainRecord => ({
  domain: 'example.org',
  hosts: ['mail.example.org'],
  answer: { kind: 'registered', expiresAt, statuses: ['active'], answeredAt: T0 },
  failures: 0,
  nextCheckAt: T0 + DAY,
});

function remindersAt(now: number, options: { states?: ReminderState[]; quietHours?: { startHour: number; endHour: number }; on?: boolean; records?: EmailDomainRecord[] } = {}) {
  const base = input({ accounts: [{ account: alice }, { account: aliceTest }], reminderStates: options.states ?? [] });
  return due({ ...base, emailDomains: options.records ?? [record()] }, settings({ emailDomainCheck: options.on ?? true, quietHours: options.quietHours ?? null }, ['emailDomain']), now, UTC).filter(
    (reminder) => reminder.kind === 'email-domain',
  );
}

describe('email-domain reminders', () => {
  it('is upcoming until the domain enters the 45-day window, then fires once per mark: 45, 14 and 3 days', () => {
    expect(remindersAt(T0)).toMatchObject([{ id: ID, status: 'upcoming', notBefore: EXPIRES - 45 * DAY }]);
    const periods = EMAIL_DOMAIN_REMINDER_DAYS.map((days) => {
      const [reminder] = remindersAt(EXPIRES - days * DAY);
      expect(reminder).toMatchObject({ status: 'fire', trigger: 'domain-expiring', dueAt: EXPIRES - days * DAY });
      return reminder!.period;
    });
    expect(new Set(periods).size).toBe(3);
  });

  it('names the domain, its date and every account it serves, once for both accounts', () => {
    const reminders = remindersAt(EXPIRES - 14 * DAY);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ title: 'example.org expires in 14 days', openUrl: 'https://pypi.org/manage/account/#account-emails' });
    expect(reminders[0]!.message).toContain(`expires on ${formatDate(EXPIRES)}`);
    expect(reminders[0]!.message).toContain('alice on pypi.org and alice on test.pypi.org');
  });

  it('does not fire again for a mark it fired for, but does at the next mark', () => {
    const [at14] = remindersAt(EXPIRES - 14 * DAY);
    const fired: ReminderState = { id: ID, firedForPeriod: at14!.period, lastFiredAt: EXPIRES - 14 * DAY };
    expect(remindersAt(EXPIRES - 10 * DAY, { states: [fired] })).toMatchObject([{ status: 'shown' }]);
    expect(remindersAt(EXPIRES - 3 * DAY, { states: [fired] })).toMatchObject([{ status: 'fire' }]);
  });

  it('follows quiet hours and snooze like every other reminder', () => {
    const at14 = EXPIRES - 14 * DAY; // 12:00 UTC
    expect(remindersAt(at14, { quietHours: { startHour: 9, endHour: 17 } })).toMatchObject([{ status: 'waiting', notBefore: at14 + 5 * HOUR }]);
    const [reminder] = remindersAt(at14);
    const snoozed: ReminderState = { id: ID, firedForPeriod: reminder!.period, lastFiredAt: at14, snoozedUntil: at14 + 7 * DAY, snoozedForPeriod: reminder!.period };
    expect(remindersAt(at14 + DAY, { states: [snoozed] })).toMatchObject([{ status: 'waiting', notBefore: at14 + 7 * DAY }]);
  });

  it('says nothing while the check is off, after expiry (the audit fails instead), or without an expiry date', () => {
    expect(remindersAt(EXPIRES - 14 * DAY, { on: false })).toEqual([]);
    expect(remindersAt(EXPIRES + HOUR)).toEqual([]);
    expect(remindersAt(T0, { records: [record(null)] })).toEqual([]);
  });

  it('a renewal ends the reminders of the old date', () => {
    const renewed = record(EXPIRES + 365 * DAY);
    expect(remindersAt(EXPIRES - 14 * DAY, { records: [renewed] })).toMatchObject([{ status: 'upcoming' }]);
  });
});
