import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromeExtensionDir } from '../../tests/e2e/support/paths';
import { median, round, type BenchBrowser } from './context';
import { measureInjection, type InjectionFigure } from './injection';

/** A string only zxcvbn's bundle holds (its feedback for the most common passwords). */
const ZXCVBN_MARKER = 'This is a top-10 common password';

export interface PromptPageFigure extends InjectionFigure {
  zxcvbnLoaded: boolean;
}

export interface MeterFigures {
  /** The first keystroke in the new-password field of a freshly loaded page. */
  firstUpdateMedianMs: number;
  firstUpdateMaxMs: number;
  /** Each later keystroke of a 16-character password. */
  laterUpdateMedianMs: number;
  laterUpdateMaxMs: number;
  runs: number;
}

export interface PromptFigures {
  nonPasswordPages: PromptPageFigure[];
  passwordPages: PromptPageFigure[];
  meter: MeterFigures;
}

function withZxcvbn(figure: InjectionFigure): PromptPageFigure {
  const zxcvbnLoaded = figure.scripts.some((script) => readFileSync(path.join(chromeExtensionDir, script), 'utf8').includes(ZXCVBN_MARKER));
  return { ...figure, zxcvbnLoaded };
}

/**
 * What the prompts cost: the extension script a page parses (zxcvbn must be absent outside the
 * password pages), and how fast the password prompt follows a keystroke — from the keydown's
 * timestamp to the DOM change of the prompt, observed from the page inside the open shadow root.
 */
export async function measurePrompts(browser: BenchBrowser, runs = 5): Promise<PromptFigures> {
  browser.pypi.setScenario('totp-and-key');
  browser.pypi.setLoggedIn(true);
  const nonPasswordPages: PromptPageFigure[] = [];
  for (const url of ['https://pypi.org/', 'https://pypi.org/manage/projects/', 'https://pypi.org/manage/account/two-factor/', 'https://pypi.org/manage/account/totp-provision']) {
    nonPasswordPages.push(withZxcvbn(await measureInjection(browser, url)));
  }
  const passwordPages = [withZxcvbn(await measureInjection(browser, 'https://pypi.org/manage/account/'))];
  browser.pypi.setLoggedIn(false);
  passwordPages.push(withZxcvbn(await measureInjection(browser, 'https://pypi.org/account/login/')));
  browser.pypi.setLoggedIn(true);
  return { nonPasswordPages, passwordPages, meter: await measureMeter(browser, runs) };
}

async function measureMeter(browser: BenchBrowser, runs: number): Promise<MeterFigures> {
  const first: number[] = [];
  const later: number[] = [];
  const page = await browser.context.newPage();
  for (let run = 0; run < runs; run++) {
    await page.goto('https://pypi.org/manage/account/');
    await page.waitForSelector('pypi-guard-ui', { state: 'attached' });
    await page.focus('#change-password-form #new_password');
    await page.waitForFunction(() => document.querySelector('pypi-guard-ui')?.shadowRoot?.querySelector('[data-prompt="password-strength"]') !== null);
    const password = 'Kq7-lantern-Fjord';
    for (const [index, key] of [...password].entries()) {
      // Listens for the next keydown, then for the prompt's first change after it.
      const latency = page.evaluate(
        (expectedLength) =>
          new Promise<number>((resolve) => {
            const root = document.querySelector('pypi-guard-ui')!.shadowRoot!;
            const field = document.querySelector<HTMLInputElement>('#change-password-form #new_password')!;
            let pressedAt = 0;
            field.addEventListener('keydown', (event) => (pressedAt = event.timeStamp), { capture: true, once: true });
            const observer = new MutationObserver(() => {
              if (pressedAt === 0 || field.value.length !== expectedLength) return;
              observer.disconnect();
              resolve(performance.now() - pressedAt);
            });
            observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
          }),
        index + 1,
      );
      await page.waitForTimeout(20);
      await page.keyboard.press(key);
      (index === 0 ? first : later).push(await latency);
    }
  }
  await page.close();
  return {
    firstUpdateMedianMs: round(median(first)),
    firstUpdateMaxMs: round(Math.max(...first)),
    laterUpdateMedianMs: round(median(later)),
    laterUpdateMaxMs: round(Math.max(...later)),
    runs,
  };
}
