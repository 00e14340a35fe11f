import { launchChromium } from './cross-browser/chromium';
import { testFlows } from './cross-browser/flows';

/** The main flows in Chromium; the same flows run in Firefox ESR (tests/e2e/firefox/main-flows.spec.ts). */
testFlows('chromium', launchChromium);
