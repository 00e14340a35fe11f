import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  applyReminderAction,
  ensureAlarms,
  notificationIdOf,
  parseNotificationId,
  requestReminderTick,
  resetNotificationSupport,
  runReminderTick,
  setupReminders,
  SNOOZE_MS,
  TICK_ALARM,
  TICK_PERIOD_MINUTES,
  type ReminderDeps,
} from '@/utils/background/reminders';
import { deleteStore, getReminderHistory, getReminderState, openStore, readAuditSummary, saveSettings, updateObserved } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';
import { account, DAY, HOUR, request, T0, UTC } from '../reminders/builders';

const CHANGED_AT = T0 - 181 * DAY;
const PERIOD = `rotation-schedule:${CHANGED_AT + 180 * DAY}`;
const REMINDER_ID = 'password-rotation|pypi.org/alice';
const NOTIFICATION_ID = `${REMINDER_ID}@${PERIOD}`;

let dbName: string;
let db: PypiGuardDb;
let now: number;
let counter = 0;
let deps: ReminderDeps;

beforeEach(async () => {
  fakeBrowser.reset();
  resetNotificationSupport();
  dbName = `pypi-guard-reminders-${counter++}`;
  db = await openStore(dbName);
  now = T0;
  deps = { openDb: () => openStore(dbName), now: () => now, clock: UTC };
  // Only the password reminder of one account, changed 181 days ago on a 180-day schedule.
  await saveSettings(db, { reminders: { recoveryCodes: false, checkUp: false, recoveryFollowUp: false, emailDomain: false } });
  await db.put('accounts', account({ observed: { passwordChangedAt: CHANGED_AT } }));
});
afterEach(async () => {
  db.close();
  await deleteStore(dbName);
});

const notifications = () => browser.notifications.getAll() as unknown as Promise<Record<string, { title: string; message: string; buttons?: { title: string }[] }>>;
const badge = () => browser.action.getBadgeText({});
const history = async () => (await getReminderHistory(db)).map((entry) => [entry.reminderId, entry.action]);

describe('alarms', () => {
  it('creates one periodic alarm and leaves it alone on later starts', async () => {
    const create = vi.spyOn(browser.alarms, 'create');
    setupReminders(deps);
    await vi.waitFor(async () => expect(await browser.alarms.get(TICK_ALARM)).toBeDefined());
    const first = await browser.alarms.get(TICK_ALARM);
    expect(first?.periodInMinutes).toBe(TICK_PERIOD_MINUTES);

    // A worker restart and a browser start-up run the setup and the events again.
    setupReminders(deps);
    await fakeBrowser.runtime.onStartup.trigger();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    expect(create.mock.calls.filter(([name]) => name === TICK_ALARM)).toHaveLength(1);
    expect((await browser.alarms.get(TICK_ALARM))?.scheduledTime).toBe(first?.scheduledTime);
  });

  it('restores the periodic alarm when a one-off alarm took its name (as a test may do)', async () => {
    browser.alarms.create(TICK_ALARM, { when: Date.now() });
    await ensureAlarms();
    expect((await browser.alarms.get(TICK_ALARM))?.periodInMinutes).toBe(TICK_PERIOD_MINUTES);
  });

  it('runs a tick when any reminders: alarm fires, and ignores other alarms', async () => {
    setupReminders(deps);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'someone-else', scheduledTime: now });
    expect(Object.keys(await notifications())).toEqual([]);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'reminders:refresh', scheduledTime: now });
    expect(Object.keys(await notifications())).toEqual([NOTIFICATION_ID]);
  });

  it('sets a one-off alarm at the exact time an upcoming reminder is due, and clears stale ones', async () => {
    await db.put('accounts', account({ id: 'pypi.org/bob', username: 'bob', observed: { passwordChangedAt: T0 - 100 * DAY } }));
    browser.alarms.create('reminders:at:password-rotation|pypi.org/gone', { when: T0 + DAY });
    await runReminderTick(deps);
    const oneOffs = (await browser.alarms.getAll()).filter((alarm) => alarm.name.startsWith('reminders:at:'));
    expect(oneOffs.map((alarm) => [alarm.name, alarm.scheduledTime])).toEqual([['reminders:at:password-rotation|pypi.org/bob', T0 + 80 * DAY]]);
  });
});

