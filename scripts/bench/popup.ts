import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { chromeExtensionDir } from '../../tests/e2e/support/paths';
import { extensionIdOf, extensionServiceWorker, launchWithExtension } from '../../tests/e2e/support/launch';
import { POPUP_START_MARK } from '../../entrypoints/popup/marks';
import { waitForExtensionDb } from '../../tests/e2e/support/extension-db';
import { median, round, type BenchBrowser } from './context';

export interface PopupFigures {
  accounts: number;
  /** From navigation start to every account section painted (the popup's meaningful content). */
  firstMeaningfulPaintMedianMs: number;
  /** From navigation start to the popup's first render (its skeleton): the browser's share. */
  firstRenderMedianMs: number;
  /** From the first render to every account section painted: the popup's own share (store read, audit, render). */
  firstRenderToMeaningfulPaintMedianMs: number;
  /** From the popup's own code starting (its performance mark) to every account painted: what the popup controls. */
  ownCodeToMeaningfulPaintMedianMs: number;
  /** From navigation start to the popup's code starting: loading its modules, the browser's share. */
  navigationToOwnCodeMedianMs: number;
  runs: number;
  scripts: string[];
  jsBytes: number;
  jsGzipBytes: number;
}

const DAY = 86_400_000;

/** Stores `count` accounts with histories straight into the extension's IndexedDB. */
async function seedAccounts(browser: BenchBrowser, count: number): Promise<void> {
  const worker = await extensionServiceWorker(browser.context);
  await waitForExtensionDb(worker);
  // A string, not a function: tsx names inner functions with a helper the worker does not have.
  await worker.evaluate(`(async () => {
    const count = ${count}, day = ${DAY};
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('pypi-guard');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['accounts', 'events'], 'readwrite');
    const now = Date.now();
    const seen = (value) => ({ value, seenAt: now - day });
    for (let index = 0; index < count; index++) {
      const host = index % 2 ? 'test.pypi.org' : 'pypi.org';
      const id = host + '/user' + index;
      tx.objectStore('accounts').put({
        id, host, username: 'user' + index, firstSeenAt: now - 400 * day, lastSeenAt: now - index * day,
        pagesSeenAt: { 'account-settings': now - index * day },
        emails: seen([{ address: 'user' + index + '@example.org', primary: true, verified: true, status: 'verified' }]),
        twoFactor: seen({ totp: index % 3 !== 0, securityKeys: index % 2 ? ['key'] : [] }),
        recoveryCodes: seen({ generated: true, unused: index % 8, generatedAt: now - 100 * day }),
        apiTokens: seen([{ name: 'ci', scope: { kind: 'account' }, createdAt: now - 200 * day, lastUsedAt: now - day }]),
        projects: seen(['project-' + index]),
        observed: { passwordScore: seen(index % 5), passwordChangedAt: now - index * 30 * day },
      });
      for (let event = 0; event < 50; event++) {
        const time = now - event * day;
        tx.objectStore('events').put({ id: id + '|' + time, accountId: id, firstSeenAt: time, tag: event % 7 ? 'account:login:success' : 'account:login:failure', summary: 'x', time, location: 'Berlin', device: 'Firefox' });
      }
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  })()`);
  // As after any change in the product, the background's tick builds the popup's summary.
  await worker.evaluate(`chrome.alarms.create('reminders:refresh', { when: Date.now() })`);
  await worker.evaluate(`(async () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('pypi-guard');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const summary = await new Promise((resolve) => {
        const get = db.transaction('auditSummary').objectStore('auditSummary').get('latest');
        get.onsuccess = () => resolve(get.result);
      });
      db.close();
      if (summary && summary.entries.length >= ${count}) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the background did not write the audit summary');
  })()`);
}

/**
 * Time to first meaningful paint of the popup with `accounts` stored: a MutationObserver placed
 * before the page's own scripts notes when the last account section is in the DOM, and a
 * requestAnimationFrame after that marks its paint.
 */
