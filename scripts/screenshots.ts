// `npm run screenshots`: every surface of PyPI Guard, in the light and the dark theme, on the fake
// PyPI — the toolbar popup with four accounts, the prompts on PyPI's account, 2FA and sign-in pages,
// the options page, the recovery-code drill and the recovery request page step by step.
//
//   npm run screenshots                       → docs/screenshots/ (referenced from the README)
//   npm run screenshots -- --out /tmp/shots   → elsewhere (e.g. a "before" set)
//   npm run screenshots -- --skip-build       → use the build already in .output/chrome-mv3
//
// Each shot waits for the state it shows (a prompt's data-state, a stored record), never a fixed time.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { BREACHED_PASSWORD } from '../tests/fixtures/hibp/range';
import { scenarioAccount } from '../tests/fixtures/pypi/accounts';
import { createFakePypi, type FakePypi } from '../tests/fixtures/pypi/server';
import { PASSWORDS, RECOVERY_CODES } from '../tests/fixtures/pypi/secrets';
import type { FakeAccount } from '../tests/fixtures/pypi/types';
import { storedAccount } from '../tests/e2e/support/extension-db';
import { extensionIdOf, extensionServiceWorker, launchWithExtension } from '../tests/e2e/support/launch';
import { repoRoot } from '../tests/e2e/support/paths';
import { routeHibp } from '../tests/e2e/support/prompts';
import { routeFakePypi, type FakePypiByHost } from '../tests/e2e/support/route-pypi';
import { submitPypiLogin } from '../tests/e2e/pages/pypi-login';
import { answerLostTwoFactorNoCodes } from '../tests/e2e/pages/recovery';

type Theme = 'light' | 'dark';
const THEMES: readonly Theme[] = ['light', 'dark'];
/** The window the measurements use: a common laptop screen. */
const DESKTOP = { width: 1280, height: 800 } as const;
/** Chromium's toolbar popup: its document is 400 × 580 px (entrypoints/popup/style.css). */
const POPUP = { width: 400, height: 580 } as const;
const WAIT_MS = 20_000;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}
const outputDir = path.resolve(argument('--out') ?? path.join(repoRoot, 'docs/screenshots'));
const skipBuild = process.argv.includes('--skip-build');

/** The four accounts the review used: suspicious history, 2 codes left, no 2FA, one on TestPyPI. */
function renamed(account: FakeAccount, username: string): FakeAccount {
  return { ...account, username, fullName: `${username[0]!.toUpperCase()}${username.slice(1)} Example` };
}

async function shot(page: Page, name: string, theme: Theme, fullPage = false): Promise<void> {
  const file = path.join(outputDir, `${name}-${theme}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`  ${path.relative(process.cwd(), file)}`);
}

/** Visits the account pages the audit reads, waiting until the store has each one. */
async function visitAccount(page: Page, serviceWorker: Worker, host: 'pypi.org' | 'test.pypi.org', username: string): Promise<void> {
  const id = `${host}/${username}`;
  await page.goto(`https://${host}/manage/account/`);
  await waitUntil(async () => ((await storedAccount(serviceWorker, id))?.pagesSeenAt as Record<string, number> | undefined)?.['account-settings'] !== undefined);
  await page.goto(`https://${host}/manage/projects/`);
  await waitUntil(async () => (await storedAccount(serviceWorker, id))?.projects !== undefined);
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the extension');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const prompt = (page: Page, id: string) => page.locator(`[data-prompt="${id}"]`);

async function popupShots(context: BrowserContext, extensionId: string): Promise<void> {
  const popup = await context.newPage();
  await popup.setViewportSize(POPUP);
  for (const theme of THEMES) {
    await popup.emulateMedia({ colorScheme: theme });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.locator('main[data-source="store"]').waitFor({ timeout: WAIT_MS });
    await shot(popup, 'popup', theme);
    // The whole list, as if the popup had no height limit: what a user scrolls through.
    await popup.addStyleTag({ content: 'html, body, main, [data-scroll] { height: auto !important; max-height: none !important; overflow: visible !important; }' });
    await shot(popup, 'popup-whole-list', theme, true);
  }
  await popup.close();
}

async function accountPageShots(context: BrowserContext, fake: FakePypi): Promise<void> {
  fake.setScenario('suspicious-history');
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('https://pypi.org/manage/account/');
    await prompt(page, 'security-events').waitFor({ timeout: WAIT_MS });
    await shot(page, 'prompts-account-page', theme);
    // A weak, breached password typed into "New password", then the next field: its one card, both verdicts.
    const field = page.locator('#change-password-form #new_password');
    await field.fill(BREACHED_PASSWORD);
    await page.locator('#change-password-form #password_confirm').focus();
    await page.locator('[data-prompt="password"][data-state="breached"]').waitFor({ timeout: WAIT_MS });
    await field.scrollIntoViewIfNeeded();
    await shot(page, 'prompts-account-page-weak-password', theme);
  }
  await page.close();
}

async function twoFactorShots(context: BrowserContext, fakes: FakePypiByHost): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  fakes['pypi.org'].setScenario('totp-only');
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('https://pypi.org/manage/account/two-factor/');
    await prompt(page, 'add-second-method').waitFor({ timeout: WAIT_MS });
    await shot(page, 'prompts-2fa-settings', theme);
  }
  // Setting up an authentication app: the code typed is checked against the key on the page.
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('https://pypi.org/manage/account/totp-provision');
    await page.locator('form.totp-form__form input[name="totp_value"]').fill('123456');
    await prompt(page, 'totp-check').waitFor({ timeout: WAIT_MS });
    await shot(page, 'prompts-totp-provision', theme);
  }
  // The sign-in's two-factor step: "Can't sign in?".
  fakes['pypi.org'].setLoggedIn(false);
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await submitPypiLogin(page, 'alice', PASSWORDS.alice);
    await page.waitForURL(/\/account\/two-factor\//);
    await prompt(page, 'lost-2fa-help').waitFor({ timeout: WAIT_MS });
    await shot(page, 'prompts-2fa-step', theme);
  }
  fakes['pypi.org'].setLoggedIn(true);
  await page.close();
}

