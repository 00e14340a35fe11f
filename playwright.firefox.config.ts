import { defineConfig } from '@playwright/test';

/**
 * The Firefox ESR suite (`npm run test:e2e:firefox`, run by `npm test` after the Chromium one):
 * the cross-browser flows in Firefox, driven by puppeteer-core over WebDriver BiDi. Playwright is
 * only the runner here (its own Firefox is a patched build that cannot run the stock ESR).
 */
export default defineConfig({
  testDir: 'tests/e2e/firefox',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/firefox/global-setup.ts',
  // Each test launches its own Firefox with a fresh profile; two cores fit two at a time.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // The drill flow hashes eight codes at 600,000 PBKDF2 rounds: about a minute on 2 busy cores.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-firefox-results.json' }]],
});
