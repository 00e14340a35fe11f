import path from 'node:path';
import { generateSync } from 'otplib';
import { test, expect } from './fixtures';
import { createFakePypi } from '../fixtures/pypi/server';
import type { ScenarioId } from '../fixtures/pypi/accounts';
import { FIXTURE_SECRETS, NEW_TOTP_SECRET, PASSWORDS, PASSWORD_RESET_TOKEN, RECOVERY_CODES, TWO_FACTOR_TOKEN } from '../fixtures/pypi/secrets';
import { BREACHED_COUNT, BREACHED_PASSWORD, CLEAN_PASSWORD, sha1Upper } from '../fixtures/hibp/range';
import { storedAccount, readExtensionDb } from './support/extension-db';
import { allExtensionStorage, expectOnePasswordCard, newTotpCodeAt, openTotpProvisioning, promptOverlaps, routeHibp, TOTP_PINNED_AT } from './support/prompts';
import { repoRoot } from './support/paths';
import type { Page } from '@playwright/test';
import { submitPypiLogin } from './pages/pypi-login';
import { OptionsPage } from './pages/options';
import { doneCount, waitForDone } from './support/done';
import { FLASH_WAIT_MS } from '../../utils/prompts/password/login-page';

/**
 * In-page prompts end to end, on the fake PyPI in Chromium. Playwright's locators pierce the
 * open shadow root of <pypi-guard-ui>, so `[data-prompt="…"]` finds a prompt wherever it is.
 */

const HOSTILE_CSS = path.join(repoRoot, 'tests/fixtures/pypi/static/hostile.css');
const STRONG_PASSWORD = 'vivid-trombone-glacier-7-marmalade';
const prompt = (page: Page, id: string) => page.locator(`[data-prompt="${id}"]`);
const host = (page: Page) => page.locator('pypi-guard-ui');

async function expectNoSecretsStored(serviceWorker: Parameters<typeof allExtensionStorage>[0], extra: string[] = []) {
  const everything = await allExtensionStorage(serviceWorker);
  for (const secret of [...FIXTURE_SECRETS, ...extra]) expect(everything, `found a secret: ${secret.slice(0, 6)}…`).not.toContain(secret);
}

/** The signed-in account page, read by the page model, so the account exists in the store. */
async function visitAccountSettings(page: Page, serviceWorker: Parameters<typeof storedAccount>[0]) {
  await page.goto('https://pypi.org/manage/account/');
  await expect.poll(() => storedAccount(serviceWorker, 'pypi.org/alice')).toBeDefined();
}

