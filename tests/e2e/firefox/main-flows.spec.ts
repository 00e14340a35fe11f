import { test } from '@playwright/test';
import { launchFirefox } from '../cross-browser/firefox';
import { FLOWS } from '../cross-browser/flows';

/**
 * The main flows in Firefox ESR (run by playwright.firefox.config.ts, after the Chromium suite):
 * the same flows, fake PyPI and scenario accounts as tests/e2e/main-flows.spec.ts, through the
 * Firefox adapter (../cross-browser/firefox.ts says what Firefox does differently and how).
 */
for (const flow of FLOWS.filter((candidate) => candidate.browsers?.includes('firefox') ?? true)) {
  test(flow.title, async () => {
    const browser = await launchFirefox(flow.launch);
    try {
      await flow.run(browser);
    } finally {
      await browser.close();
    }
  });
}
