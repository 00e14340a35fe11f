import { test, expect } from './fixtures';
import { storedAccount } from './support/extension-db';
import { waitForDone } from './support/done';
import { scenarioAccount } from '../fixtures/pypi/accounts';
import type { Page } from '@playwright/test';

/**
 * The audit's in-page nudges on PyPI's account settings and 2FA pages: each appears when the
 * popup's audit says so, not otherwise, and its button goes to the PyPI page that fixes it.
 */

const prompt = (page: Page, id: string) => page.locator(`[data-prompt="${id}"]`);

test('no 2FA: enable-2fa leads to PyPI’s first missing step, and no second-method or codes nudge competes', async ({ context, pypi }) => {
  pypi['pypi.org'].setScenario('no-2fa');
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  const card = prompt(page, 'enable-2fa');
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-state', 'fail');
  await expect(prompt(page, 'add-second-method')).toHaveCount(0);
  await expect(prompt(page, 'generate-recovery-codes')).toHaveCount(0);
  // No codes yet: PyPI asks for them before any 2FA method.
  await card.locator('[data-action="fix"]').click();
  await page.waitForURL('https://pypi.org/manage/account/recovery-codes/generate');
  await expect(page.locator('.recovery-codes__-codes li code')).toHaveCount(8);
});

test('TOTP only: add-second-method on account settings and on the 2FA page, pointing at a security key', async ({ context, pypi }) => {
  pypi['pypi.org'].setScenario('totp-only');
  const page = await context.newPage();
  for (const url of ['https://pypi.org/manage/account/', 'https://pypi.org/manage/account/two-factor/']) {
    await page.goto(url);
    await expect(prompt(page, 'add-second-method')).toBeVisible();
    await expect(prompt(page, 'enable-2fa')).toHaveCount(0);
    await expect(prompt(page, 'generate-recovery-codes')).toHaveCount(0);
  }
  await prompt(page, 'add-second-method').locator('[data-action="fix"]').click();
  await page.waitForURL('https://pypi.org/manage/account/webauthn-provision');
});

test('two keys and every code used: generate-recovery-codes, and nothing else', async ({ context, pypi }) => {
  pypi['pypi.org'].setScenario('bob-keys-only');
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/two-factor/');
  const card = prompt(page, 'generate-recovery-codes');
  await expect(card).toBeVisible();
  await expect(prompt(page, 'enable-2fa')).toHaveCount(0);
  await expect(prompt(page, 'add-second-method')).toHaveCount(0);
  await expect(card.locator('[data-action="fix"]')).toHaveAttribute('href', '/manage/account/recovery-codes/generate');
});

test('TOTP and a key with only 2 codes left: the low-codes nudge alone, pointing at regenerate', async ({ context, pypi }) => {
  pypi['pypi.org'].setScenario('totp-and-key');
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  await expect(prompt(page, 'generate-recovery-codes')).toBeVisible();
  await expect(prompt(page, 'generate-recovery-codes').locator('[data-action="fix"]')).toHaveAttribute('href', '/manage/account/recovery-codes/regenerate');
  for (const id of ['enable-2fa', 'add-second-method', 'security-events']) await expect(prompt(page, id)).toHaveCount(0);
});

test('a well-kept account — TOTP and a key, 7 fresh codes left — gets no nudge at all', async ({ context, serviceWorker, extensionId, pypi }) => {
  const now = new Date();
  const wellKept = scenarioAccount('totp-and-key', now);
  // Regenerated a month ago; the one code PyPI makes you use at set-up is the only one burned.
  wellKept.recoveryCodes = { generatedAt: new Date(now.getTime() - 30 * 86_400_000), burned: [true, false, false, false, false, false, false, false] };
  pypi['pypi.org'].setScenario(wellKept);
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  // The page model has stored this visit (the nudges wait for exactly that before they decide)…
  await expect.poll(async () => ((await storedAccount(serviceWorker, 'pypi.org/alice')) as { recoveryCodes?: { value: { unused?: number } } } | undefined)?.recoveryCodes?.value.unused).toBe(7);
  await expect(page.locator('pypi-guard-ui')).toBeAttached();
  await waitForDone(page, extensionId, 'audit'); // …and the nudges have the audit they decide on.
  for (const id of ['enable-2fa', 'add-second-method', 'generate-recovery-codes', 'security-events']) await expect(prompt(page, id), id).toHaveCount(0);
  await page.goto('https://pypi.org/manage/account/two-factor/');
  await waitForDone(page, extensionId, 'audit');
  for (const id of ['enable-2fa', 'add-second-method', 'generate-recovery-codes']) await expect(prompt(page, id), id).toHaveCount(0);
});

