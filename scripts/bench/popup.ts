import type { BrowserContext } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { chromeExtensionDir } from '../../tests/e2e/support/paths';
import { extensionIdOf, extensionServiceWorker, launchWithExtension } from '../../tests/e2e/support/launch';
import { POPUP_START_MARK } from '../../entrypoints/popup/marks';
import { openBenchBrowser } from './context';
import { seedAccounts, tickAndWaitForSummary } from './extension-store';
import type { BenchPypiServer } from './server';
import { median, round, spread, type Spread } from './stats';

/** The accounts in the popup's first screen: four fit above its footer, one more in case they are short. */
const FIRST_SCREEN_ACCOUNTS = 5;

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
  ownCodeToMeaningfulPaint: Spread;
  /** From the popup's own code starting to its first screen of accounts painted: what the user sees first. */
  ownCodeToFirstScreen: Spread;
  /** From navigation start to the popup's code starting: loading its modules, the browser's share. */
  navigationToOwnCodeMedianMs: number;
  runs: number;
  scripts: string[];
  jsBytes: number;
  jsGzipBytes: number;
}

/**
 * Time to first meaningful paint of the popup with `accounts` stored: a MutationObserver placed
 * before the page's own scripts notes when the last account section is in the DOM, and a
 * requestAnimationFrame after that marks its paint.
 */
export async function measurePopup(server: BenchPypiServer, accounts: number, runs: number): Promise<PopupFigures> {
  const browser = await openBenchBrowser(server, true);
  try {
    const worker = browser.extension!.worker;
    await seedAccounts(worker, accounts, 50);
    // As after any change in the product, the background's tick builds the popup's summary.
    await tickAndWaitForSummary(worker, accounts);
    return await timePopup(browser.context, browser.extension!.id, accounts, runs);
  } finally {
    await browser.close();
  }
}

async function timePopup(context: BrowserContext, extensionId: string, accounts: number, runs: number): Promise<PopupFigures> {
  const times: number[] = [];
  const renders: number[] = [];
  const starts: number[] = [];
  const firstScreens: number[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    await page.addInitScript(`(() => {
      const want = ${accounts};
      const observer = new MutationObserver(() => {
        if (globalThis.__renderedAt === undefined && document.querySelector('#app > *')) globalThis.__renderedAt = performance.now();
        const painted = document.querySelectorAll('[data-account]').length;
        if (globalThis.__firstScreenAsked === undefined && painted >= Math.min(want, ${FIRST_SCREEN_ACCOUNTS})) {
          globalThis.__firstScreenAsked = true;
          requestAnimationFrame(() => { globalThis.__firstScreenAt = performance.now(); });
        }
        if (painted >= want) {
          observer.disconnect();
          requestAnimationFrame(() => { globalThis.__paintedAt = performance.now(); });
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    })()`);
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    // A function, not a string: the extension page's CSP forbids evaluating strings.
    await page.waitForFunction(() => (globalThis as { __paintedAt?: number }).__paintedAt !== undefined);
    const [renderedAt, paintedAt, startedAt, firstScreenAt] = await page.evaluate((mark) => {
      const marks = globalThis as { __renderedAt?: number; __paintedAt?: number; __firstScreenAt?: number };
      return [marks.__renderedAt ?? Number.NaN, marks.__paintedAt ?? Number.NaN, performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN, marks.__firstScreenAt ?? Number.NaN];
    }, POPUP_START_MARK);
    firstScreens.push(firstScreenAt - startedAt);
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
    ownCodeToMeaningfulPaint: spread(times.map((time, run) => time - starts[run]!)),
    ownCodeToFirstScreen: spread(firstScreens),
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
