import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { PopupPage } from './pages/popup';
import { storedAccount } from './support/extension-db';
import { repoRoot } from './support/paths';
import type { ScenarioId } from '../fixtures/pypi/accounts';
import type { Page } from '@playwright/test';

type Expected = Record<string, 'pass' | 'warn' | 'fail' | 'unknown'>;

/** What the audit must say after a visit to /manage/account/ and /manage/projects/ in each state. */
const EXPECTED: Partial<Record<ScenarioId, Expected>> = {
  'no-2fa': { 'two-factor': 'fail', 'second-factor-method': 'warn', 'recovery-codes': 'warn', 'verified-email': 'warn', 'security-events': 'pass', 'password-strength': 'unknown', 'password-age': 'unknown', 'data-freshness': 'pass' },
  'totp-only': { 'two-factor': 'pass', 'second-factor-method': 'warn', 'recovery-codes': 'pass', 'recovery-codes-remaining': 'pass', 'recovery-readiness': 'pass', 'api-tokens': 'pass' },
  // Its history shows a password change 5 days ago.
  'totp-and-key': { 'second-factor-method': 'pass', 'recovery-codes-remaining': 'warn', 'verified-email': 'pass', 'password-age': 'pass' },
  'unverified-email': { 'verified-email': 'fail', 'recovery-readiness': 'warn', 'two-factor': 'fail' },
  'api-tokens': { 'api-tokens': 'warn' },
  'suspicious-history': { 'security-events': 'fail' },
  // Every code used: PyPI then lists none, exactly as if none had been made.
  'bob-keys-only': { 'recovery-codes': 'fail', 'second-factor-method': 'pass', 'verified-email': 'warn' },
};

async function visitAccountPages(page: Page, scenario: ScenarioId) {
  const username = scenario === 'bob-keys-only' ? 'bob' : 'alice';
  await page.goto(scenario === 'unverified-email' ? 'https://pypi.org/manage/unverified-account/' : 'https://pypi.org/manage/account/');
  if (scenario === 'unverified-email') await page.goto('https://pypi.org/manage/account/');
  await page.goto('https://pypi.org/manage/projects/');
  return `pypi.org/${username}`;
}

for (const locale of ['en', 'de'] as const) {
  for (const [scenario, expected] of Object.entries(EXPECTED) as [ScenarioId, Expected][]) {
    test(`${scenario} in ${locale}: each check shows its status`, async ({ context, extensionId, serviceWorker, pypi }) => {
      pypi['pypi.org'].setScenario(scenario);
      pypi['pypi.org'].setLocale(locale);
      const page = await context.newPage();
      const accountId = await visitAccountPages(page, scenario);
      await expect.poll(async () => (await storedAccount(serviceWorker, accountId))?.projects).toBeDefined();

      const popup = await PopupPage.open(context, extensionId);
      for (const [check, status] of Object.entries(expected)) {
        await expect(popup.check(accountId, check), check).toHaveAttribute('data-status', status);
      }
    });
  }
}

test('fix buttons open the exact PyPI pages, and the badge counts failing checks', async ({ context, extensionId, serviceWorker, pypi }) => {
  pypi['pypi.org'].setScenario('no-2fa');
  pypi['test.pypi.org'].setScenario('bob-keys-only');
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  await page.goto('https://test.pypi.org/manage/account/');
  await expect.poll(async () => (await storedAccount(serviceWorker, 'test.pypi.org/bob'))?.twoFactor).toBeDefined();

  const popup = await PopupPage.open(context, extensionId);
  expect(await popup.page.locator('[data-status="fail"]').count()).toBeGreaterThanOrEqual(2);
  await expect.poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe(await expectedBadge(popup));

  const cases: [string, string, string][] = [
    // No 2FA and no codes yet: PyPI's first prerequisite for 2FA is generating codes.
    ['pypi.org/alice', 'two-factor', 'https://pypi.org/manage/account/recovery-codes/generate'],
    ['pypi.org/alice', 'verified-email', 'https://pypi.org/manage/account/#account-emails'],
    ['test.pypi.org/bob', 'recovery-codes', 'https://test.pypi.org/manage/account/recovery-codes/generate'],
    ['test.pypi.org/bob', 'second-factor-method', 'https://test.pypi.org/manage/account/two-factor/'],
  ];
  for (const [account, check, url] of cases) {
    const tab = await popup.openFix(account, check);
    expect(tab.url(), `${account} ${check}`).toBe(url);
    await tab.close();
  }
});

test('acknowledging security events clears the failure and the badge follows', async ({ context, extensionId, serviceWorker, pypi }) => {
  pypi['pypi.org'].setScenario('suspicious-history');
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  await expect.poll(async () => (await storedAccount(serviceWorker, 'pypi.org/alice'))?.twoFactor).toBeDefined();
  const popup = await PopupPage.open(context, extensionId);
  const badge = () => serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
  await expect.poll(badge).toBe(await expectedBadge(popup));
  const failsBefore = await popup.page.locator('[data-status="fail"]').count();
  await popup.check('pypi.org/alice', 'security-events').locator('[data-action="acknowledge"]').click();
  await expect(popup.check('pypi.org/alice', 'security-events')).toHaveAttribute('data-status', 'pass');
  await expect(popup.page.locator('[data-status="fail"]')).toHaveCount(failsBefore - 1);
  // The acknowledged sign-ins are no longer evidence for a password reminder either.
  await expect(popup.page.locator('[data-reminder^="password-rotation|"]')).toHaveCount(0);
  await expect.poll(badge).toBe(await expectedBadge(popup));
});

/** The badge says what the popup shows: failing checks, or (when none fail) the due reminders. */
async function expectedBadge(popup: PopupPage): Promise<string> {
  const fails = await popup.page.locator('[data-status="fail"]').count();
  const reminders = await popup.page.locator('[data-reminder]').count();
  const shown = fails > 0 ? fails : reminders;
  return shown > 0 ? String(shown) : '';
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the popup has no serious or critical accessibility violation (${colorScheme})`, async ({ context, extensionId, serviceWorker, pypi }) => {
    pypi['pypi.org'].setScenario('suspicious-history');
    pypi['test.pypi.org'].setScenario('bob-keys-only');
    const page = await context.newPage();
    await page.goto('https://pypi.org/manage/account/');
    await page.goto('https://test.pypi.org/manage/account/');
    await expect.poll(async () => (await storedAccount(serviceWorker, 'test.pypi.org/bob'))?.twoFactor).toBeDefined();

    const popup = await PopupPage.open(context, extensionId);
    await popup.page.emulateMedia({ colorScheme });
    await expect(popup.account('pypi.org/alice')).toBeVisible();
    const results = await new AxeBuilder({ page: popup.page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

    // The README's screenshot comes from this run.
    if (colorScheme === 'light') {
      mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
      await popup.page.screenshot({ path: path.join(repoRoot, 'docs/popup.png'), fullPage: true });
    }
  });
}

test('the popup opens with an empty state', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.emptyState).toBeVisible();
  await expect(popup.emptyState.getByRole('link')).toHaveAttribute('href', 'https://pypi.org/manage/account/two-factor/');
});
