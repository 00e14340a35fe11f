import type { Page } from '@playwright/test';
import type { FakePypi } from '../../tests/fixtures/pypi/server';
import { currentWorker, type BenchBrowser } from './context';
import { waitForStoredVisit } from './extension-store';
import type { BenchPypiServer } from './server';
import { spread, type Spread } from './stats';

export interface KeystrokeFigures {
  id: string;
  url: string;
  /** The first keystroke, pressed at once after clicking into the field of a freshly loaded page. */
  first: Spread;
  /** Each later keystroke of the password. */
  later: Spread;
  /** Keystrokes after which no verdict came within the time limit (counted, not timed). */
  missed: number;
}

const PASSWORD = 'Kq7-lantern-Fjord';
const VERDICT_TIMEOUT_MS = 5_000;

const FORMS = [
  { id: 'register', url: 'https://pypi.org/account/register/', loggedIn: false, field: 'input[name="new_password"]' },
  { id: 'change-password', url: 'https://pypi.org/manage/account/', loggedIn: true, field: '#change-password-form input[name="new_password"]', storesVisit: 'account-settings' },
] as const;

/**
 * Keystroke to verdict on PyPI's new-password forms: from the keydown's timestamp to the first
 * change of the strength card's verdict (`[data-score]`) that follows it, observed from the page
 * inside the open shadow root. The first keystroke comes right after the click into the field of
 * a cold page (the worst case: no time to load anything between focus and typing); the later
 * ones 60 ms apart. The login form shows no strength verdict (PyPI Guard scores a login password
 * only to record the score), so the register form stands for the signed-out pages.
 */
export async function measureKeystrokes(server: BenchPypiServer, fake: FakePypi, browser: BenchBrowser, runs: number): Promise<KeystrokeFigures[]> {
  const figures: KeystrokeFigures[] = [];
  fake.setScenario('totp-and-key');
  for (const form of FORMS) {
    fake.setLoggedIn(form.loggedIn);
    server.clearCache();
    const first: number[] = [];
    const later: number[] = [];
    let missed = 0;
    for (let run = 0; run < runs; run++) {
      // A new tab each run: nothing the extension loaded for the last one is left in the page.
      const page = await browser.context.newPage();
      const started = Date.now();
      await page.goto(form.url, { waitUntil: 'load' });
      if ('storesVisit' in form) await waitForStoredVisit(await currentWorker(browser), 'pypi.org/alice', form.storesVisit, started);
      await page.waitForTimeout(500);
      await page.click(form.field);
      for (const [index, key] of [...PASSWORD].entries()) {
        if (index > 0) await page.waitForTimeout(60);
        await watchNextVerdict(page, form.field, index + 1);
        await page.keyboard.press(key);
        const ms = (await page.evaluate('globalThis.__benchVerdict')) as number | null;
        if (ms === null) missed++;
        else (index === 0 ? first : later).push(ms);
      }
      await page.close();
    }
    figures.push({ id: form.id, url: form.url, first: spread(first), later: spread(later), missed });
  }
  return figures;
}

/**
 * Sets `globalThis.__benchVerdict` to a promise of the ms from the next keydown in `field` to the
 * verdict's next change for a value of `length` (or null), and returns once it listens. A string,
 * not a function: tsx names inner functions with a helper the page does not have.
 */
async function watchNextVerdict(page: Page, field: string, length: number): Promise<void> {
  await page.evaluate(`void (globalThis.__benchVerdict = new Promise((resolve) => {
    const input = document.querySelector(${JSON.stringify(field)});
    let pressedAt = 0;
    input.addEventListener('keydown', (event) => (pressedAt = event.timeStamp), { capture: true, once: true });
    const observers = [];
    const finish = (value) => {
      for (const observer of observers) observer.disconnect();
      resolve(value);
    };
    setTimeout(() => finish(null), ${VERDICT_TIMEOUT_MS});
    const verdictChanged = () => {
      const verdict = document.querySelector('pypi-guard-ui')?.shadowRoot?.querySelector('[data-prompt="password-strength"] [data-score]');
      if (pressedAt > 0 && verdict && input.value.length === ${length}) finish(performance.now() - pressedAt);
    };
    const watchShadowRoot = () => {
      const root = document.querySelector('pypi-guard-ui')?.shadowRoot;
      if (!root || observers.length > 1) return;
      const inRoot = new MutationObserver(verdictChanged);
      inRoot.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      observers.push(inRoot);
    };
    // The prompts may not be on the page yet: follow the document until their host appears.
    const inDocument = new MutationObserver(watchShadowRoot);
    inDocument.observe(document.documentElement, { childList: true });
    observers.push(inDocument);
    watchShadowRoot();
  }))`);
}
