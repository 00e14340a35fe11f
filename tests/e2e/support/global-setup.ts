import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeBrowser, findBrowser } from '../../support/browsers';
import { chromeExtensionDir, repoRoot } from './paths';

/** Everything the build is made from: a change to any of it makes the build stale. */
const BUILD_INPUTS = ['entrypoints', 'components', 'utils', 'public', 'wxt.config.ts', 'package-lock.json', 'tsconfig.json'];

function newestInput(entry: string): number {
  const full = path.join(repoRoot, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(full).map((name) => newestInput(path.join(entry, name))));
}

/**
 * Finds (or fetches) the browser before any worker starts, so workers never download in parallel;
 * then builds the Chrome extension once per run, so every test loads the real build output. With
 * PYPI_GUARD_SKIP_BUILD=1 (a quicker local rerun) it refuses a build older than its sources
 * instead: no e2e run ever tests a stale build, in CI or anywhere.
 */
export default async function globalSetup(): Promise<void> {
  console.log(`[e2e] ${describeBrowser(await findBrowser('chromium'))}`);
  const manifest = path.join(chromeExtensionDir, 'manifest.json');
  if (process.env.PYPI_GUARD_SKIP_BUILD === '1') {
    const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
    const changedAt = Math.max(...BUILD_INPUTS.map(newestInput));
    if (builtAt < changedAt) throw new Error(`PYPI_GUARD_SKIP_BUILD=1 but ${chromeExtensionDir} is older than its sources: run \`npm run build\` or drop the variable.`);
    return;
  }
  const started = Date.now();
  execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`[e2e] built ${chromeExtensionDir} in ${Date.now() - started} ms`);
}
