import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Firefox's suite has its own config (playwright.firefox.config.ts).
  testIgnore: '**/firefox/**',
  // Builds the extension once for the whole run.
  globalSetup: './tests/e2e/support/global-setup.ts',
  // Each test launches its own Chromium with a fresh profile; two cores fit two at a time.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  // A stray test.only would silently skip the rest of the suite on CI.
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: { trace: 'retain-on-failure' },
});
