import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test as base, expect } from './fixtures';
import { PopupPage } from './pages/popup';
import { storedAccount } from './support/extension-db';
import { launchWithExtension } from './support/launch';
import { chromeExtensionDir, repoRoot } from './support/paths';
import { routeFakePypi } from './support/route-pypi';
import { waitForDone } from './support/done';

/**
 * PyPI Guard in the browser's language: Chromium started with --lang=xx picks
 * _locales/xx/messages.json, and the popup, a prompt on PyPI's page and the recovery assistant
 * speak it — German, Japanese, and Hebrew right to left. Screenshots go to docs/screenshots/i18n/.
 * The expected words are read from the built catalogue, so the test checks what ships.
 */

const SCREENSHOTS = path.join(repoRoot, 'docs/screenshots/i18n');
const message = (language: string, key: string): string =>
  (JSON.parse(readFileSync(path.join(chromeExtensionDir, '_locales', language, 'messages.json'), 'utf8')) as Record<string, { message: string }>)[key]!.message;

for (const language of ['de', 'ja', 'he'] as const) {
  const direction = language === 'he' ? 'rtl' : 'ltr';
  const test = base.extend<{ context: BrowserContext }>({
    context: async ({ pypi }, use) => {
      const context = await launchWithExtension({ extraArgs: [`--lang=${language}`] });
      await routeFakePypi(context, pypi);
      await use(context);
      await context.close();
    },
  });

  test.describe(`in ${language}`, () => {
    test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

    /** The page's language and direction, as PyPI Guard set them from the catalogue. */
    const expectSpoken = async (page: Page) => {
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.locator('html')).toHaveAttribute('dir', direction);
    };

    test('the popup', async ({ context, serviceWorker, extensionId }) => {
      const page = await context.newPage();
      await page.goto('https://pypi.org/manage/account/');
      await expect.poll(async () => ((await storedAccount(serviceWorker, 'pypi.org/alice'))?.pagesSeenAt as Record<string, number> | undefined)?.['account-settings']).toBeDefined();

      const popup = await PopupPage.open(context, extensionId);
      await expectSpoken(popup.page);
      await expect(popup.page.locator('.popup__footer')).toContainText(message(language, 'popup_settings'));
      await expect(popup.page.locator('.popup__footer')).toContainText(message(language, 'popup_locked_out'));
      await expect(popup.page.locator('[data-account="pypi.org/alice"] h2')).toHaveText(message(language, 'account_on_host').replace('$USERNAME$', 'alice').replace('$HOST$', 'pypi.org'));
      // Mirrored for Hebrew: the footer's first link sits on the right.
      const [first, second] = await popup.page.locator('.popup__footer a').evaluateAll((links) => links.map((link) => link.getBoundingClientRect().x));
      expect(direction === 'rtl' ? first! > second! : first! < second!).toBe(true);
      await popup.page.screenshot({ path: path.join(SCREENSHOTS, `popup-${language}.png`) });
    });

    test('a prompt on PyPI’s page', async ({ context, extensionId, pypi }) => {
      // bob has no unused recovery code: the two-factor page nudges him to generate codes.
      pypi['pypi.org'].setScenario('bob-keys-only');
      const page = await context.newPage();
      await page.goto('https://pypi.org/manage/account/two-factor/');
      await waitForDone(page, extensionId, 'prompts');
      const card = page.locator('[data-prompt="generate-recovery-codes"]');
      await expect(card).toBeVisible();
      await expect(card.locator('h2')).toHaveText(message(language, 'nudge_generate_codes'));
      await expect(card.locator('[data-action="snooze"]')).toHaveText(message(language, 'prompt_snooze'));
      // The card speaks the UI language on PyPI's page, whatever the page's own language.
      await expect(page.locator('pypi-guard-ui')).toHaveAttribute('lang', language);
      await expect(page.locator('pypi-guard-ui')).toHaveAttribute('dir', direction);
      expect(await card.evaluate((element) => getComputedStyle(element).direction)).toBe(direction);
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: path.join(SCREENSHOTS, `prompt-${language}.png`) });
    });

    test('the recovery assistant, with the request in English', async ({ context, extensionId }) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/recovery.html?host=pypi.org&username=newcomer&from=popup`);
      await expectSpoken(page);
      await expect(page.locator('h1')).toHaveText(message(language, 'recovery_title'));
      await expect(page).toHaveTitle(message(language, 'page_title_recovery'));
      for (const [question, option] of [['password', 'works'], ['email', 'yes'], ['twoFactor', 'lost'], ['otherFactor', 'none'], ['recoveryCodes', 'no']]) {
        await page.locator(`[data-question="${question}"] [data-option="${option}"]`).check();
        await page.locator('[data-action="next"]').click();
      }
      await expect(page.locator('[data-note="request-in-english"]')).toHaveText(message(language, 'request_english_note'));
      // What goes to PyPI's admins is English in every UI language.
      await expect(page.locator('[data-field="reason"] [data-value]')).toContainText('Lost 2FA authentication app or security token.');
      await expect(page.locator('[data-field="username"] [data-value]')).toHaveText('`newcomer`');
      await page.screenshot({ path: path.join(SCREENSHOTS, `recovery-${language}.png`), fullPage: true });
    });
  });
}