test('security events: suspicious rows listed, "Not me" leads; "It was me" comes once every row is shown, and acknowledges them for the popup too', async ({ context, serviceWorker, extensionId, pypi }) => {
  pypi['pypi.org'].setScenario('suspicious-history');
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  const card = prompt(page, 'security-events');
  await expect(card).toBeVisible();
  // The newest six are listed; the rest are counted.
  const rows = card.locator('[data-event-reason]');
  await expect(rows).toHaveCount(6);
  for (const reason of ['new-device', 'recovery-code-used', 'login-failure']) {
    await expect(card.locator(`[data-event-reason="${reason}"]`).first()).toBeVisible();
  }
  // First visit: the whole history is first seen now, so no row is called new, and the prompt says why.
  await expect(card.locator('[data-new]')).toHaveCount(0);
  await expect(card.locator('[data-field="first-look"]')).toContainText('First time PyPI Guard sees this history');

  // A sign-in with a recovery code from another country: acting is the main answer, and "It was me"
  // waits until every row has been shown.
  await expect(card.locator('.pg-card__actions button').first()).toHaveAttribute('data-action', 'not-me');
  await expect(card.locator('[data-action="not-me"]')).toHaveClass(/pg-button--primary/);
  await expect(card.locator('[data-action="was-me"]')).toHaveCount(0);
  await card.locator('[data-action="show-all"]').click();
  const total = await rows.count();
  expect(total).toBeGreaterThan(6);
  await expect(card.locator('[data-action="was-me"]')).not.toHaveClass(/pg-button--primary/);
  await card.locator('[data-action="was-me"]').click();
  await expect(card).toHaveCount(0);
  await expect.poll(async () => ((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed as { eventsAcknowledgedAt?: number } | undefined)?.eventsAcknowledgedAt).toBeGreaterThan(0);

  // Coming back: nothing new to review.
  await page.reload();
  await expect(page.locator('section#account-events')).toBeVisible();
  await waitForDone(page, extensionId, 'audit');
  await expect(prompt(page, 'security-events')).toHaveCount(0);
});

test('security events: "Not me" shows what to do now, with the PyPI pages and the admins’ address', async ({ context, pypi }) => {
  pypi['pypi.org'].setScenario('suspicious-history');
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  const card = prompt(page, 'security-events');
  await card.locator('[data-action="not-me"]').click();
  const steps = card.locator('[data-field="not-me"]');
  await expect(steps).toBeVisible();
  const links = await steps.locator('a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
  expect(links).toEqual(['/manage/account/#change-password', '/manage/account/two-factor/', '/manage/account/#api-tokens', 'mailto:admin@pypi.org', '/help/#suspicious-activity']);
});

test('an ordinary history brings no security-events prompt, on the first visit or the next', async ({ context, pypi }) => {
  pypi['pypi.org'].setScenario('totp-only');
  const page = await context.newPage();
  for (let visit = 0; visit < 2; visit++) {
    await page.goto('https://pypi.org/manage/account/');
    await expect(prompt(page, 'add-second-method')).toBeVisible(); // the audit answered
    await expect(prompt(page, 'security-events')).toHaveCount(0);
  }
});

test('security events: a harmless-looking row new since the last visit is highlighted until "It was me"', async ({ context, serviceWorker, extensionId, pypi }) => {
  const fake = pypi['pypi.org'];
  fake.setScenario('totp-only');
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  await expect(prompt(page, 'add-second-method')).toBeVisible();
  // This visit is stored: the page model reads after load and idle (issue #14), after the nudges.
  await waitForDone(page, extensionId, 'page-model');
  await expect(prompt(page, 'security-events')).toHaveCount(0);

  // Someone adds an email address: no suspicious tag, a classic first step of a takeover.
  fake.addEvent({ tag: 'account:email:add', time: new Date(Date.now() - 60_000), additional: { email: 'eve@example.net' }, location: 'Lagos, LA, NG', device: 'Chrome (Windows)' });
  await page.reload();
  const card = prompt(page, 'security-events');
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading')).toHaveText('1 new event in your security history');
  const row = card.locator('[data-field="events"] li');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-new', 'true');
  await expect(row).toHaveAttribute('data-event-tag', 'account:email:add');
  await expect(row).not.toHaveAttribute('data-event-reason', /./);
  await expect(row.locator('[data-field="new-badge"]')).toHaveText('New');
  await expect(row).toContainText('Email added to account');
  await expect(row).toContainText('eve@example.net');
  await expect(row).toContainText('Lagos, Nigeria · Chrome on Windows');
  await expect(card.locator('[data-field="first-look"]')).toHaveCount(0);

  // Unanswered, it stays new through a reload of the same visit.
  await page.reload();
  await expect(prompt(page, 'security-events').locator('[data-new="true"]')).toHaveCount(1);

  await prompt(page, 'security-events').locator('[data-action="was-me"]').click();
  await expect(prompt(page, 'security-events')).toHaveCount(0);
  await expect.poll(async () => ((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed as { eventsAcknowledgedAt?: number } | undefined)?.eventsAcknowledgedAt).toBeGreaterThan(0);

  // Acknowledged: the next visit has nothing to show.
  await page.reload();
  await expect(prompt(page, 'add-second-method')).toBeVisible();
  await waitForDone(page, extensionId, 'audit');
  await expect(prompt(page, 'security-events')).toHaveCount(0);
});

test('security events: a new suspicious row on a later visit is marked new, older ones are not', async ({ context, extensionId, pypi }) => {
  const fake = pypi['pypi.org'];
  fake.setScenario('suspicious-history');
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  await expect(prompt(page, 'security-events')).toBeVisible();
  await waitForDone(page, extensionId, 'page-model'); // this visit's rows are stored
  await expect(prompt(page, 'security-events').locator('[data-new]')).toHaveCount(0);

  fake.addEvent({ tag: 'account:two_factor:method_removed', time: new Date(Date.now() - 60_000), additional: { method: 'totp' }, location: 'Lagos, LA, NG', device: 'Chrome (Windows)' });
  await page.reload();
  await waitForDone(page, extensionId, 'page-model'); // the new row is read and stored
  const card = prompt(page, 'security-events');
  await expect(card.getByRole('heading')).toHaveText('1 new event in your security history');
  const fresh = card.locator('[data-new="true"]');
  await expect(fresh).toHaveCount(1);
  await expect(fresh).toHaveAttribute('data-event-reason', 'two-factor-removed');
  await expect(card.locator('[data-event-reason]')).toHaveCount(6);
});