test.describe('password: strength', () => {
  test('appears on the change-password field, says PyPI will refuse a weak password, then accepts a strong one', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://pypi.org/manage/account/');
    await expect(host(page)).toBeAttached();
    await expect(prompt(page, 'password')).toHaveCount(0);

    await page.locator('#change-password-form #new_password').focus();
    await expect(prompt(page, 'password')).toHaveAttribute('data-state', 'empty');
    await page.keyboard.type('password1');
    await expect(prompt(page, 'password')).toHaveAttribute('data-state', 'weak');
    await expect(prompt(page, 'password')).toContainText('PyPI will refuse this password');
    await expect(prompt(page, 'password').locator('[data-field="warning"]')).toContainText('common password');

    await page.locator('#change-password-form #new_password').fill(STRONG_PASSWORD);
    await expect(prompt(page, 'password')).toHaveAttribute('data-state', 'strong');
    await expect(prompt(page, 'password').locator('[data-field="crack-time"]')).toContainText('centuries');
  });

  test('recommends 15+ characters when the account has no 2FA, on register and reset too', async ({ context, pypi }) => {
    pypi['pypi.org'].setScenario('no-2fa');
    const page = await context.newPage();
    await page.goto('https://pypi.org/manage/account/');
    await page.locator('#change-password-form #new_password').fill('Tr0ub4dor&3zq!');
    await expect(prompt(page, 'password').locator('[data-field="length-advice"]')).toContainText('no two-factor authentication');

    pypi['pypi.org'].setLoggedIn(false);
    await page.goto('https://pypi.org/account/register/');
    await page.locator('#username').fill('newcomer');
    await page.locator('#new_password').fill('newcomer2024');
    await expect(prompt(page, 'password')).toHaveAttribute('data-state', 'weak');

    await page.goto(`https://pypi.org/account/reset-password/?token=${PASSWORD_RESET_TOKEN}`);
    await page.locator('#new_password').fill('Tr0ub4dor&3zq!');
    await expect(prompt(page, 'password').locator('[data-field="length-advice"]')).toContainText('Unless this account has two-factor authentication');
  });

  test('is not on pages without a new-password form, and zxcvbn is not loaded there', async ({ context, extensionId }) => {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    const scripts = new Set<string>();
    session.on('Debugger.scriptParsed', ({ url }) => {
      if (url.startsWith(`chrome-extension://${extensionId}/`)) scripts.add(new URL(url).pathname);
    });
    await session.send('Debugger.enable');
    // PyPI's home gets no script at all (manifest.spec.ts); each account page is done once its
    // page model has been answered — every script of the page is injected at that same moment.
    await page.goto('https://pypi.org/');
    for (const path of ['/manage/account/two-factor/', '/manage/projects/', '/manage/account/totp-provision', '/user/alice/']) {
      await page.goto(`https://pypi.org${path}`);
      await waitForDone(page, extensionId, 'page-model');
      await expect(prompt(page, 'password')).toHaveCount(0);
    }
    expect([...scripts]).not.toContain('/zxcvbn.js');
    // The account page has a new-password form: zxcvbn comes once a password is typed there.
    await page.goto('https://pypi.org/manage/account/');
    await page.locator('#change-password-form #new_password').fill('x');
    await expect.poll(() => [...scripts]).toContain('/zxcvbn.js');
  });

  test('"Don’t show again" silences an account nudge for that account only; "Remind me later" snoozes one for a week', async ({ context, serviceWorker, extensionId, pypi }) => {
    const page = await context.newPage();
    await page.goto('https://pypi.org/manage/account/');
    // alice has TOTP only: the second-method nudge.
    await prompt(page, 'add-second-method').getByRole('button', { name: 'Don’t show again' }).click();
    await expect(prompt(page, 'add-second-method')).toHaveCount(0);
    await expect.poll(async () => (await readExtensionDb(serviceWorker)).prompts).toEqual([{ id: 'pypi.org/alice|add-second-method', dismissedAt: expect.any(Number) }]);
    await page.reload();
    await waitForDone(page, extensionId, 'prompts');
    await expect(prompt(page, 'add-second-method')).toHaveCount(0);

    // Snooze an account nudge of another account (bob has no unused recovery code): hidden now and on the next visit, stored with its end.
    pypi['pypi.org'].setScenario('bob-keys-only');
    await page.goto('https://pypi.org/manage/account/two-factor/');
    await prompt(page, 'generate-recovery-codes').getByRole('button', { name: 'Remind me later' }).click();
    await expect(prompt(page, 'generate-recovery-codes')).toHaveCount(0);
    const snoozed = ((await readExtensionDb(serviceWorker)).prompts as { id: string; snoozedUntil?: number }[]).find((state) => state.id === 'pypi.org/bob|generate-recovery-codes');
    expect(snoozed?.snoozedUntil).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    expect(snoozed?.snoozedUntil).toBeLessThan(Date.now() + 7.1 * 86_400_000);
    await page.reload();
    // The dock has read the snoozes and leaves a snoozed prompt out entirely.
    await waitForDone(page, extensionId, 'prompts');
    await expect(prompt(page, 'generate-recovery-codes')).toHaveCount(0);
    // alice's dismissal is hers: it does not reach bob.
    expect(((await readExtensionDb(serviceWorker)).prompts as { id: string }[]).map((state) => state.id).sort()).toEqual(['pypi.org/alice|add-second-method', 'pypi.org/bob|generate-recovery-codes']);
  });

  test('the password card is a field helper: × closes it for this page only, and it is back on the next visit', async ({ context, serviceWorker, extensionId, pypi }) => {
    await routeHibp(context); // × takes the focus from the field: its breach check runs
    pypi['pypi.org'].setLoggedIn(false);
    const page = await context.newPage();
    await page.goto('https://pypi.org/account/register/');
    await page.locator('#username').fill('newcomer');
    await page.locator('#new_password').fill('password1');
    const card = prompt(page, 'password');
    await expect(card).toHaveAttribute('data-state', 'weak');
    await expect(card.getByRole('button', { name: 'Don’t show again' })).toHaveCount(0);
    await expect(card.getByRole('button', { name: 'Remind me later' })).toHaveCount(0);
    await card.locator('[data-action="close"]').click();
    await expect(card).toHaveCount(0);
    await page.reload();
    await waitForDone(page, extensionId, 'password-trigger');
    await page.locator('#new_password').fill('password1');
    await expect(card).toHaveAttribute('data-state', 'weak');
    expect((await readExtensionDb(serviceWorker)).prompts ?? []).toEqual([]);
  });
});

