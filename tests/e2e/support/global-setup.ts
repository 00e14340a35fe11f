import { describeBrowser, findBrowser } from '../../support/browsers';
import { buildExtension } from './build';

/**
 * Finds (or fetches) the browser before any worker starts, so workers never download in parallel;
 * then builds the Chrome extension once per run (or refuses a stale build: see ./build.ts).
 */
export default async function globalSetup(): Promise<void> {
  console.log(`[e2e] ${describeBrowser(await findBrowser('chromium'))}`);
  buildExtension('chromium', (line) => console.log(`[e2e] ${line}`));
}