describe('a tick', () => {
  it('shows one notification with Snooze and Done buttons, counts it on the badge and records it', async () => {
    const { fired } = await runReminderTick(deps);
    expect(fired.map((reminder) => reminder.id)).toEqual([REMINDER_ID]);
    const shown = await notifications();
    expect(Object.keys(shown)).toEqual([NOTIFICATION_ID]);
    expect(shown[NOTIFICATION_ID]).toMatchObject({ title: 'PyPI: Time to change your password', buttons: [{ title: 'Snooze 1 week' }, { title: 'Done' }] });
    expect(await badge()).toBe('1');
    expect(await getReminderState(db, REMINDER_ID)).toEqual({ id: REMINDER_ID, firedForPeriod: PERIOD, lastFiredAt: T0 });
    expect(await history()).toEqual([[REMINDER_ID, 'fired']]);
  });

  it('keeps the popup’s summary: the audit of every account and the reminders outstanding, as the badge counts them', async () => {
    expect(await readAuditSummary(db)).toBeUndefined();
    await runReminderTick(deps);
    const summary = await readAuditSummary(db);
    expect(summary).toMatchObject({ computedAt: T0, reminders: [{ id: REMINDER_ID, period: PERIOD }] });
    expect(summary?.entries.map((entry) => entry.account.id)).toEqual(['pypi.org/alice']);
    // alice's audit has no failing check, so the badge counts the one reminder (as the summary says).
    expect(summary?.entries[0]?.audit.failCount).toBe(0);
    expect(summary?.entries[0]?.audit.results.map((result) => result.id)).toContain('password-age');
    expect(await badge()).toBe('1');

    // Data changes, the next tick rewrites it: a second account appears.
    await db.put('accounts', account({ id: 'pypi.org/bob', username: 'bob', observed: { passwordChangedAt: T0 } }));
    now += HOUR;
    await runReminderTick(deps);
    expect((await readAuditSummary(db))?.entries.map((entry) => entry.account.id).sort()).toEqual(['pypi.org/alice', 'pypi.org/bob']);
    expect((await readAuditSummary(db))?.computedAt).toBe(T0 + HOUR);
  });

  it('does not notify again after a worker restart in the same period', async () => {
    await runReminderTick(deps);
    await browser.notifications.clear(NOTIFICATION_ID); // the user let it go by
    const create = vi.spyOn(browser.notifications, 'create');

    // A new worker: fresh module state, listeners again, alarms fire again hours later.
    resetNotificationSupport();
    setupReminders(deps);
    now = T0 + 5 * HOUR;
    await fakeBrowser.alarms.onAlarm.trigger({ name: TICK_ALARM, scheduledTime: now });
    await runReminderTick(deps);

    expect(create).not.toHaveBeenCalled();
    expect(await notifications()).toEqual({});
    expect(await badge()).toBe('1');
    expect(await history()).toEqual([[REMINDER_ID, 'fired']]);
  });

  it('notifies once when two alarms fire together', async () => {
    await Promise.all([runReminderTick(deps), runReminderTick(deps), runReminderTick(deps)]);
    expect(await history()).toEqual([[REMINDER_ID, 'fired']]);
  });

  it('a burst of data-changed ticks notifies once and joins the tick that has not started yet', async () => {
    const create = vi.spyOn(browser.notifications, 'create');
    const opened = vi.fn(deps.openDb);
    const counted: ReminderDeps = { ...deps, openDb: opened };
    // An alarm tick is running; five changes arrive meanwhile, and another alarm.
    const alarmTick = runReminderTick(counted);
    const changes = Array.from({ length: 5 }, () => requestReminderTick(counted));
    const laterAlarm = runReminderTick(counted);
    const results = await Promise.all([alarmTick, ...changes, laterAlarm]);
    expect(new Set(changes).size).toBe(1); // the five joined one waiting tick
    expect(opened).toHaveBeenCalledTimes(3); // alarm, the joined change tick, the later alarm
    expect(results.flatMap((result) => result.fired).map((reminder) => reminder.id)).toEqual([REMINDER_ID]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await history()).toEqual([[REMINDER_ID, 'fired']]);
  });

  it('a change that arrives while a tick runs gets a tick of its own, which reads it', async () => {
    await db.put('accounts', account({ observed: { passwordChangedAt: T0 - 10 * DAY } })); // nothing due yet
    // Hold the running tick at its badge update: it has read the store and decided by then.
    const setBadgeText = browser.action.setBadgeText.bind(browser.action);
    let reachedBadge!: () => void;
    let release!: () => void;
    const atBadge = new Promise<void>((resolve) => (reachedBadge = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(browser.action, 'setBadgeText').mockImplementationOnce(async (details) => {
      reachedBadge();
      await gate;
      return setBadgeText(details);
    });

    const running = requestReminderTick(deps);
    await atBadge;
    await updateObserved(db, 'pypi.org/alice', (observed) => ({ ...observed, breachFoundAt: T0 }));
    const next = requestReminderTick(deps);
    expect(next).not.toBe(running);
    release();
    expect((await running).fired).toEqual([]);
    expect((await next).fired.map((reminder) => reminder.trigger)).toEqual(['breach']);
  });

  it('waits for quiet hours to end, with a one-off alarm at the end', async () => {
    await saveSettings(db, { quietHours: { startHour: 10, endHour: 14 } }); // T0 is 12:00 UTC
    const { fired } = await runReminderTick(deps);
    expect(fired).toEqual([]);
    expect(await badge()).toBe('');
    expect((await browser.alarms.get(`reminders:at:${REMINDER_ID}`))?.scheduledTime).toBe(T0 + 2 * HOUR);
    now = T0 + 2 * HOUR;
    expect((await runReminderTick(deps)).fired.map((reminder) => reminder.id)).toEqual([REMINDER_ID]);
  });

  it('falls back to a plain notification where buttons are refused (Firefox)', async () => {
    const create = browser.notifications.create.bind(browser.notifications);
    vi.spyOn(browser.notifications, 'create').mockImplementation(((id: string, options: { buttons?: unknown }) =>
      options.buttons ? Promise.reject(new Error('Type error for parameter options: Property "buttons" is unsupported by Firefox')) : create(id, options as never)) as never);
    await runReminderTick(deps);
    const shown = (await notifications())[NOTIFICATION_ID];
    expect(shown?.buttons).toBeUndefined();
    expect(shown?.message).toMatch(/Click to open pypi\.org\.$/);
  });
});

describe('what the user does with a notification', () => {
  beforeEach(async () => {
    setupReminders(deps);
    await runReminderTick(deps);
  });

  it('"Snooze 1 week" holds it for seven days, then it comes back once', async () => {
    now = T0 + HOUR;
    await fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, 0);
    expect((await getReminderState(db, REMINDER_ID))?.snoozedUntil).toBe(T0 + HOUR + SNOOZE_MS);
    expect(await notifications()).toEqual({});
    expect(await badge()).toBe('');
    expect((await browser.alarms.get(`reminders:at:${REMINDER_ID}`))?.scheduledTime).toBe(T0 + HOUR + SNOOZE_MS);

    now = T0 + HOUR + SNOOZE_MS - 1;
    expect((await runReminderTick(deps)).fired).toEqual([]);
    now = T0 + HOUR + SNOOZE_MS;
    expect((await runReminderTick(deps)).fired.map((reminder) => reminder.id)).toEqual([REMINDER_ID]);
    expect((await runReminderTick(deps)).fired).toEqual([]);
    expect(await history()).toEqual([
      [REMINDER_ID, 'fired'],
      [REMINDER_ID, 'snoozed'],
      [REMINDER_ID, 'fired'],
    ]);
  });

  it('a snooze belongs to its period: new evidence notifies once, and the old snooze ending does not notify again', async () => {
    now = T0 + HOUR;
    await fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, 0); // snooze period A for a week

    // New evidence: period B (the breach with the calendar date) fires at once, snooze or not.
    now = T0 + 2 * HOUR;
    await updateObserved(db, 'pypi.org/alice', (observed) => ({ ...observed, breachFoundAt: now }));
    const periodB = `breach:${T0 + 2 * HOUR}+${PERIOD}`;
    expect((await runReminderTick(deps)).fired.map((reminder) => reminder.period)).toEqual([periodB]);
    expect(await getReminderState(db, REMINDER_ID)).toEqual({ id: REMINDER_ID, firedForPeriod: periodB, lastFiredAt: T0 + 2 * HOUR });

    // The second tick: B was shown (on the badge), not "waiting" for A's snooze.
    now = T0 + 3 * HOUR;
    const second = await runReminderTick(deps);
    expect(second.fired).toEqual([]);
    expect(second.reminders.find((reminder) => reminder.id === REMINDER_ID)?.status).toBe('shown');
    expect(await badge()).toBe('1');

    // A's snooze ends: nothing fires again.
    now = T0 + HOUR + SNOOZE_MS;
    expect((await runReminderTick(deps)).fired).toEqual([]);
    expect(await history()).toEqual([
      [REMINDER_ID, 'fired'],
      [REMINDER_ID, 'snoozed'],
      [REMINDER_ID, 'fired'],
    ]);
  });

  it('"Done" clears it for this period', async () => {
    await fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, 1);
    expect((await getReminderState(db, REMINDER_ID))?.doneForPeriod).toBe(PERIOD);
    expect(await notifications()).toEqual({});
    expect(await badge()).toBe('');
    now = T0 + 30 * DAY;
    expect((await runReminderTick(deps)).fired).toEqual([]);
    expect(await history()).toEqual([
      [REMINDER_ID, 'done'],
      [REMINDER_ID, 'fired'],
    ]);
  });

  it('a click opens the exact PyPI page and leaves the reminder on the badge', async () => {
    const open = vi.spyOn(browser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(NOTIFICATION_ID);
    expect(open).toHaveBeenCalledWith({ url: 'https://pypi.org/manage/account/#change-password' });
    expect(await notifications()).toEqual({});
    expect(await badge()).toBe('1');
    expect((await history())[0]).toEqual([REMINDER_ID, 'opened']);
  });

  it('a follow-up reminder opens the extension’s recovery page', async () => {
    await saveSettings(db, { passwordRotationDays: 0, reminders: { recoveryCodes: false, checkUp: false, recoveryFollowUp: true, emailDomain: false } });
    await db.put('recoveryRequests', request({ submittedAt: T0 - 14 * DAY }));
    await runReminderTick(deps);
    const open = vi.spyOn(browser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(`recovery-follow-up|req-1@no-reply:${T0}`);
    expect(open).toHaveBeenCalledWith({ url: browser.runtime.getURL('/recovery.html?host=pypi.org&username=alice&from=reminder' as '/') });
  });

  it('a notification closed by the user is only recorded', async () => {
    await fakeBrowser.notifications.onClosed.trigger(NOTIFICATION_ID, true);
    expect(await getReminderState(db, REMINDER_ID)).toEqual({ id: REMINDER_ID, firedForPeriod: PERIOD, lastFiredAt: T0 });
    expect((await history())[0]).toEqual([REMINDER_ID, 'dismissed']);
  });

  it('ignores notifications that are not reminders', async () => {
    const open = vi.spyOn(browser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('something-else');
    await fakeBrowser.notifications.onClicked.trigger('unknown-kind|x@period');
    expect(open).not.toHaveBeenCalled();
    expect(await history()).toEqual([[REMINDER_ID, 'fired']]);
  });

  it('the options page can apply the same actions', async () => {
    await applyReminderAction({ id: REMINDER_ID, kind: 'password-rotation', period: PERIOD }, 'done', deps);
    expect((await getReminderState(db, REMINDER_ID))?.doneForPeriod).toBe(PERIOD);
    expect(await badge()).toBe('');
  });
});

describe('notification ids', () => {
  it('carry the reminder id and period, and parse back', () => {
    const id = notificationIdOf({ id: 'recovery-follow-up|a@b', period: 'no-reply:5' });
    expect(parseNotificationId(id)).toEqual({ id: 'recovery-follow-up|a@b', kind: 'recovery-follow-up', period: 'no-reply:5' });
    expect(parseNotificationId('no-at-sign')).toBeNull();
    expect(parseNotificationId('check-up|pypi.org/alice@')).toBeNull();
  });
});
