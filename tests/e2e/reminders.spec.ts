import { test as base, expect, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extensionIdOf, extensionServiceWorker, launchWithExtension } from './support/launch';
import { OptionsPage } from './pages/options';

/**
 * Reminders end to end. No PyPI page is needed: the account is seeded through the options page's
 * import (the path a user restoring a backup takes). Each test owns a profile directory, so it can
 * close the browser and start it again on the same data — the harshest "worker restart" there is
 * (DevTools keeps an attached service worker alive, so stopping it alone is not possible here).
 *
 * How the test drives the background, without any test-only global in the extension:
 * - fire the reminder alarm: `chrome.alarms.create('reminders:refresh', { when: Date.now() })`
 *   from the service worker (any alarm named `reminders:…` runs a tick);
 * - read notifications: `chrome.notifications.getAll()` from the service worker — headless
 *   Chromium drops them from that list after about 8 seconds, so read right after firing;
 * - Snooze and Done: the options page's "Due now" buttons (the same store action as the
 *   notification buttons, which a test cannot click).
 */

const DAY = 86_400_000;
const REMINDER_ID = 'password-rotation|pypi.org/alice';

interface Fixtures {
  profileDir: string;
  launch: () => Promise<{ context: BrowserContext; worker: Worker; extensionId: string }>;
}

const test = base.extend<Fixtures>({
  profileDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pypi-guard-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  launch: async ({ profileDir }, use) => {
    const opened: BrowserContext[] = [];
    await use(async () => {
      const context = await launchWithExtension({ userDataDir: profileDir });
      opened.push(context);
      const worker = await extensionServiceWorker(context);
      return { context, worker, extensionId: extensionIdOf(worker) };
    });
    for (const context of opened) await context.close().catch(() => undefined);
  },
});

/** An export file with one account whose password changed `daysAgo` days ago, on a 180-day schedule. */
function seedFile(now: number, daysAgo: number): string {
  return JSON.stringify({
    format: 'pypi-guard-export',
    schemaVersion: 2,
    exportedAt: new Date(now).toISOString(),
    stores: {
      accounts: [
        {
          key: 'pypi.org/alice',
          value: {
            id: 'pypi.org/alice',
            host: 'pypi.org',
            username: 'alice',
            firstSeenAt: now - 400 * DAY,
            lastSeenAt: now,
            pagesSeenAt: { 'account-settings': now },
            observed: { passwordChangedAt: now - daysAgo * DAY },
          },
        },
      ],
      settings: [{ key: 'settings', value: { passwordRotationDays: 180 } }],
    },
  });
}

const fireReminderAlarm = (worker: Worker) => worker.evaluate(() => chrome.alarms.create('reminders:refresh', { when: Date.now() }));
const notificationIds = async (worker: Worker) => Object.keys(await worker.evaluate(() => chrome.notifications.getAll()));
const badgeText = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));

test('a password due by the calendar notifies once, across a restart; snooze moves it and Done clears it', async ({ launch }) => {
  test.slow(); // two browser launches
  const first = await launch();
  const options = await OptionsPage.open(first.context, first.extensionId);
  await options.importText(seedFile(Date.now(), 181));
  await expect(options.status).toHaveText(/Import finished/);

  await fireReminderAlarm(first.worker);
  await expect.poll(() => notificationIds(first.worker)).toEqual([expect.stringMatching(/^password-rotation\|pypi\.org\/alice@rotation-schedule:\d+$/)]);
  await expect.poll(() => badgeText(first.worker)).toBe('1');
  await options.reload();
  await expect(options.historyRows('fired')).toHaveCount(1);
  await first.context.close();

  // The browser (and with it the worker) starts again on the same profile; the alarm fires again.
  const second = await launch();
  await fireReminderAlarm(second.worker);
  await expect.poll(() => badgeText(second.worker)).toBe('1'); // the tick ran: the reminder is still outstanding
  expect(await notificationIds(second.worker)).toEqual([]);
  const reopened = await OptionsPage.open(second.context, second.extensionId);
  await expect(reopened.historyRows('fired')).toHaveCount(1);

  // Snooze: the reminder waits a week, with a one-off alarm at the new time, and leaves the badge.
  const card = reopened.dueReminder(REMINDER_ID);
  await card.getByRole('button', { name: 'Snooze 1 week' }).click();
  await expect(card).toHaveAttribute('data-status', 'waiting');
  await expect.poll(() => badgeText(second.worker)).toBe('');
  const wakeUp = await second.worker.evaluate((id) => chrome.alarms.get(`reminders:at:${id}`), REMINDER_ID);
  expect(wakeUp?.scheduledTime).toBeGreaterThan(Date.now() + 6.9 * DAY);

  // Done: gone for this period, and recorded.
  await card.getByRole('button', { name: 'Done' }).click();
  await expect(card).toHaveCount(0);
  await fireReminderAlarm(second.worker);
  await expect.poll(() => second.worker.evaluate(() => chrome.alarms.get('reminders:refresh'))).toBeUndefined();
  expect(await notificationIds(second.worker)).toEqual([]);
  await reopened.reload();
  await expect(reopened.historyRows('done')).toHaveCount(1);
  await expect(reopened.historyRows('fired')).toHaveCount(1);
});

test('a password changed 179 days ago does not notify', async ({ launch }) => {
  const { context, worker, extensionId } = await launch();
  const options = await OptionsPage.open(context, extensionId);
  await options.importText(seedFile(Date.now(), 179));
  await expect(options.status).toHaveText(/Import finished/);
  await fireReminderAlarm(worker);
  await expect.poll(() => worker.evaluate(() => chrome.alarms.get('reminders:at:password-rotation|pypi.org/alice'))).toBeDefined();
  expect(await notificationIds(worker)).toEqual([]);
  expect(await badgeText(worker)).toBe('');
});

test('export → wipe → import gives back identical data; a corrupted file is refused and changes nothing', async ({ launch }) => {
  const { context, extensionId } = await launch();
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
