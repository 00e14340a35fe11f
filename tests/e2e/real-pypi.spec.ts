import type { BrowserContext, Page } from '@playwright/test';
import { test as extensionTest, expect } from './fixtures';
import { PopupPage } from './pages/popup';
import { OptionsPage } from './pages/options';
import { waitForDone } from './support/done';
import { clearExtensionDb, readExtensionDb } from './support/extension-db';
import { launchWithExtension } from './support/launch';
import { routeCorpus, type CorpusSite } from './support/route-corpus';
import {
  CORPUS_DIR,
  CORPUS_NOW,
  CORPUS_SKIP_REASON,
  EXPECTED_AUDIT,
  readCorpusFile,
  SCENARIOS,
  secretStringsOf,
  urlOf,
  usernameOf,
  visitOrderOf,
  type CorpusLocale,
  type Scenario,
} from '../support/real-pypi';

/*
 * The built extension in Chromium on pypi.org as PyPI's own templates render it (the corpus of
 * ../shared/real-pypi, served at its routes), in all 14 locales: after a user meets each
 * account's pages, the popup's checks say what the README's rules say, and nothing secret the
 * pages showed is anywhere in the extension's storage. One browser runs several locales in turn
 * (its storage emptied between them), so the 42 account × locale runs cost four launches.
 */

/** The extension fixtures, with pypi.org answered from the corpus instead of the fake PyPI. */
const test = extensionTest.extend<{ site: CorpusSite }>({
  site: async ({}, use) => {
    await use({ scenario: 'frank', altered: new Map(), requests: [] });
  },
  context: async ({ site }, use) => {
    const context = await launchWithExtension();
    await routeCorpus(context, site);
    await use(context);
    await context.close();
  },
});

test.skip(!CORPUS_DIR, CORPUS_SKIP_REASON);

/** PyPI keeps the chosen language in the `_LOCALE_` cookie (its /locale/ view sets it). */
async function chooseLocale(context: BrowserContext, locale: CorpusLocale): Promise<void> {
  await context.addCookies([{ name: '_LOCALE_', value: locale, domain: 'pypi.org', path: '/', secure: true }]);
}

/**
 * Opens a corpus page and waits until the page model has read it and the background has answered
 * its snapshot (stored, or dropped for a signed-out step that names nobody).
 */
async function visit(page: Page, extensionId: string, scenario: Scenario, file: string): Promise<void> {
  await page.goto(urlOf(scenario, file).href);
  await waitForDone(page, extensionId, 'page-model', 1, 15_000);
}

/** Each page of the signed-in account, as a user meets them. */
async function visitAccount(page: Page, extensionId: string, site: CorpusSite, scenario: Scenario): Promise<void> {
  site.scenario = scenario;
  for (const file of visitOrderOf(scenario)) await visit(page, extensionId, scenario, file);
}

const LOCALE_GROUPS: CorpusLocale[][] = [
  ['en', 'es', 'fr', 'ja'],
  ['pt_BR', 'uk', 'el', 'de'],
  ['zh_Hans', 'zh_Hant', 'ru'],
  ['he', 'eo', 'ko'],
];

const ALL_SECRETS = CORPUS_DIR ? SCENARIOS.flatMap(secretStringsOf) : [];

for (const locales of LOCALE_GROUPS) {
  test(`each account's checks match the audit rules, and no secret is stored: ${locales.join(', ')}`, async ({ context, serviceWorker, extensionId, site }) => {
    test.setTimeout(60_000 * locales.length);
    const page = await context.newPage();
    for (const locale of locales) {
      await test.step(locale, async () => {
        await clearExtensionDb(serviceWorker);
        await chooseLocale(context, locale);
        for (const scenario of SCENARIOS) await visitAccount(page, extensionId, site, scenario);

        const popup = await PopupPage.open(context, extensionId, { now: CORPUS_NOW });
        for (const scenario of SCENARIOS) {
          expect(await popup.statuses(`pypi.org/${usernameOf(scenario)}`), `${scenario} in ${locale}`).toEqual(EXPECTED_AUDIT[scenario]);
        }
        await popup.page.close();

        // Every secret the pages showed: TOTP keys, recovery codes, CSRF and two-factor tokens.
        const stored = JSON.stringify(await readExtensionDb(serviceWorker));
        expect(stored).toContain('frank-fixture'); // the dump is the real one
        expect(ALL_SECRETS.filter((secret) => stored.includes(secret))).toEqual([]);
      });
    }
    // Each page in another language was read through one English copy, as PyPI sends it for ?_LOCALE_=en.
    const english = site.requests.filter((request) => request.endsWith('?_LOCALE_=en'));
    expect(english.length).toBeGreaterThanOrEqual(locales.filter((locale) => locale !== 'en').length);
  });
}

test('a page PyPI changed shows as "could not read" in the popup and the options page, never as a pass, until it is read again', async ({
  context,
  serviceWorker,
  extensionId,
  site,
}) => {
  const account = 'pypi.org/frank-fixture';
  // The recovery row without its count: "Recovery codes - generated <time> (unused)."
  const page = await context.newPage();
  await chooseLocale(context, 'en');
  const open = (file: string) => visit(page, extensionId, 'frank', file);
  await open('manage-account.html');
  const twoFactorPage = readCorpusFile('frank', 'en', 'two-factor.html');
  expect(twoFactorPage).toContain('(2 unused).');
  site.altered.set('en/two-factor.html', twoFactorPage.replace('(2 unused).', '(unused).'));
  await open('two-factor.html');

  const popup = await PopupPage.open(context, extensionId, { now: CORPUS_NOW });
  for (const check of ['recovery-codes', 'recovery-codes-remaining']) {
    const row = popup.check(account, check);
    await expect(row).toHaveAttribute('data-status', 'unreadable');
    await expect(row).toContainText("PyPI Guard could not read your recovery codes on PyPI's two-factor page; PyPI may have changed it.");
  }
  // Both read the same block and open the same page: one button, on the first; the second folds under it.
  await expect(popup.fixButton(account, 'recovery-codes')).toHaveAttribute('href', 'https://pypi.org/manage/account/two-factor/');
  await expect(popup.check(account, 'recovery-codes').locator('[data-check="recovery-codes-remaining"] [data-action]')).toHaveCount(0);
  // Not seen yet stays its own state.
  await expect(popup.check(account, 'password-strength')).toHaveAttribute('data-status', 'unknown');
  await popup.page.close();

  const options = await OptionsPage.open(context, extensionId);
  const problems = options.page.getByRole('region', { name: 'Pages PyPI Guard could not read' });
  await expect(problems.locator('[data-reader-problem="recoveryCodes"]')).toContainText('missing the number of unused recovery codes');
  await expect(problems.getByRole('textbox')).toHaveValue(/^PyPI Guard \d+\.\d+\.\d+ · pypi\.org two-factor-settings page \(language en\) · recovery codes: missing the number of unused recovery codes · \d{4}-\d\d-\d\d$/);
  await options.page.close();

  // PyPI's page as it is: read again, the problem is gone and the check says what the page says.
  site.altered.clear();
  await open('two-factor.html');
  const again = await PopupPage.open(context, extensionId, { now: CORPUS_NOW });
  await expect(again.check(account, 'recovery-codes-remaining')).toHaveAttribute('data-status', EXPECTED_AUDIT.frank['recovery-codes-remaining']!);
  const accounts = (await readExtensionDb(serviceWorker)).accounts as Record<string, unknown>[];
  expect(accounts.map((record) => record.id)).toEqual([account]);
  expect(accounts[0]).not.toHaveProperty('unreadable');
});
