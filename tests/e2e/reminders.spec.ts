import { test as base, expect, type BrowserContext, type Worker } from '@playwright/test';
import { extensionIdOf, extensionServiceWorker, launchWithExtension } from './support/launch';
import { OptionsPage } from './pages/options';
import {
  aliceChangedDaysAgo,
  badgeText,
  fireReminderTick,
  holdPeriodicTick,
  notificationIds,
  reminderHistory,
  restartServiceWorker,
  seedAlice,
} from './support/reminders';

/**
 * Reminders end to end, in the built extension. The account is written into the extension's
 * store from its service worker (so no page message runs a tick behind the test's back), or
 * imported through the options page where that is what is tested.
 *
 * - Fire the reminder alarm from the service worker (`chrome.alarms.create('reminders:…')`) and
 *   wait for that tick to finish (support/reminders.ts: the tick rewrites the badge last).
 * - Read notifications with `chrome.notifications.getAll()` right after the tick (headless
 *   Chromium drops them from that list after about 8 seconds), and the reminder history from the
 *   store: a duplicate would be a second "fired" line.
 * - Restart only the service worker, through the DevTools protocol.
 * - Snooze and Done: the options page's "Due now" buttons (the same store action as the
 *   notification buttons, which a test cannot click).
 */

const DAY = 86_400_000;
const REMINDER_ID = 'password-rotation|pypi.org/alice';
const NOTIFICATION_ID = /^password-rotation\|pypi\.org\/alice@rotation-schedule:\d+$/;

const test = base.extend<{ context: BrowserContext; worker: Worker; extensionId: string }>({
  context: async ({}, use) => {
    const context = await launchWithExtension();
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    const worker = await extensionServiceWorker(context);
    await holdPeriodicTick(worker);
    await use(worker);
  },
  extensionId: async ({ worker }, use) => use(extensionIdOf(worker)),
});

/** An export file of alice (see aliceChangedDaysAgo), as a user restoring a backup would import it. */
function seedFile(now: number, daysAgo: number): string {
  const { account, settings } = aliceChangedDaysAgo(now, daysAgo);
  return JSON.stringify({
    format: 'pypi-guard-export',
    schemaVersion: 2,
    exportedAt: new Date(now).toISOString(),
    stores: { accounts: [{ key: account.id, value: account }], settings: [{ key: 'settings', value: settings }] },
  });
}

test('a password due by the calendar notifies once, across a service-worker restart; snooze moves it and Done clears it', async ({ context, worker, extensionId }) => {
  test.slow(); // a worker restart and several ticks
  await seedAlice(worker, Date.now(), 181);

  expect(await fireReminderTick(worker)).toBe('1');
  const [notification] = await notificationIds(worker);
  expect(await notificationIds(worker)).toEqual([expect.stringMatching(NOTIFICATION_ID)]);
  expect(await reminderHistory(worker)).toEqual([[REMINDER_ID, 'fired']]);

  // The same worker fires again: nothing new.
  expect(await fireReminderTick(worker)).toBe('1');
  expect(await reminderHistory(worker)).toEqual([[REMINDER_ID, 'fired']]);

  // The user lets the notification go; the worker is stopped and a fresh one starts; the alarm fires again.
  await worker.evaluate((id) => chrome.notifications.clear(id), notification!);
  const options = await OptionsPage.open(context, extensionId);
  const restarted = await restartServiceWorker(context, options.page, worker);
  expect(await fireReminderTick(restarted)).toBe('1'); // still outstanding…
  expect(await notificationIds(restarted)).toEqual([]); // …and not notified again
  expect(await reminderHistory(restarted)).toEqual([[REMINDER_ID, 'fired']]);

  // Snooze: the reminder waits a week, with a one-off alarm at the new time, and leaves the badge.
  await options.reload();
  const card = options.dueReminder(REMINDER_ID);
  await expect(card).toHaveAttribute('data-status', 'shown');
  await card.getByRole('button', { name: 'Snooze 1 week' }).click();
  await expect(card).toHaveAttribute('data-status', 'waiting');
  expect(await badgeText(restarted)).toBe(''); // the page shows its result after the background's tick
  const wakeUp = await restarted.evaluate((id) => chrome.alarms.get(`reminders:at:${id}`), REMINDER_ID);
  expect(wakeUp?.scheduledTime).toBeGreaterThan(Date.now() + 6.9 * DAY);

  // Done: gone for this period, and recorded; the alarm brings nothing back.
  await card.getByRole('button', { name: 'Done' }).click();
  await expect(card).toHaveCount(0);
  expect(await fireReminderTick(restarted)).toBe('');
  expect(await notificationIds(restarted)).toEqual([]);
  expect(await reminderHistory(restarted)).toEqual([
    [REMINDER_ID, 'fired'],
    [REMINDER_ID, 'snoozed'],
    [REMINDER_ID, 'done'],
  ]);
  await options.reload();
  await expect(options.historyRows('fired')).toHaveCount(1);
  await expect(options.historyRows('done')).toHaveCount(1);
});