async function recoveryShots(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  await context.route('https://github.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>GitHub (stub)</title>' }));
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    // Opened as the lost-2FA prompt on PyPI's two-factor step opens it.
    await page.goto(`chrome-extension://${extensionId}/recovery.html?host=pypi.org&username=alice&from=prompt`);
    await answerLostTwoFactorNoCodes(page, { passwordKnown: true });
    await page.locator('[data-field="reason"] [data-value]').waitFor({ timeout: WAIT_MS });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'recovery-request', theme);
    await shot(page, 'recovery-request-whole-page', theme, true);
  }
  await page.close();
}

async function optionsAndDrillShots(context: BrowserContext, extensionId: string, fake: FakePypi): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.locator('h1').waitFor({ timeout: WAIT_MS });
    await page.waitForLoadState('networkidle');
    await shot(page, 'options', theme, true);
  }

  // The drill learns alice's codes from PyPI's page that shows them (hashes only), then checks one.
  fake.setScenario('totp-only');
  await page.goto('https://pypi.org/manage/account/recovery-codes/regenerate');
  await page.locator('[data-prompt="save-recovery-codes"][data-state="stored"]').waitFor({ timeout: 60_000 });
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, 'prompts-recovery-codes', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'prompts-recovery-codes', 'dark');
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`chrome-extension://${extensionId}/drill.html?account=pypi.org%2Falice`);
    const field = page.locator('#drill-code');
    await field.waitFor({ timeout: WAIT_MS });
    await shot(page, 'drill', theme);
    await field.fill(RECOVERY_CODES[2]!);
    await field.press('Enter');
    await page.locator('[data-answer="one-of-yours"]').waitFor({ timeout: WAIT_MS });
    await shot(page, 'drill-right', theme);
    // A typo: first a question, then — once the user says it is the code they keep — a failed drill.
    await field.fill(`${RECOVERY_CODES[2]!.slice(0, 15)}0`);
    await field.press('Enter');
    await page.locator('[data-answer]:not([data-answer="one-of-yours"])').waitFor({ timeout: WAIT_MS });
    await shot(page, 'drill-mismatch', theme);
    const confirm = page.locator('[data-action="confirm-failed"]');
    if ((await confirm.count()) > 0) {
      await confirm.click();
      await page.locator('[data-answer="failed"]').waitFor({ timeout: WAIT_MS });
      await shot(page, 'drill-failed', theme);
    }
  }
  await page.close();
}

async function main(): Promise<void> {
  if (!skipBuild) {
    console.log('Building the extension…');
    execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  mkdirSync(outputDir, { recursive: true });
  const now = new Date();
  const fakes: FakePypiByHost = {
    'pypi.org': createFakePypi({ host: 'pypi.org', scenario: 'suspicious-history' }),
    'test.pypi.org': createFakePypi({ host: 'test.pypi.org', scenario: 'bob-keys-only' }),
  };
  const context = await launchWithExtension();
  try {
    await routeFakePypi(context, fakes);
    await routeHibp(context);
    const serviceWorker = await extensionServiceWorker(context);
    const extensionId = extensionIdOf(serviceWorker);
    console.log(`Screenshots → ${outputDir}`);

    // Four accounts: alice (suspicious history), carol (2 codes left), dave (no 2FA), bob on TestPyPI.
    const page = await context.newPage();
    await visitAccount(page, serviceWorker, 'pypi.org', 'alice');
    fakes['pypi.org'].setScenario(renamed(scenarioAccount('totp-and-key', now), 'carol'));
    await visitAccount(page, serviceWorker, 'pypi.org', 'carol');
    fakes['pypi.org'].setScenario(renamed(scenarioAccount('no-2fa', now), 'dave'));
    await visitAccount(page, serviceWorker, 'pypi.org', 'dave');
    await visitAccount(page, serviceWorker, 'test.pypi.org', 'bob');
    await page.close();

    await popupShots(context, extensionId);
    await accountPageShots(context, fakes['pypi.org']);
    await twoFactorShots(context, fakes);
    await recoveryShots(context, extensionId);
    await optionsAndDrillShots(context, extensionId, fakes['pypi.org']);
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
