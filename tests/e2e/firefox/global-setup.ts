import { execFileSync } from 'node:child_process';
import { describeBrowser, findBrowser } from '../../support/browsers';
import { firefoxExtensionDir, repoRoot } from '../support/paths';

/** Finds (or fetches) Firefox before any worker starts, then builds the Firefox add-on once per run. */
export default async function globalSetup(): Promise<void> {
  console.log(`[e2e firefox] ${describeBrowser(await findBrowser('firefox'))}`);
  if (process.env.PYPI_GUARD_SKIP_BUILD === '1') return;
  const started = Date.now();
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`[e2e firefox] built ${firefoxExtensionDir} in ${Date.now() - started} ms`);
}
