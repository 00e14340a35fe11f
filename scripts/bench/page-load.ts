import type { Page } from '@playwright/test';
import { bigHistoryAccount, type FakeAccount, type FakePypi, type ScenarioId } from '../../tests/fixtures/pypi/server';
import { currentWorker, type BenchBrowser } from './context';
import { clearAccounts, waitForStoredVisit } from './extension-store';
import type { BenchPypiServer } from './server';
import { round, spread, type Spread } from './stats';
import { traceExtensionTasks, type ExtensionTask } from './trace';

/** A PyPI page the bench loads in both browsers. */
export interface PageCase {
  id: string;
  title: string;
  url: string;
  loggedIn: boolean;
  scenario: () => ScenarioId | FakeAccount;
  /** The page kind whose visit the extension stores (it is done once that is stored), if any. */
  storesVisit?: string;
  /** Every load is the extension's first sight of the account: its data is cleared before each. */
  firstVisit?: boolean;
  /** A 5.7 MB page (10,000 history rows): each load takes seconds, so `--big-loads` may run fewer. */
  bigHistory?: boolean;
}

const ALICE = 'pypi.org/alice';
export const HISTORY_ROWS = 10_000;
const HISTORY_TOKENS = 200;

export function pageCases(now = new Date()): PageCase[] {
  // One account for both 10,000-row cases: the later visit reads the history the first one stored.
  const busy = bigHistoryAccount(now, HISTORY_ROWS, HISTORY_TOKENS);
  return [
    { id: 'login', title: 'login page', url: 'https://pypi.org/account/login/', loggedIn: false, scenario: () => 'totp-and-key' },
    { id: 'account', title: '/manage/account/', url: 'https://pypi.org/manage/account/', loggedIn: true, scenario: () => 'totp-and-key', storesVisit: 'account-settings' },
    {
      id: 'account-10k-first',
      title: `/manage/account/, ${HISTORY_ROWS.toLocaleString('en')} events, first visit`,
      url: 'https://pypi.org/manage/account/',
      loggedIn: true,
      scenario: () => busy,
      storesVisit: 'account-settings',
      firstVisit: true,
      bigHistory: true,
    },
    {
      id: 'account-10k-later',
      title: `/manage/account/, ${HISTORY_ROWS.toLocaleString('en')} events, later visit`,
      url: 'https://pypi.org/manage/account/',
      loggedIn: true,
      scenario: () => busy,
      storesVisit: 'account-settings',
      bigHistory: true,
    },
    { id: 'two-factor', title: '/manage/account/two-factor/', url: 'https://pypi.org/manage/account/two-factor/', loggedIn: true, scenario: () => 'totp-and-key', storesVisit: 'two-factor-settings' },
    { id: 'projects', title: '/manage/projects/', url: 'https://pypi.org/manage/projects/', loggedIn: true, scenario: () => 'totp-and-key', storesVisit: 'projects' },
  ];
}

export interface PageLoadFigures {
  id: string;
  title: string;
  url: string;
  /** `loadEventEnd` after navigation start, ms. */
  withExtension: Spread;
  withoutExtension: Spread;
  /** median(with) ÷ median(without). */
  ratio: number;
  /** The ratio of each pair of loads made one right after the other: its median and spread. */
  pairedRatio: Spread;
  /** Long tasks (> 50 ms) on the page from navigation to the end of the extension's work, per load (PerformanceObserver). */
  longTasksWith: Spread;
  longTasksWithout: Spread;
  /** median(with) − median(without). */
  addedLongTaskMs: number;
  /** From the profiled loads: the page's main-thread tasks in which the extension's code ran. */
  extensionTasks: {
    loads: number;
    /** Per load: the summed duration of those tasks. */
    totalMs: Spread;
    /** Per load: the summed duration of those that started before the page's load event (they delay it). */
    beforeLoadMs: Spread;
    /** Per load: the summed duration of those over 50 ms. */
    longMs: Spread;
    /** The longest one in any profiled load, and how much of it was the extension's code. */
    longestMs: number;
    longestExtensionShareMs: number;
    /** The extension's functions sampled most in that longest task: where to look. */
    longestTopFrames: string[];
  };
}

export interface PageLoadOptions {
  loads: number;
  /** Loads per browser on the 10,000-row pages (default: `loads`). */
  bigHistoryLoads?: number;
  profiledLoads: number;
  /** Every load waits at least this long after `load`, in both browsers, before the next. */
  settleMs: number;
  /** Only the cases with these ids (all when absent). */
  caseIds?: readonly string[];
}

const LONG_TASK_OBSERVER = `(() => {
  globalThis.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) globalThis.__benchLongTasks.push(entry.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})()`;

interface LoadSample {
  loadMs: number;
  longTaskMs: number;
}

/**
 * The same PyPI page loaded in two Chromium instances, one with PyPI Guard and one without,
 * alternately (ABAB…, the first of each pair switching every round, so neither always follows
 * the other), after a few unmeasured warm-up loads each. Then a few profiled loads with the
 * extension attribute main-thread tasks to its code.
 */