test('a password changed 179 days ago does not notify, and a one-off alarm waits for day 180', async ({ worker }) => {
  const now = Date.now();
  await seedAlice(worker, now, 179);
  expect(await fireReminderTick(worker)).toBe('');
  expect(await notificationIds(worker)).toEqual([]);
  expect(await reminderHistory(worker)).toEqual([]);
  const wakeUp = await worker.evaluate((id) => chrome.alarms.get(`reminders:at:${id}`), REMINDER_ID);
  expect(wakeUp?.scheduledTime).toBe(now - 179 * DAY + 180 * DAY);
});

test('a change on the options page reaches reminders and the badge at once, through a message rather than an alarm', async ({ context, worker, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  await options.importText(seedFile(Date.now(), 181));
  await expect(options.status).toHaveText(/Import finished/);
  // The page answered after the background's tick: notified, counted, and no alarm was involved.
  expect(await badgeText(worker)).toBe('1');
  expect(await notificationIds(worker)).toEqual([expect.stringMatching(NOTIFICATION_ID)]);
  expect((await worker.evaluate(() => chrome.alarms.getAll())).map((alarm) => alarm.name)).not.toContain('reminders:refresh');
  await expect(options.dueReminder(REMINDER_ID)).toHaveAttribute('data-status', 'shown');

  // The schedule's "Off" (its one control) removes the calendar reminder (no evidence here) from the badge.
  await options.page.getByRole('radio', { name: 'Off: only on evidence' }).check();
  await expect(options.status).toHaveText('Saved.');
  expect(await badgeText(worker)).toBe('');
  await expect(options.dueReminder(REMINDER_ID)).toHaveCount(0);
});

test('export → wipe → import gives back identical data; a corrupted file is refused and changes nothing', async ({ context, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  await options.importText(seedFile(Date.now(), 30));
  await expect(options.status).toHaveText(/Import finished/);
  await expect(options.account('pypi.org/alice')).toBeVisible();

  const exported = JSON.parse(await options.exportText()) as { stores: unknown };
  await options.wipeEverything();
  await expect(options.account('pypi.org/alice')).toHaveCount(0);

  await options.importText(JSON.stringify(exported));
  await expect(options.status).toHaveText(/Import finished/);
  await expect(options.account('pypi.org/alice')).toBeVisible();
  expect((JSON.parse(await options.exportText()) as { stores: unknown }).stores).toEqual(exported.stores);

  const text = JSON.stringify(exported);
  await options.importText(text.slice(0, text.length / 2), 'truncated.json');
  await expect(options.importError).toHaveText(/not valid JSON.*Nothing was changed\./);
  expect((JSON.parse(await options.exportText()) as { stores: unknown }).stores).toEqual(exported.stores);
});