test.describe('password: breach', () => {
  const breachLine = (page: Page) => prompt(page, 'password').locator('[data-field="breach"]');

  test('asks the local Have I Been Pwned on blur only, with 5 hex characters and the padding header', async ({ context, extensionId, pypi }) => {
    const hibp = await routeHibp(context);
    pypi['pypi.org'].setLoggedIn(false);
    const page = await context.newPage();
    await page.goto(`https://pypi.org/account/reset-password/?token=${PASSWORD_RESET_TOKEN}`);
    const field = page.locator('#new_password');
    await field.pressSequentially(BREACHED_PASSWORD);
    await field.blur();
    // One card with both verdicts, under one headline: leaked beats weak.
    await expectOnePasswordCard(page, { state: 'breached', breach: 'found', strength: 'weak' });
    await expect(prompt(page, 'password')).toContainText(`${BREACHED_COUNT.toLocaleString('en')} times`);
    await expect(prompt(page, 'password')).toContainText('PyPI will refuse it when you submit');
    // One request for the whole password, none per keystroke (those would have gone out first).
    expect(hibp, 'no request per keystroke').toHaveLength(1);
    const [request] = hibp;
    const url = new URL(request!.url);
    expect(url.pathname).toMatch(/^\/range\/[0-9A-F]{5}$/);
    expect(url.pathname).toBe(`/range/${sha1Upper(BREACHED_PASSWORD).slice(0, 5)}`);
    expect(url.search).toBe('');
    expect(request!.method).toBe('GET');
    expect(request!.body).toBeNull();
    expect(request!.headers['add-padding']).toBe('true');
    const everythingSent = JSON.stringify(request);
    expect(everythingSent).not.toContain(sha1Upper(BREACHED_PASSWORD).slice(5));
    expect(everythingSent).not.toContain(BREACHED_PASSWORD);

    // A password whose suffix is only in a padding line (count 0) is not breached.
    await field.fill(CLEAN_PASSWORD);
    await expect(breachLine(page)).toHaveCount(0); // the verdict on the last password is gone at once
    await expect(prompt(page, 'password')).not.toHaveAttribute('data-state', 'breached');
    await field.blur();
    await expect(breachLine(page)).toHaveAttribute('data-state', 'not-found');
    await expect(prompt(page, 'password')).toHaveAttribute('data-state', 'strong');
    expect(hibp).toHaveLength(2);
    // The same password again: no second request.
    const checks = await doneCount(page, extensionId, 'breach-check');
    await field.focus();
    await field.blur();
    await waitForDone(page, extensionId, 'breach-check', checks + 1);
    expect(hibp).toHaveLength(2);
  });

  test('Enter on the reset form: a breached password is held back with the warning, a clean one goes to PyPI', async ({ context, pypi }) => {
    const hibp = await routeHibp(context);
    pypi['pypi.org'].setLoggedIn(false);
    const page = await context.newPage();
    const resetUrl = `https://pypi.org/account/reset-password/?token=${PASSWORD_RESET_TOKEN}`;
    await page.goto(resetUrl);
    // Typed and submitted straight away: no blur, so the check starts with the submit.
    await page.locator('#new_password').fill(BREACHED_PASSWORD);
    await page.locator('#password_confirm').fill(BREACHED_PASSWORD);
    await page.locator('#password_confirm').press('Enter');
    await expectOnePasswordCard(page, { state: 'breached', breach: 'found' });
    // Held back: the verdict is in and final (the hold's time limit only lets slow answers through).
    await expect(prompt(page, 'password').locator('[data-field="held-back"]')).toBeVisible();
    expect(page.url()).toBe(resetUrl);
    expect(pypi['pypi.org'].requests.filter((request) => request.method === 'POST')).toEqual([]);
    expect(hibp).toHaveLength(1);

    // A clean password: Enter once, and the form reaches PyPI after the check.
    await page.locator('#new_password').fill(CLEAN_PASSWORD);
    await page.locator('#password_confirm').fill(CLEAN_PASSWORD);
    await page.locator('#password_confirm').press('Enter');
    await page.waitForURL('https://pypi.org/account/login/');
    expect(pypi['pypi.org'].requests.filter((request) => request.method === 'POST').map((request) => new URL(request.url).pathname)).toEqual(['/account/reset-password/']);
    expect(pypi['pypi.org'].account.password).toBe(CLEAN_PASSWORD);
    expect(hibp).toHaveLength(2);
  });

  test('says "could not check" when Have I Been Pwned cannot be reached', async ({ context, pypi }) => {
    await routeHibp(context, { offline: true });
    pypi['pypi.org'].setLoggedIn(false);
    const page = await context.newPage();
    await page.goto(`https://pypi.org/account/reset-password/?token=${PASSWORD_RESET_TOKEN}`);
    await page.locator('#new_password').fill(CLEAN_PASSWORD);
    await page.locator('#new_password').blur();
    await expectOnePasswordCard(page, { state: 'strong', breach: 'could-not-check' });
    await expect(prompt(page, 'password').getByRole('button', { name: 'Check again' })).toBeVisible();
  });

  test('is off when the user opts out in settings', async ({ context, extensionId, serviceWorker, pypi }) => {
    const hibp = await routeHibp(context);
    // The user's way: the options page's "Checks" switch.
    const options = await OptionsPage.open(context, extensionId);
    await options.page.getByLabel('Check passwords typed on PyPI against Have I Been Pwned').uncheck();
    await expect.poll(async () => ((await readExtensionDb(serviceWorker)).settings as { breachCheck?: boolean }[] | undefined)?.[0]?.breachCheck).toBe(false);
    pypi['pypi.org'].setLoggedIn(false);
    const page = await context.newPage();
    await page.goto(`https://pypi.org/account/reset-password/?token=${PASSWORD_RESET_TOKEN}`);
    await page.locator('#new_password').fill(BREACHED_PASSWORD);
    await page.locator('#new_password').blur();
    await waitForDone(page, extensionId, 'breach-check');
    // The card still rates the password, and says the breach check is off instead of a verdict.
    await expectOnePasswordCard(page, { state: 'weak', breach: 'disabled', strength: 'weak' });
    expect(hibp).toHaveLength(0);
  });

  test('on the login page, a breached but wrong password is flagged and records nothing', async ({ context, serviceWorker, extensionId, pypi }) => {
    await routeHibp(context);
    const page = await context.newPage();
    await visitAccountSettings(page, serviceWorker);
    pypi['pypi.org'].setLoggedIn(false);
    await page.goto('https://pypi.org/account/login/');
    await page.locator('#username').fill('alice');
    await page.locator('#password').fill(BREACHED_PASSWORD);
    await page.locator('#password').blur();
    await expectOnePasswordCard(page, { state: 'breached', breach: 'found', strength: 'weak' });
    await expect(prompt(page, 'password').getByRole('link', { name: 'Reset your password' })).toHaveAttribute('href', '/account/request-password-reset/');
    await page.locator('#login-form input[type=submit]').click();
    // alice's password is another one: PyPI says "invalid", so the breach is not hers.
    await expect(page.locator('#password-errors')).toContainText('The password is invalid');
    // The login page that came back has told the background what it shows (after waiting up to
    // FLASH_WAIT_MS for a success message that never comes): the submit is settled.
    await waitForDone(page, extensionId, 'login-page', 1, FLASH_WAIT_MS + 5_000);
    const observed = (await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed ?? {};
    expect(observed).not.toHaveProperty('breachFoundAt');
    expect(observed).not.toHaveProperty('passwordScore');

    // Then the right password, in the same tab: its score is recorded, and still no breach.
    await page.locator('#password').fill(PASSWORDS.alice);
    await page.locator('#login-form input[type=submit]').click();
    await page.waitForURL(/\/account\/two-factor\//);
    await expect.poll(async () => (await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed).toMatchObject({ passwordScore: { value: expect.any(Number) } });
    expect((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed).not.toHaveProperty('breachFoundAt');
  });

  test('on the login page, a right but breached password is recorded once PyPI refuses it as compromised', async ({ context, serviceWorker, pypi }) => {
    await routeHibp(context);
    const page = await context.newPage();
    await visitAccountSettings(page, serviceWorker);
    pypi['pypi.org'].setLoggedIn(false);
    pypi['pypi.org'].account.password = BREACHED_PASSWORD;
    await page.goto('https://pypi.org/account/login/');
    await page.locator('#username').fill('alice');
    // Enter at once: no blur, so PyPI Guard has no verdict of its own at submit; PyPI's answer decides.
    await page.locator('#password').fill(BREACHED_PASSWORD);
    await page.locator('#password').press('Enter');
    await expect(page.locator('#password-errors a[href="/help/#compromised-password"]')).toBeVisible();
    await expect.poll(async () => ((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed as { breachFoundAt?: number } | undefined)?.breachFoundAt).toBeGreaterThan(0);
    // The login failed: no score for a password that did not sign in.
    expect((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed).not.toHaveProperty('passwordScore');
  });

  test('on the login page, a strong clean password shows no card and records no breach', async ({ context, serviceWorker, extensionId, pypi }) => {
    const hibp = await routeHibp(context);
    const page = await context.newPage();
    await visitAccountSettings(page, serviceWorker);
    pypi['pypi.org'].setLoggedIn(false);
    await page.goto('https://pypi.org/account/login/');
    await page.locator('#username').fill('alice');
    await page.locator('#password').fill(PASSWORDS.alice);
    await page.locator('#password').blur();
    await waitForDone(page, extensionId, 'breach-check'); // checked…
    expect(hibp).toHaveLength(1);
    await expect(prompt(page, 'password')).toHaveCount(0); // …and nothing to say on the login page
    await page.locator('#login-form input[type=submit]').click();
    await page.waitForURL(/\/account\/two-factor\//);
    await expect.poll(async () => (await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed).toMatchObject({ passwordScore: { value: expect.any(Number) } });
    expect((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed).not.toHaveProperty('breachFoundAt');
  });
});

test.describe('password scores and times', () => {
  test('a login records the score of the password in use, nothing else', async ({ context, serviceWorker, pypi }) => {
    const page = await context.newPage();
    await visitAccountSettings(page, serviceWorker);
    pypi['pypi.org'].setLoggedIn(false);
    await submitPypiLogin(page, 'alice', PASSWORDS.alice);
    await page.waitForURL(/\/account\/two-factor\//);
    await expect.poll(async () => (await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed).toMatchObject({ passwordScore: { value: expect.any(Number) } });
    expect((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed).not.toHaveProperty('passwordChangedAt');
    await expectNoSecretsStored(serviceWorker);
  });

  test('a successful change records its time and score; a refused one records nothing', async ({ context, serviceWorker, extensionId, pypi }) => {
    const page = await context.newPage();
    await visitAccountSettings(page, serviceWorker);

    // Refused: the confirmation does not match.
    await page.locator('#change-password-form #password').fill(PASSWORDS.alice);
    await page.locator('#change-password-form #new_password').fill(STRONG_PASSWORD);
    await page.locator('#change-password-form #password_confirm').fill('something else');
    await page.locator('#change-password-form input[type=submit]').click();
    await expect(page.locator('#confirm-password-errors .form-errors')).toBeVisible();
    // The page that came back was read and stored, and the submit settled with it.
    await waitForDone(page, extensionId, 'page-model');
    expect((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed ?? {}).not.toHaveProperty('passwordChangedAt');

    await page.locator('#change-password-form #password').fill(PASSWORDS.alice);
    await page.locator('#change-password-form #new_password').fill(STRONG_PASSWORD);
    await page.locator('#change-password-form #password_confirm').fill(STRONG_PASSWORD);
    await page.locator('#change-password-form input[type=submit]').click();
    await expect(page.locator('.notification-bar--success')).toBeVisible();
    expect(pypi['pypi.org'].account.events[0]?.tag).toBe('account:password:change');
    await expect.poll(async () => (await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed).toMatchObject({
      passwordChangedAt: expect.any(Number),
      passwordScore: { value: 4 },
    });
    await expectNoSecretsStored(serviceWorker, [STRONG_PASSWORD]);
  });

  test('a reset is recorded through the login that follows PyPI’s success message', async ({ context, serviceWorker, extensionId, pypi }) => {
    const page = await context.newPage();
    await visitAccountSettings(page, serviceWorker);
    pypi['pypi.org'].setLoggedIn(false);
    await page.goto(`https://pypi.org/account/reset-password/?token=${PASSWORD_RESET_TOKEN}`);
    await page.locator('#new_password').fill(STRONG_PASSWORD);
    await page.locator('#password_confirm').fill(STRONG_PASSWORD);
    await page.locator('#reset-password-form input[type=submit]').click();
    await page.waitForURL('https://pypi.org/account/login/');
    await expect(page.locator('.notification-bar--success')).toBeVisible();
    await waitForDone(page, extensionId, 'login-page');
    await page.locator('#username').fill('alice');
    await page.locator('#password').fill(STRONG_PASSWORD);
    await page.locator('#login-form input[type=submit]').click();
    await page.waitForURL(`https://pypi.org/account/two-factor/?${TWO_FACTOR_TOKEN}`);
    await expect.poll(async () => (await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed).toMatchObject({
      passwordChangedAt: expect.any(Number),
      passwordScore: { value: 4 },
    });
    await expectNoSecretsStored(serviceWorker, [STRONG_PASSWORD]);
  });
});

test.describe('totp-check', () => {
  test.describe('with PyPI’s clock in step', () => {
    test.use({});
    const totpTest = test.extend({
      pypi: async ({}, use) => {
        await use({ 'pypi.org': createFakePypi({ host: 'pypi.org', now: () => new Date(TOTP_PINNED_AT) }), 'test.pypi.org': createFakePypi({ host: 'test.pypi.org' }) });
      },
    });

    totpTest('the right code passes, ±1 step reports drift, another key’s code fails', async ({ context, extensionId, serviceWorker, pypi }) => {
      const page = await context.newPage();
      await openTotpProvisioning(page, extensionId, TOTP_PINNED_AT);
      await expect(prompt(page, 'totp-check')).toHaveCount(0);
      const field = page.locator('form.totp-form__form input[name="totp_value"]');

      await field.fill(newTotpCodeAt(TOTP_PINNED_AT));
      await expect(prompt(page, 'totp-check')).toHaveAttribute('data-state', 'match');

      await field.fill(newTotpCodeAt(TOTP_PINNED_AT + 30_000));
      await expect(prompt(page, 'totp-check')).toHaveAttribute('data-state', 'drift');
      await expect(prompt(page, 'totp-check')).toContainText('about 30 seconds ahead');

      await field.fill(newTotpCodeAt(TOTP_PINNED_AT - 30_000));
      await expect(prompt(page, 'totp-check')).toContainText('about 30 seconds behind');
      await expect(prompt(page, 'totp-check')).toContainText('PyPI still accepts');

      await field.fill(generateSync({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', epoch: Math.floor(TOTP_PINNED_AT / 1000) }));
      await expect(prompt(page, 'totp-check')).toHaveAttribute('data-state', 'no-match');
      await expect(prompt(page, 'totp-check').locator('[data-field="clock"]')).toHaveCount(0);

      // The clock was read from a HEAD of the home page; the provisioning page (which would issue
      // a new key) was requested once, by the navigation.
      const requests = pypi['pypi.org'].requests.map((request) => `${request.method} ${new URL(request.url).pathname}`);
      expect(requests).toContain('HEAD /');
      expect(requests.filter((request) => request.endsWith('/manage/account/totp-provision'))).toEqual(['GET /manage/account/totp-provision']);
      await expectNoSecretsStored(serviceWorker);
    });
  });

  test.describe('with this computer’s clock 2 minutes behind PyPI’s', () => {
    const skewTest = test.extend({
      pypi: async ({}, use) => {
        await use({ 'pypi.org': createFakePypi({ host: 'pypi.org', now: () => new Date(TOTP_PINNED_AT + 120_000) }), 'test.pypi.org': createFakePypi({ host: 'test.pypi.org' }) });
      },
    });

    skewTest('warns about the clock and judges codes by PyPI’s time', async ({ context, extensionId }) => {
      const page = await context.newPage();
      await openTotpProvisioning(page, extensionId, TOTP_PINNED_AT);
      const field = page.locator('form.totp-form__form input[name="totp_value"]');
      await field.focus();
      await expect(prompt(page, 'totp-check')).toHaveAttribute('data-state', 'clock-only');
      await expect(prompt(page, 'totp-check').locator('[data-field="clock"]')).toContainText('about 2 minutes behind PyPI’s');
      await field.fill(newTotpCodeAt(TOTP_PINNED_AT + 120_000));
      await expect(prompt(page, 'totp-check')).toHaveAttribute('data-state', 'match');
    });
  });
});

test.describe('save-recovery-codes and the drill', () => {
  test('the codes page reminds and keeps hashes; the drill accepts a shown code and rejects another; no code is stored', async ({ context, serviceWorker, extensionId }) => {
    const page = await context.newPage();
    await visitAccountSettings(page, serviceWorker);
    // A page with a TOTP key first: the final scan looks for it too.
    await page.goto('https://pypi.org/manage/account/totp-provision');
    await page.locator('form.totp-form__form input[name="totp_value"]').fill(generateSync({ secret: NEW_TOTP_SECRET }));
    await expect(prompt(page, 'totp-check')).toBeVisible();
    await page.goto('https://pypi.org/manage/account/recovery-codes/regenerate');
    await expect(prompt(page, 'save-recovery-codes')).toBeVisible();
    await expect(prompt(page, 'save-recovery-codes')).toContainText('password manager');
    await expect(prompt(page, 'save-recovery-codes')).toHaveAttribute('data-state', 'stored', { timeout: 20_000 });
    const drill = ((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed as { recoveryDrill?: { hashes: string[]; iterations: number; salt: string } }).recoveryDrill;
    expect(drill?.hashes).toHaveLength(8);
    expect(drill?.iterations).toBe(600_000);

    const drillPage = await context.newPage();
    await drillPage.goto(`chrome-extension://${extensionId}/drill.html`);
    const field = drillPage.getByLabel('Type one of your recovery codes, from where you keep them');
    await field.fill(RECOVERY_CODES[2]);
    await drillPage.getByRole('button', { name: 'Check' }).click();
    await expect(drillPage.locator('[data-answer]')).toHaveAttribute('data-answer', 'one-of-yours');
    await expect(field).toHaveValue('');
    await expect.poll(async () => ((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed as { recoveryDrill?: { lastDrillPassed?: boolean } }).recoveryDrill?.lastDrillPassed).toBe(true);

    // A code that does not match may be a typo: the page asks, and records nothing yet…
    await field.fill('0123456789abcdef');
    await drillPage.getByRole('button', { name: 'Check' }).click();
    await expect(drillPage.locator('[data-answer]')).toHaveAttribute('data-answer', 'not-yours');
    expect(((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed as { recoveryDrill?: { lastDrillPassed?: boolean } }).recoveryDrill?.lastDrillPassed).toBe(true);
    // …until the user says it is exactly the code they keep: then the drill has failed.
    await drillPage.getByRole('button', { name: 'I typed it exactly as I keep it' }).click();
    await expect(drillPage.locator('[data-answer]')).toHaveAttribute('data-answer', 'failed');
    await expect.poll(async () => ((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed as { recoveryDrill?: { lastDrillPassed?: boolean } }).recoveryDrill?.lastDrillPassed).toBe(false);

    // Everything the extension keeps, after a TOTP key page, the codes and the drill: no code, key or password.
    await expectNoSecretsStored(serviceWorker);
  });

  test('"Don’t keep drill hashes" deletes the drill’s hashes from storage', async ({ context, serviceWorker, extensionId }) => {
    const page = await context.newPage();
    await visitAccountSettings(page, serviceWorker);
    await page.goto('https://pypi.org/manage/account/recovery-codes/regenerate');
    const card = prompt(page, 'save-recovery-codes');
    await expect(card).toHaveAttribute('data-state', 'stored', { timeout: 20_000 });
    const drillOf = async () => ((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed as { recoveryDrill?: { hashes: string[] } } | undefined)?.recoveryDrill;
    expect((await drillOf())?.hashes).toHaveLength(8);

    await card.getByRole('button', { name: 'Don’t keep drill hashes' }).click();
    await expect(card).toHaveAttribute('data-state', 'forgotten');
    await expect(card.locator('[data-field="drill"]')).toContainText('The drill hashes were deleted');
    await expect.poll(drillOf).toBeUndefined();
    // Nothing left anywhere in the extension's storage: no hash, and no code.
    expect(JSON.stringify((await readExtensionDb(serviceWorker)).accounts)).not.toContain('recoveryDrill');
    await expectNoSecretsStored(serviceWorker);
    // And the drill page has nothing to ask about.
    const drillPage = await context.newPage();
    await drillPage.goto(`chrome-extension://${extensionId}/drill.html`);
    await expect(drillPage.locator('[data-drill="none"]')).toBeVisible();
  });

  test('no reminder on the "already generated" page, which shows no codes', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto('https://pypi.org/manage/account/recovery-codes/generate');
    await expect(page.locator('a[href="/manage/account/recovery-codes/regenerate"]').first()).toBeVisible();
    await waitForDone(page, extensionId, 'prompts');
    await expect(prompt(page, 'save-recovery-codes')).toHaveCount(0);
  });
});

test.describe('lost-2fa-help', () => {
  test('offers the recovery assistant on the two-factor step, and opens it', async ({ context, extensionId, serviceWorker, pypi }) => {
    pypi['pypi.org'].setLoggedIn(false);
    const page = await context.newPage();
    await page.goto('https://pypi.org/account/login/');
    await waitForDone(page, extensionId, 'password-trigger'); // all that runs here until a password is typed
    await expect(prompt(page, 'lost-2fa-help')).toHaveCount(0);
    await page.locator('#username').fill('alice');
    await page.locator('#password').fill(PASSWORDS.alice);
    await page.locator('#login-form input[type=submit]').click();
    await page.waitForURL(/\/account\/two-factor\//);
    await expect(prompt(page, 'lost-2fa-help')).toBeVisible();
    const opened = context.waitForEvent('page');
    await prompt(page, 'lost-2fa-help').getByRole('button', { name: 'Open PyPI Guard’s recovery assistant' }).click();
    await opened;
    // The tab the background opened (read from the background: the assistant page itself is
    // another engineer's and may not be in this build).
    await expect
      .poll(() => serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.pendingUrl ?? tab.url)))
      .toContain(`chrome-extension://${extensionId}/recovery.html?host=pypi.org&username=alice&from=prompt`);

    // A helper for the step in front of the user: × only, for this page view, and nothing stored.
    await page.goto(`https://pypi.org/account/recovery-code/?${TWO_FACTOR_TOKEN}`);
    const help = prompt(page, 'lost-2fa-help');
    await expect(help).toBeVisible();
    await expect(help.getByRole('button', { name: 'Remind me later' })).toHaveCount(0);
    await expect(help.getByRole('button', { name: 'Don’t show again' })).toHaveCount(0);
    await help.getByRole('button', { name: 'Close “Can’t log in?”' }).click();
    await expect(help).toHaveCount(0);
    await page.reload();
    await expect(prompt(page, 'lost-2fa-help')).toBeVisible();
    expect((await readExtensionDb(serviceWorker)).prompts ?? []).toEqual([]);
  });
});

test.describe('layout and style isolation', () => {
  async function settle(page: Page, extensionId: string) {
    // PyPI's late includes (user menu, flash messages) have arrived, and PyPI Guard has mounted.
    await expect(page.locator('#user-indicator a[href^="/user/"]')).toBeAttached();
    await waitForDone(page, extensionId, 'prompts');
  }

  test('one host, in PyPI’s flow: an account nudge under the page’s title, a field’s verdict right under that field', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('https://pypi.org/manage/account/');
    await settle(page, extensionId);
    // alice has TOTP only: the second-method nudge leads, under the page's title.
    await expect(prompt(page, 'add-second-method')).toBeVisible();
    const placement = () =>
      page.evaluate(() => {
        const element = document.querySelector('pypi-guard-ui')!;
        return {
          after: element.previousElementSibling?.matches('h1') ? 'h1' : (element.previousElementSibling?.querySelector('input')?.id ?? element.previousElementSibling?.tagName),
          position: getComputedStyle(element).position,
          count: document.querySelectorAll('pypi-guard-ui').length,
          open: element.shadowRoot !== null,
        };
      });
    expect(await placement()).toEqual({ after: 'h1', position: 'relative', count: 1, open: true });

    // The field in use leads: its verdict sits under its form group, and the nudge waits behind "+1 more".
    await page.locator('#change-password-form #new_password').fill('password1');
    await expect(prompt(page, 'password')).toHaveAttribute('data-state', 'weak');
    await expect(prompt(page, 'password')).toBeVisible();
    await expect(prompt(page, 'add-second-method')).toBeHidden();
    expect(await placement()).toEqual({ after: 'new_password', position: 'relative', count: 1, open: true });
    await page.locator('[data-action="more"]').click();
    await expect(page.locator('.pg-dock')).not.toHaveAttribute('data-lead', /password/);
    await expect(prompt(page, 'password')).toBeHidden();
    expect((await placement()).after).toBe('h1');
  });

  // Every page where prompts show, as the user gets there; each walked through all its cards with "+N more".
  /** Types the leaked password in `field` and leaves it for `next`: its one card shows both verdicts. */
  async function leaveBreachedPassword(page: Page, field: string, next: string) {
    await page.locator(field).fill(BREACHED_PASSWORD);
    await page.locator(next).focus();
    await expectOnePasswordCard(page, { state: 'breached', breach: 'found', strength: 'weak' });
  }
  type Extension = { extensionId: string; serviceWorker: Parameters<typeof storedAccount>[0] };
  const SURFACES: { name: string; scenario: ScenarioId; loggedIn: boolean; open(page: Page, extension: Extension): Promise<void> }[] = [
    {
      name: 'account page, suspicious history, a breached password typed',
      scenario: 'suspicious-history',
      loggedIn: true,
      async open(page) {
        await page.goto('https://pypi.org/manage/account/');
        await leaveBreachedPassword(page, '#change-password-form #new_password', '#change-password-form #password_confirm');
      },
    },
    { name: '2FA page without 2FA', scenario: 'no-2fa', loggedIn: true, open: (page) => page.goto('https://pypi.org/manage/account/two-factor/').then(() => {}) },
    { name: '2FA page, keys and no code left', scenario: 'bob-keys-only', loggedIn: true, open: (page) => page.goto('https://pypi.org/manage/account/two-factor/').then(() => {}) },
    {
      name: 'login page, a breached password typed',
      scenario: 'totp-only',
      loggedIn: false,
      async open(page) {
        await page.goto('https://pypi.org/account/login/');
        await page.locator('#username').fill('alice');
        // Left at once: the prompts load on demand and may arrive after this blur; the one card still gets both verdicts.
        await leaveBreachedPassword(page, '#password', '#username');
      },
    },
    {
      name: 'login’s two-factor step',
      scenario: 'totp-only',
      loggedIn: false,
      async open(page) {
        await submitPypiLogin(page, 'alice', PASSWORDS.alice);
        await page.waitForURL(/\/account\/two-factor\//);
      },
    },
    {
      name: 'login’s recovery-code step, “Can’t log in?”',
      scenario: 'totp-only',
      loggedIn: false,
      async open(page) {
        await page.goto(`https://pypi.org/account/recovery-code/?${TWO_FACTOR_TOKEN}`);
        await expect(prompt(page, 'lost-2fa-help')).toBeVisible();
      },
    },
    {
      name: 'authentication-app set-up, a code typed',
      scenario: 'totp-only', // a 2FA account: without 2FA, PyPI sends the user to burn a recovery code first
      loggedIn: true,
      async open(page, { extensionId }) {
        // Pinned to now, the fake PyPI's own clock: the code is judged as the user's app would show it.
        const now = Date.now();
        await openTotpProvisioning(page, extensionId, now);
        await page.locator('form.totp-form__form input[name="totp_value"]').fill(newTotpCodeAt(now));
        await expect(prompt(page, 'totp-check')).toHaveAttribute('data-state', /^(match|drift)$/);
      },
    },
    {
      name: 'recovery-codes page, new codes shown',
      scenario: 'totp-only',
      loggedIn: true,
      async open(page, { serviceWorker }) {
        await visitAccountSettings(page, serviceWorker);
        await page.goto('https://pypi.org/manage/account/recovery-codes/regenerate');
        await expect(prompt(page, 'save-recovery-codes')).toHaveAttribute('data-state', 'stored', { timeout: 20_000 });
      },
    },
    {
      name: 'register page, a breached password typed',
      scenario: 'totp-only',
      loggedIn: false,
      async open(page) {
        await page.goto('https://pypi.org/account/register/');
        await page.locator('#username').fill('newcomer');
        await leaveBreachedPassword(page, '#new_password', '#password_confirm');
      },
    },
    {
      name: 'password-reset page, a breached password typed',
      scenario: 'totp-only',
      loggedIn: false,
      async open(page) {
        await page.goto(`https://pypi.org/account/reset-password/?token=${PASSWORD_RESET_TOKEN}`);
        await leaveBreachedPassword(page, '#new_password', '#password_confirm');
      },
    },
  ];

  // One test per page and size: each walks one page's cards within its own time budget, and a
  // failure names the page.
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 800, height: 600 },
  ]) {
    for (const surface of SURFACES) {
      test(`no card covers a PyPI link, button, input or select (${surface.name}, ${viewport.width}×${viewport.height})`, async ({ context, pypi, extensionId, serviceWorker }) => {
        await routeHibp(context);
        pypi['pypi.org'].setScenario(surface.scenario);
        pypi['pypi.org'].setLoggedIn(surface.loggedIn);
        const page = await context.newPage();
        await page.setViewportSize(viewport);
        await surface.open(page, { extensionId, serviceWorker });
        const dock = page.locator('.pg-dock');
        await expect(dock).toHaveAttribute('data-lead', /./);
        const leads: string[] = [];
        // Each card in turn: the lead, then every one behind "+N more", until the first comes back.
        for (let turn = 0; turn < 8; turn++) {
          const lead = (await dock.getAttribute('data-lead'))!;
          if (leads.includes(lead)) break;
          leads.push(lead);
          const measured = await promptOverlaps(page);
          expect(measured.cards.length, lead).toBeGreaterThan(0);
          expect(measured.controls).toBeGreaterThan(5);
          expect(measured.overlaps, lead).toEqual([]);
          const more = page.locator('[data-action="more"]');
          if ((await more.count()) === 0) break;
          await more.click();
          await expect(dock).not.toHaveAttribute('data-lead', lead);
        }
        expect(leads.length).toBeGreaterThan(0);
      });
    }
  }

  test('PyPI’s CSS cannot change a prompt (hostile global stylesheet)', async ({ context }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const measure = async (hostile: boolean) => {
      await page.goto('https://pypi.org/manage/account/');
      await expect(host(page)).toBeAttached();
      if (hostile) await page.addStyleTag({ path: HOSTILE_CSS });
      await page.locator('#change-password-form #new_password').fill('password1');
      const card = prompt(page, 'password');
      await expect(card).toHaveAttribute('data-state', 'weak');
      await expect(card).toBeVisible();
      return card.evaluate((element) => {
        const style = (node: Element) => {
          const computed = getComputedStyle(node);
          return ['display', 'font-family', 'font-size', 'color', 'background-color', 'margin-top', 'padding-top', 'border-top-width', 'letter-spacing', 'text-transform', 'visibility', 'opacity'].map((name) => computed.getPropertyValue(name)).join('|');
        };
        // In PyPI's flow the card sits where PyPI's layout puts it: what must not change is how it looks.
        return {
          styles: [element, element.querySelector('h2')!, element.querySelector('button')!, element.querySelector('p')!].map(style),
        };
      });
    };
    const normal = await measure(false);
    const hostile = await measure(true);
    expect(hostile).toEqual(normal);
  });
});
