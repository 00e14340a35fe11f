import { expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { extensionServiceWorker } from './launch';
import { readExtensionDb, waitForExtensionDb } from './extension-db';

/**
 * Driving the reminders from a test, without any test-only code in the extension:
 * - seed the store from the service worker (no message: nothing runs a tick behind the test's back);
 * - fire the reminder alarm and wait until that tick has finished;
 * - stop the service worker and start a fresh one (a new JS realm on the same profile).
 */

const DAY = 86_400_000;
const STORE = 'pypi-guard';

export interface StoreRecord {
  store: string;
  value: unknown;
  key?: string;
}

/** Puts records into a database's stores, where it runs (serialisable, like readAllStores). */
export function writeRecords({ name, records }: { name: string; records: StoreRecord[] }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction([...new Set(records.map((record) => record.store))], 'readwrite');
      for (const record of records) {
        if (record.key === undefined) tx.objectStore(record.store).put(record.value);
        else tx.objectStore(record.store).put(record.value, record.key);
      }
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Writes records straight into the extension's IndexedDB (the database must exist already). */
export async function putRecords(worker: Worker, records: StoreRecord[]): Promise<void> {
  await waitForExtensionDb(worker);
  await worker.evaluate(writeRecords, { name: STORE, records });
}

/** alice on pypi.org, whose password changed `daysAgo` days ago, on a 180-day schedule (as an export file would hold it). */
export function aliceChangedDaysAgo(now: number, daysAgo: number) {
  return {
    account: {
      id: 'pypi.org/alice',
      host: 'pypi.org',
      username: 'alice',
      firstSeenAt: now - 400 * DAY,
      lastSeenAt: now,
      pagesSeenAt: { 'account-settings': now },
      observed: { passwordChangedAt: now - daysAgo * DAY },
    },
    settings: { passwordRotationDays: 180 },
  };
}

export async function seedAlice(worker: Worker, now: number, daysAgo: number): Promise<void> {
  const { account, settings } = aliceChangedDaysAgo(now, daysAgo);
  await putRecords(worker, [
    { store: 'accounts', value: account },
    { store: 'settings', value: settings, key: 'settings' },
  ]);
}

/**
 * Keeps the hourly safety-net alarm from firing during the test (its first run is a minute after
 * install), so every tick the test sees is one it fired. Same period, so the extension keeps it.
 */
export async function holdPeriodicTick(worker: Worker): Promise<void> {
  await worker.evaluate(() => chrome.alarms.create('reminders:tick', { delayInMinutes: 60, periodInMinutes: 60 }));
}

const TICK_RUNNING = '?';

/**
 * Fires a reminders alarm from the service worker and resolves once that tick has finished.
 * The signal: a tick writes the badge after it has shown every notification it shows, so the
 * badge is set to a placeholder first and the tick is over when the placeholder is gone. Reading
 * the notification list after that cannot miss a late duplicate.
 */
export async function fireReminderTick(worker: Worker): Promise<string> {
  await worker.evaluate(async (placeholder) => {
    await chrome.action.setBadgeText({ text: placeholder });
    await chrome.alarms.create('reminders:refresh', { when: Date.now() });
  }, TICK_RUNNING);
  await expect.poll(() => badgeText(worker), { message: 'the reminder tick did not finish' }).not.toBe(TICK_RUNNING);
  return badgeText(worker);
}

export const badgeText = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));
export const notificationIds = async (worker: Worker) => Object.keys(await worker.evaluate(() => chrome.notifications.getAll()));

/** The reminder history as [reminder id, action] pairs, oldest first. */
export async function reminderHistory(worker: Worker): Promise<[string, string][]> {
  const rows = ((await readExtensionDb(worker)).reminderHistory ?? []) as { reminderId: string; action: string; at: number; id: number }[];
  return rows.sort((a, b) => a.id - b.id).map((row) => [row.reminderId, row.action]);
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * Stops the extension's service worker and starts it again — only the worker, not the browser —
 * through the DevTools protocol's ServiceWorker domain (from a page of the extension's origin).
 * Resolves with the worker once the new one runs, after proving it is a fresh realm.
 */
export async function restartServiceWorker(context: BrowserContext, extensionPage: Page, worker: Worker): Promise<Worker> {
  // `URL.origin` is "null" for chrome-extension: URLs in Node, so build it.
  const origin = `chrome-extension://${new URL(extensionPage.url()).host}`;
  const realm = `realm-${Math.random()}`;
  await worker.evaluate((mark) => ((self as unknown as { pypiGuardTestRealm?: string }).pypiGuardTestRealm = mark), realm);

  const cdp = await context.newCDPSession(extensionPage);
  const latest = new Map<string, WorkerVersion>();
  const statusIs = (status: WorkerVersion['runningStatus']) => [...latest.values()].some((version) => version.scriptURL.startsWith(origin) && version.runningStatus === status);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions as WorkerVersion[]) latest.set(version.versionId, version);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => statusIs('running'), { message: 'the extension service worker is not running' }).toBe(true);
  const running = [...latest.values()].find((version) => version.scriptURL.startsWith(origin) && version.runningStatus === 'running')!;

  await cdp.send('ServiceWorker.stopWorker', { versionId: running.versionId });
  await expect.poll(() => statusIs('stopped'), { message: 'the service worker did not stop' }).toBe(true);
  await cdp.send('ServiceWorker.startWorker', { scopeURL: `${origin}/` });
  await expect.poll(() => statusIs('running'), { message: 'the service worker did not start again' }).toBe(true);
  await cdp.detach();

  const restarted = await extensionServiceWorker(context);
  await expect
    .poll(() => restarted.evaluate(() => (self as unknown as { pypiGuardTestRealm?: string }).pypiGuardTestRealm ?? 'fresh').catch(() => 'not ready'))
    .toBe('fresh');
  return restarted;
}