export async function measurePopup(browser: BenchBrowser, accounts = 10, runs = 7): Promise<PopupFigures> {
  await seedAccounts(browser, accounts);
  const times: number[] = [];
  const renders: number[] = [];
  const starts: number[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.context.newPage();
    await page.addInitScript(`(() => {
      const want = ${accounts};
      const observer = new MutationObserver(() => {
        if (globalThis.__renderedAt === undefined && document.querySelector('#app > *')) globalThis.__renderedAt = performance.now();
        if (document.querySelectorAll('[data-account]').length >= want) {
          observer.disconnect();
          requestAnimationFrame(() => { globalThis.__paintedAt = performance.now(); });
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    })()`);
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    // A function, not a string: the extension page's CSP forbids evaluating strings.
    await page.waitForFunction(() => (globalThis as { __paintedAt?: number }).__paintedAt !== undefined);
    const [renderedAt, paintedAt, startedAt] = await page.evaluate((mark) => {
      const marks = globalThis as { __renderedAt?: number; __paintedAt?: number };
      return [marks.__renderedAt ?? Number.NaN, marks.__paintedAt ?? Number.NaN, performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN];
    }, POPUP_START_MARK);
    times.push(paintedAt);
    renders.push(renderedAt);
    starts.push(startedAt);
    await page.close();
  }
  const html = readFileSync(path.join(chromeExtensionDir, 'popup.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="(\/chunks\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const contents = scripts.map((script) => readFileSync(path.join(chromeExtensionDir, script)));
  return {
    accounts,
    firstMeaningfulPaintMedianMs: round(median(times), 1),
    firstRenderMedianMs: round(median(renders), 1),
    firstRenderToMeaningfulPaintMedianMs: round(median(times.map((time, run) => time - renders[run]!)), 1),
    ownCodeToMeaningfulPaintMedianMs: round(median(times.map((time, run) => time - starts[run]!)), 1),
    navigationToOwnCodeMedianMs: round(median(starts), 1),
    runs,
    scripts,
    jsBytes: contents.reduce((sum, content) => sum + content.length, 0),
    jsGzipBytes: contents.reduce((sum, content) => sum + gzipSync(content).length, 0),
  };
}

export interface BlankPageFigures {
  /** From navigation start to the first script of an empty extension page running. */
  firstScriptMedianMs: number;
  /** …and to the frame after it: the soonest any extension page can paint on this machine. */
  firstFrameMedianMs: number;
  runs: number;
}

/**
 * The floor under every popup: an empty extension page (one tiny classic script) in the same
 * Chromium, loaded from a copy of the build with that page added — nothing of it ships.
 */
export async function measureBlankExtensionPage(runs = 7): Promise<BlankPageFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pypi-guard-blank-'));
  cpSync(chromeExtensionDir, dir, { recursive: true });
  writeFileSync(path.join(dir, 'blank.html'), '<!doctype html><meta charset="utf-8"><script src="/blank.js"></script><div id="app"></div>');
  writeFileSync(path.join(dir, 'blank.js'), 'globalThis.__scriptAt = performance.now(); requestAnimationFrame(() => { globalThis.__frameAt = performance.now(); });');
  const context = await launchWithExtension({ extensionDir: dir });
  try {
    const extensionId = extensionIdOf(await extensionServiceWorker(context));
    const scripts: number[] = [];
    const frames: number[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/blank.html`);
      await page.waitForFunction(() => (globalThis as { __frameAt?: number }).__frameAt !== undefined);
      const [scriptAt, frameAt] = await page.evaluate(() => {
        const marks = globalThis as { __scriptAt?: number; __frameAt?: number };
        return [marks.__scriptAt ?? Number.NaN, marks.__frameAt ?? Number.NaN];
      });
      scripts.push(scriptAt);
      frames.push(frameAt);
      await page.close();
    }
    return { firstScriptMedianMs: round(median(scripts), 1), firstFrameMedianMs: round(median(frames), 1), runs };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
