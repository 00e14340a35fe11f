import { test } from '@playwright/test';
import { launchChromium } from './cross-browser/chromium';
import { FLOWS } from './cross-browser/flows';

/** The main flows in Chromium; the same flows run in Firefox ESR (tests/e2e/firefox/main-flows.spec.ts). */
for (const flow of FLOWS.filter((candidate) => candidate.browsers?.includes('chromium') ?? true)) {
  test(flow.title, async () => {
    const browser = await launchChromium(flow.launch);
    try {
      await flow.run(browser);
    } finally {
      await browser.close();
    }
  });
}