export async function measurePageLoads(cases: readonly PageCase[], server: BenchPypiServer, fake: FakePypi, withExt: BenchBrowser, without: BenchBrowser, options: PageLoadOptions): Promise<PageLoadFigures[]> {
  for (const browser of [withExt, without]) await browser.context.addInitScript(LONG_TASK_OBSERVER);
  const pages = { with: await withExt.context.newPage(), without: await without.context.newPage() };
  const figures: PageLoadFigures[] = [];
  for (const pageCase of cases) {
    if (options.caseIds && !options.caseIds.includes(pageCase.id)) continue;
    fake.setScenario(pageCase.scenario());
    fake.setLoggedIn(pageCase.loggedIn);
    server.clearCache();
    const load = async (which: 'with' | 'without'): Promise<LoadSample> => {
      const browser = which === 'with' ? withExt : without;
      if (which === 'with' && pageCase.firstVisit) await clearAccounts(await currentWorker(withExt));
      return loadOnce(pages[which], pageCase, which === 'with' ? browser : null, options.settleMs);
    };
    for (let warmUp = 0; warmUp < 2; warmUp++) {
      await load('with');
      await load('without');
    }
    const samples: Record<'with' | 'without', LoadSample[]> = { with: [], without: [] };
    const pairedRatios: number[] = [];
    const loads = pageCase.bigHistory ? (options.bigHistoryLoads ?? options.loads) : options.loads;
    for (let round = 0; round < loads; round++) {
      const order = round % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
      for (const which of order) samples[which].push(await load(which));
      pairedRatios.push(samples.with.at(-1)!.loadMs / samples.without.at(-1)!.loadMs);
    }
    const profiled: ExtensionTask[][] = [];
    for (let run = 0; run < options.profiledLoads; run++) {
      if (pageCase.firstVisit) await clearAccounts(await currentWorker(withExt));
      const started = Date.now();
      profiled.push(await traceExtensionTasks(pages.with, pageCase.url, withExt.extension!.id, () => settle(pages.with, pageCase, withExt, started, options.settleMs)));
    }
    figures.push(summarise(pageCase, samples, pairedRatios, profiled));
    const last = figures.at(-1)!;
    console.log(
      `  ${pageCase.title.padEnd(46)} ×${last.ratio.toFixed(3)} (with ${last.withExtension.median} ms, without ${last.withoutExtension.median} ms); long tasks +${last.addedLongTaskMs} ms; longest extension task ${last.extensionTasks.longestMs} ms; ours before load ${last.extensionTasks.beforeLoadMs.median} ms of ${last.extensionTasks.totalMs.median} ms`,
    );
    if (last.extensionTasks.longestMs > 50) console.log(`      longest task's own code, most sampled: ${last.extensionTasks.longestTopFrames.join('; ')}`);
  }
  await pages.with.close();
  await pages.without.close();
  return figures;
}

async function loadOnce(page: Page, pageCase: PageCase, withExt: BenchBrowser | null, settleMs: number): Promise<LoadSample> {
  const started = Date.now();
  await page.goto(pageCase.url, { waitUntil: 'load', timeout: 120_000 });
  await settle(page, pageCase, withExt, started, settleMs);
  const [loadMs, longTasks] = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return [navigation?.loadEventEnd ?? Number.NaN, (globalThis as { __benchLongTasks?: number[] }).__benchLongTasks ?? []] as const;
  });
  return { loadMs, longTaskMs: longTasks.reduce((sum, duration) => sum + duration, 0) };
}

/** Waits until the extension is done with the page (its visit stored), and at least `settleMs` after load. */
async function settle(page: Page, pageCase: PageCase, withExt: BenchBrowser | null, started: number, settleMs: number): Promise<void> {
  const minimum = page.waitForTimeout(settleMs);
  if (withExt && pageCase.storesVisit) await waitForStoredVisit(await currentWorker(withExt), ALICE, pageCase.storesVisit, started);
  await minimum;
}

function summarise(pageCase: PageCase, samples: Record<'with' | 'without', LoadSample[]>, pairedRatios: number[], profiled: ExtensionTask[][]): PageLoadFigures {
  const withExtension = spread(samples.with.map((sample) => sample.loadMs));
  const withoutExtension = spread(samples.without.map((sample) => sample.loadMs));
  const longTasksWith = spread(samples.with.map((sample) => sample.longTaskMs));
  const longTasksWithout = spread(samples.without.map((sample) => sample.longTaskMs));
  const all = profiled.flat();
  const longest = all.reduce<ExtensionTask | null>((max, task) => (!max || task.durationMs > max.durationMs ? task : max), null);
  return {
    id: pageCase.id,
    title: pageCase.title,
    url: pageCase.url,
    withExtension,
    withoutExtension,
    ratio: round(withExtension.median / withoutExtension.median, 3),
    pairedRatio: spread(pairedRatios, 3),
    longTasksWith,
    longTasksWithout,
    addedLongTaskMs: round(longTasksWith.median - longTasksWithout.median),
    extensionTasks: {
      loads: profiled.length,
      totalMs: spread(profiled.map((tasks) => tasks.reduce((sum, task) => sum + task.durationMs, 0))),
      beforeLoadMs: spread(profiled.map((tasks) => tasks.filter((task) => task.beforeLoad).reduce((sum, task) => sum + task.durationMs, 0))),
      longMs: spread(profiled.map((tasks) => tasks.filter((task) => task.durationMs > 50).reduce((sum, task) => sum + task.durationMs, 0))),
      longestMs: round(longest?.durationMs ?? 0),
      longestExtensionShareMs: round(longest?.extensionMs ?? 0),
      longestTopFrames: longest?.topFrames ?? [],
    },
  };
}
