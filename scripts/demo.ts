// `npm run demo`: builds PyPI Guard, starts the fake PyPI, and opens Chromium with the extension
// on a sample account. Without a display it saves screenshots under demo-output/ instead.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createFakePypi, startFakePypiServer } from '../tests/fixtures/pypi/server';
import { extensionIdOf, extensionServiceWorker, launchWithExtension } from '../tests/e2e/support/launch';
import { routeFakePypi } from '../tests/e2e/support/route-pypi';
import { chromeExtensionDir, repoRoot } from '../tests/e2e/support/paths';
import { describeBrowser, findBrowser } from '../tests/support/browsers';

const outputDir = path.join(repoRoot, 'demo-output');
/** How long the account page may take to show its first prompt before the demo goes on without it. */
const PROMPT_TIMEOUT_MS = 15_000;
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');

async function main(): Promise<void> {
  // First, so a missing browser is found, fetched or explained before anything else runs.
  console.log(`${describeBrowser(await findBrowser('chromium'))}`);
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });

  const fakes = {
    'pypi.org': createFakePypi({ host: 'pypi.org', scenario: 'suspicious-history' }),
    'test.pypi.org': createFakePypi({ host: 'test.pypi.org', scenario: 'no-2fa' }),
  };
  const server = await startFakePypiServer(fakes);
  console.log(`Fake PyPI pages are also served at ${server.origin}/ (add ?host=test.pypi.org for TestPyPI).`);

  const context = await launchWithExtension({ headless: !hasDisplay });
  await routeFakePypi(context, fakes);
  const extensionId = extensionIdOf(await extensionServiceWorker(context));

  const accountPage = await context.newPage();
  await accountPage.goto('https://pypi.org/manage/account/');
  await accountPage.waitForLoadState('load');
  // The prompt appears once the content script has read the page and the background answered;
  // wait for it (locators reach into PyPI Guard's open shadow root), but not forever.
  const prompt = accountPage.locator('pypi-guard-ui [data-prompt]').first();
  const promptShown = await prompt
    .waitFor({ state: 'visible', timeout: PROMPT_TIMEOUT_MS })
    .then(() => true)
    .catch(() => false);
  if (!promptShown) console.warn(`No PyPI Guard prompt appeared on the account page within ${PROMPT_TIMEOUT_MS / 1000} s; the screenshot shows the page without it.`);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);

  if (hasDisplay) {
    console.log('Chromium is open with PyPI Guard on a sample account (pypi.org is answered by the fake PyPI).');
    console.log('Click through https://pypi.org/manage/account/ and the popup tab; close the browser to stop.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
  } else {
    mkdirSync(outputDir, { recursive: true });
    await popup.screenshot({ path: path.join(outputDir, 'popup.png'), fullPage: true });
    await accountPage.screenshot({ path: path.join(outputDir, 'account-page.png'), fullPage: false });
    console.log(`No display found: screenshots saved to ${path.relative(process.cwd(), outputDir)}/ (popup.png, account-page.png).`);
    console.log('Every surface, in light and dark: npm run screenshots (writes docs/screenshots/).');
    console.log('To try it yourself, load the unpacked extension by hand:');
    console.log(`  Chrome/Chromium: chrome://extensions → Developer mode → Load unpacked → ${chromeExtensionDir}`);
    console.log('  Firefox: npm run build:firefox, then about:debugging → This Firefox → Load Temporary Add-on → .output/firefox-mv3/manifest.json');
    await context.close();
  }
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
