import { describeBrowser, findBrowser } from '../../support/browsers';
import { buildExtension } from '../support/build';

/** Finds (or fetches) Firefox before any worker starts, then builds the Firefox add-on once per run (or refuses a stale build: see ../support/build.ts). */
export default async function globalSetup(): Promise<void> {
  console.log(`[e2e firefox] ${describeBrowser(await findBrowser('firefox'))}`);
  buildExtension('firefox', (line) => console.log(`[e2e firefox] ${line}`));
}
