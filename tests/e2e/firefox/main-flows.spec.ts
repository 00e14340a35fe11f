import { launchFirefox } from '../cross-browser/firefox';
import { testFlows } from '../cross-browser/flows';

/**
 * The main flows in Firefox ESR (run by playwright.firefox.config.ts, after the Chromium suite):
 * the same flows, fake PyPI and scenario accounts as tests/e2e/main-flows.spec.ts, through the
 * Firefox adapter (../cross-browser/firefox.ts says what Firefox does differently and how).
 */
testFlows('firefox', launchFirefox);
