import type { Worker } from '@playwright/test';
import { openBenchBrowser } from './context';
import { seedAccounts, tickAndWaitForSummary } from './extension-store';
import type { BenchPypiServer } from './server';
import { round, spread, type Spread } from './stats';

export interface TickFigures {
  accounts: number;
  eventsPerAccount: number;
  /** The first tick after the rows were written straight into the database (nothing derived from them yet). */
  firstTickMs: number;
  /** Every later tick, nothing changed in between. */
  tick: Spread;
}

/**
 * One reminders tick in the extension's service worker, timed there: from the alarm reaching the
 * worker to the tick closing its database connection (its last step but the alarms' upkeep). Code
 * is injected as a string (tsx's helpers do not exist in the worker); it wraps
 * `IDBDatabase.prototype.close` only until the tick's connection closes.
 */
async function timeOneTick(worker: Worker): Promise<number> {
  return worker.evaluate(`new Promise((resolve, reject) => {
    const name = 'reminders:bench-' + Math.random().toString(36).slice(2);
    const originalClose = IDBDatabase.prototype.close;
    let startedAt;
    IDBDatabase.prototype.close = function () {
      originalClose.call(this);
      if (startedAt === undefined) return;
      IDBDatabase.prototype.close = originalClose;
      resolve(performance.now() - startedAt);
    };
    const listener = (alarm) => {
      if (alarm.name !== name) return;
      // Listeners run in the order they were added: the extension's has just started its tick.
      startedAt = performance.now();
      chrome.alarms.onAlarm.removeListener(listener);
    };
    chrome.alarms.onAlarm.addListener(listener);
    chrome.alarms.create(name, { when: Date.now() });
    setTimeout(() => { IDBDatabase.prototype.close = originalClose; reject(new Error('no tick within 120 s')); }, 120000);
  })`);
}

export async function measureTick(server: BenchPypiServer, accounts: number, eventsPerAccount: number, runs: number): Promise<TickFigures> {
  const browser = await openBenchBrowser(server, true);
  try {
    const worker = browser.extension!.worker;
    await seedAccounts(worker, accounts, eventsPerAccount);
    const firstTickMs = await timeOneTick(worker);
    await tickAndWaitForSummary(worker, accounts);
    const ticks: number[] = [];
    for (let run = 0; run < runs; run++) ticks.push(await timeOneTick(worker));
    return { accounts, eventsPerAccount, firstTickMs: round(firstTickMs), tick: spread(ticks) };
  } finally {
    await browser.close();
  }
}
