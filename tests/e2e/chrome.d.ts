// `serviceWorker.evaluate(() => chrome.…)` runs inside the extension; only e2e code sees these types.
/// <reference types="chrome" />
