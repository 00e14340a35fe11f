import { build } from 'esbuild';
import path from 'node:path';
import { bigHistoryAccount } from '../../tests/fixtures/pypi/accounts';
import { repoRoot } from '../../tests/e2e/support/paths';
import { median, round, type BenchBrowser } from './context';

export interface ParseFigures {
  events: number;
  tokens: number;
  pageBytes: number;
  detectPageMedianMs: number;
  /** The first visit's parse after the page loaded (nothing stored: every row is read), as the content script does it. */
  firstParseMedianMs: number;
  repeatParseMedianMs: number;
  /** A later visit, the history stored up to its newest row: no row is new (the usual revisit). */
  revisitParseMedianMs: number;
  /** A later visit with 10 rows added since the last one. */
  revisitTenNewRowsParseMedianMs: number;
  parsedEvents: number;
  runs: number;
}

/**
 * Times detectPage and the account-settings parser inside Chromium on a /manage/account/ page
 * with a very long history: the parsers are bundled as the content script bundles them and run
 * against the live document, the way the extension reads it.
 */
export async function measureParse(browser: BenchBrowser, events: number, tokens: number, runs = 5): Promise<ParseFigures> {
  const bundle = await build({
    stdin: {
      contents: `import { detectPage } from './utils/pypi/pages'; import { parsePage } from './utils/pypi/parse'; globalThis.__pypiGuardBench = { detectPage, parsePage };`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    alias: { '@': repoRoot },
    absWorkingDir: path.resolve(repoRoot),
  });
  browser.pypi.setScenario(bigHistoryAccount(new Date(), events, tokens));
  const page = await browser.context.newPage();
  const detect: number[] = [];
  const firstParse: number[] = [];
  const repeatParse: number[] = [];
  const revisitParse: number[] = [];
  const tenNewParse: number[] = [];
  let pageBytes = 0;
  let parsedEvents = 0;
  // A fresh load per run: the content script parses a page once, so the first parse (with its
  // DOM wrapper creation) is the figure that matters; repeats show the warm cost.
  for (let run = 0; run < runs; run++) {
    const response = await page.goto('https://pypi.org/manage/account/', { timeout: 120_000 });
    pageBytes = (await response?.body())?.length ?? 0;
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const timing = await page.evaluate(`(() => {
      const bench = globalThis.__pypiGuardBench;
      const url = new URL(location.href);
      let start = performance.now();
      const kind = bench.detectPage(url, document);
      const detect = performance.now() - start;
      const times = [];
      let parsedEvents = 0;
      let newest = 0, tenth = 0;
      for (let repeat = 0; repeat < 4; repeat++) {
        start = performance.now();
        const events = bench.parsePage(kind, document, { host: 'pypi.org', seenAt: Date.now() })?.securityEvents ?? [];
        times.push(performance.now() - start);
        parsedEvents = events.length;
        newest = events[0]?.time ?? 0;
        tenth = events[10]?.time ?? 0;
      }
      // Later visits: the content script passes the stored cursor + 1 ms (utils/content/read-page.ts).
      const revisit = [], tenNew = [];
      for (let repeat = 0; repeat < 3; repeat++) {
        start = performance.now();
        bench.parsePage(kind, document, { host: 'pypi.org', seenAt: Date.now(), eventsAtOrAfter: newest + 1 });
        revisit.push(performance.now() - start);
        start = performance.now();
        bench.parsePage(kind, document, { host: 'pypi.org', seenAt: Date.now(), eventsAtOrAfter: tenth + 1 });
        tenNew.push(performance.now() - start);
      }
      return { detect, times, parsedEvents, revisit, tenNew };
    })()`) as { detect: number; times: number[]; parsedEvents: number; revisit: number[]; tenNew: number[] };
    detect.push(timing.detect);
    firstParse.push(timing.times[0]!);
    repeatParse.push(...timing.times.slice(1));
    revisitParse.push(...timing.revisit);
    tenNewParse.push(...timing.tenNew);
    parsedEvents = timing.parsedEvents;
  }
  await page.close();
  return {
    events,
    tokens,
    pageBytes,
    detectPageMedianMs: round(median(detect), 3),
    firstParseMedianMs: round(median(firstParse)),
    repeatParseMedianMs: round(median(repeatParse)),
    revisitParseMedianMs: round(median(revisitParse), 3),
    revisitTenNewRowsParseMedianMs: round(median(tenNewParse), 3),
    parsedEvents,
    runs,
  };
}
