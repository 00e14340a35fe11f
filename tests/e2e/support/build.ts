import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromeExtensionDir, firefoxExtensionDir, repoRoot } from './paths';

/** Everything the build is made from: a change to any of it makes the build stale. */
const BUILD_INPUTS = ['entrypoints', 'components', 'utils', 'public', 'wxt.config.ts', 'package-lock.json', 'tsconfig.json'];

const TARGETS = {
  chromium: { dir: chromeExtensionDir, args: ['wxt', 'build'] },
  firefox: { dir: firefoxExtensionDir, args: ['wxt', 'build', '-b', 'firefox', '--mv3'] },
} as const;

function newestInput(entry: string): number {
  const full = path.join(repoRoot, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(full).map((name) => newestInput(path.join(entry, name))));
}

/**
 * Builds the extension for `browser` once per e2e run (from a suite's global setup), so every
 * test loads the real build output. With PYPI_GUARD_SKIP_BUILD=1 (a quicker local rerun) it
 * refuses a build older than its sources instead: no e2e run ever tests a stale build.
 */
export function buildExtension(browser: keyof typeof TARGETS, log: (line: string) => void): void {
  const { dir, args } = TARGETS[browser];
  if (process.env.PYPI_GUARD_SKIP_BUILD === '1') {
    const manifest = path.join(dir, 'manifest.json');
    const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
    const changedAt = Math.max(...BUILD_INPUTS.map(newestInput));
    if (builtAt < changedAt) throw new Error(`PYPI_GUARD_SKIP_BUILD=1 but ${dir} is older than its sources: run \`npx ${args.join(' ')}\` or drop the variable.`);
    return;
  }
  const started = Date.now();
  execFileSync('npx', args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  log(`built ${dir} in ${Date.now() - started} ms`);
}
