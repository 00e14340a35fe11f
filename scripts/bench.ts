// `npm run bench`: builds the extension and measures what users feel, in Debian's Chromium on this
// machine, side by side with the same browser without the extension. Figures go to
// bench/results.json (or --out) and are printed with their targets. Run it under /work/bin/heavy
// (or on an otherwise idle machine): other work on the cores shows up as spread.
//   --no-build       measure the build already in .output/chrome-mv3
//   --quick          fewer loads (a smoke run, not figures to quote)
//   --out <file>     write the figures there instead of bench/results.json
//   --only <parts>   some of injection,pages,keystrokes,tick,popup (comma-separated)
//   --big-loads <n>  loads per browser on the two 10,000-event pages (seconds each), instead of 21
//   --cases <ids>    only these page-load cases (ids in scripts/bench/page-load.ts, comma-separated)
//   --profiled <n>   profiled loads per page case, instead of 5
//   --baseline floor the page loads' baseline browser has a no-op extension on the same pages
//                    (scripts/bench/floor.ts) instead of none: the ratio is then PyPI Guard ÷ that floor
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createFakePypi } from '../tests/fixtures/pypi/server';
import { repoRoot } from '../tests/e2e/support/paths';
import { openBenchBrowser, openFloorBrowser } from './bench/context';
import { makeFloorExtension } from './bench/floor';
import { measureInjection, type InjectionFigure } from './bench/injection';
import { measureKeystrokes } from './bench/keystroke';
import { measurePageLoads, pageCases } from './bench/page-load';
import { measureBlankExtensionPage, measurePopup } from './bench/popup';
import { startBenchPypiServer } from './bench/server';
import { describe } from './bench/stats';
import { measureTick } from './bench/tick';

const argValue = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const quick = process.argv.includes('--quick');
const out = path.resolve(repoRoot, argValue('--out') ?? 'bench/results.json');
const only = argValue('--only')?.split(',');
const bigLoads = argValue('--big-loads') === undefined ? undefined : Number(argValue('--big-loads'));
const caseIds = argValue('--cases')?.split(',');
const profiledLoads = argValue('--profiled') === undefined ? undefined : Number(argValue('--profiled'));
const floorBaseline = argValue('--baseline') === 'floor';
const runs = (part: string) => !only || only.includes(part);

const TARGETS = { pageLoadRatio: 1.05, addedLongTaskMsOnFirstVisit: 50, longestTaskMs: 50, popupOwnCodeMs: 50, tickMs: 20, firstVerdictMs: 100, laterVerdictMs: 16 };

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  const fakes = { 'pypi.org': createFakePypi({ host: 'pypi.org', scenario: 'totp-and-key' }), 'test.pypi.org': createFakePypi({ host: 'test.pypi.org' }) };
  const server = await startBenchPypiServer(fakes);
  const fake = fakes['pypi.org'];
  try {
    const injection: InjectionFigure[] = [];
    if (runs('injection')) console.log('Extension script parsed per page (before any interaction, and after a click into the password field):');
    const probe = await openBenchBrowser(server, true);
    for (const [url, loggedIn, click] of !runs('injection') ? [] : [
      ['https://pypi.org/', true, null],
      ['https://pypi.org/account/login/', false, null],
      ['https://pypi.org/account/login/', false, 'input[name="password"]'],
      ['https://pypi.org/manage/account/', true, null],
      ['https://pypi.org/manage/account/', true, '#change-password-form input[name="new_password"]'],
      ['https://pypi.org/manage/account/two-factor/', true, null],
      ['https://pypi.org/manage/projects/', true, null],
    ] as const) {
      fake.setLoggedIn(loggedIn);
      server.clearCache();
      const figure = await measureInjection(probe, url, click);
      injection.push(figure);
      console.log(`  ${`${url}${click ? ' + click' : ''}`.padEnd(52)} ${String(figure.bytes).padStart(8)} B (${figure.gzipBytes} B gzip)  zxcvbn ${figure.zxcvbnLoaded ? 'LOADED' : 'no'}  ${figure.scripts.join(', ') || '-'}`);
    }
    await probe.close();

    const withExt = await openBenchBrowser(server, true);
    let pageLoads: Awaited<ReturnType<typeof measurePageLoads>> = [];
    if (runs('pages')) {
      console.log(`\nPage loads, with PyPI Guard ÷ ${floorBaseline ? 'with a no-op extension on the same pages' : 'without'} (loadEventEnd, medians):`);
      const floor = floorBaseline ? makeFloorExtension() : null;
      const without = floor ? await openFloorBrowser(server, floor.dir) : await openBenchBrowser(server, false);
      try {
        pageLoads = await measurePageLoads(pageCases(), server, fake, withExt, without, { loads: quick ? 6 : 21, bigHistoryLoads: bigLoads ?? (quick ? 6 : 21), profiledLoads: profiledLoads ?? (quick ? 2 : 5), settleMs: 1500, caseIds });
      } finally {
        await without.close();
        floor?.remove();
      }
    }

    if (runs('keystrokes')) console.log('\nKeystroke → verdict:');
    const keystrokes = runs('keystrokes') ? await measureKeystrokes(server, fake, withExt, quick ? 3 : 10) : [];
    for (const figure of keystrokes) console.log(`  ${figure.id}: first ${describe(figure.first)}, later ${describe(figure.later)}${figure.missed ? `, ${figure.missed} keystrokes without a verdict` : ''}`);
    await withExt.close();

    const tick = runs('tick') ? await measureTick(server, 20, 10_000, quick ? 5 : 15) : null;
    if (tick) console.log(`\nBackground tick, 20 accounts × 10,000 events:\n  first tick after the rows were written ${tick.firstTickMs} ms; then ${describe(tick.tick)} (target ≤ ${TARGETS.tickMs} ms)`);

    if (runs('popup')) console.log('\nPopup, its own code to every account painted:');
    const popup = [];
    for (const accounts of runs('popup') ? [10, 50] : []) {
      const figure = await measurePopup(server, accounts, quick ? 4 : 11);
      popup.push(figure);
      console.log(`  ${accounts} accounts: ${describe(figure.ownCodeToMeaningfulPaint)} (target ≤ ${TARGETS.popupOwnCodeMs} ms); from navigation start ${figure.firstMeaningfulPaintMedianMs} ms; first screen of accounts ${describe(figure.ownCodeToFirstScreen)}`);
    }
    const blankPage = runs('popup') ? await measureBlankExtensionPage() : null;
    if (blankPage) console.log(`  for scale, an empty extension page: first script ${blankPage.firstScriptMedianMs} ms, first frame ${blankPage.firstFrameMedianMs} ms after navigation start`);

    const results = {
      measuredAt: new Date().toISOString(),
      machine: `${process.platform} ${process.arch}, node ${process.version}`,
      quick,
      baseline: floorBaseline ? 'no-op extension on the same pages' : 'no extension',
      targets: TARGETS,
      injection,
      pageLoads,
      keystrokes,
      tick,
      popup,
      blankPage,
    };
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nWritten to ${path.relative(repoRoot, out)}`);
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
