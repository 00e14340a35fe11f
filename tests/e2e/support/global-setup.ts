import { execFileSync } from 'node:child_process';
import { chromeExtensionDir, repoRoot } from './paths';

/** Builds the Chrome extension once per run, so every test loads the real build output. */
export default function globalSetup(): void {
  if (process.env.PYPI_GUARD_SKIP_BUILD === '1') return;
  const started = Date.now();
  execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`[e2e] built ${chromeExtensionDir} in ${Date.now() - started} ms`);
}
