import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { waitForDone } from './support/done';
import { expectOnePasswordCard, extensionScriptsIn, routeHibp } from './support/prompts';
import { BREACHED_PASSWORD } from '../fixtures/hibp/range';

/**
 * Zero cost until used: on PyPI's signed-out password pages only the small password trigger runs
 * as the page loads; the prompts and zxcvbn (~800 kB) are injected once a password field is used.
 * The first keystroke after a cold load still gets its verdict.
 */

const prompt = (page: Page, id: string) => page.locator(`[data-prompt="${id}"]`);

test('the password card appears and scores on the first keystroke after a cold page load, and nothing heavy ran before', async ({ context, extensionId, pypi }) => {
  pypi['pypi.org'].setLoggedIn(false);
  const page = await context.newPage();
  const scripts = await extensionScriptsIn(page, extensionId);
  await page.goto('https://pypi.org/account/register/');
  // The trigger is watching the fields (PyPI Guard's load-time work here is done)…
  await waitForDone(page, extensionId, 'password-trigger');
  expect([...scripts]).toContain('/content-scripts/password.js');
  await page.locator('#username').fill('newcomer');
  // …and with the form half filled, neither the prompts nor zxcvbn were loaded.
  expect([...scripts]).not.toContain('/content-scripts/prompts.js');
  expect([...scripts]).not.toContain('/zxcvbn.js');
  await expect(prompt(page, 'password')).toHaveCount(0);

  await page.locator('#new_password').click();
  await page.keyboard.press('p');
  const strength = prompt(page, 'password');
  await expect(strength).toHaveAttribute('data-state', 'weak');
  await expect(strength.locator('[data-score]')).toHaveAttribute('data-score', /^[0-4]$/);
  expect([...scripts]).toEqual(expect.arrayContaining(['/content-scripts/prompts.js', '/zxcvbn.js']));

  // Later keystrokes update the same verdict.
  await page.keyboard.type('-vivid-trombone-glacier-7');
  await expect(strength).toHaveAttribute('data-state', 'strong');
});

test('a password filled and left before the prompts arrive still gets its one card, with both verdicts', async ({ context, extensionId, pypi }) => {
  // A password manager's fill, then the next field: the field's blur comes before the prompts
  // are injected, so the breach check must start when they arrive, not wait for a blur that has passed.
  const hibp = await routeHibp(context);
  pypi['pypi.org'].setLoggedIn(false);
  const page = await context.newPage();
  await page.goto('https://pypi.org/account/register/');
  await waitForDone(page, extensionId, 'password-trigger');
  await page.locator('#username').fill('newcomer');
  // As a password manager fills: the field gets focus and its value, and the focus moves on, in
  // one task — the prompts are asked for at that focus and can only arrive after the blur.
  await page.evaluate((password) => {
    const field = document.querySelector<HTMLInputElement>('#new_password')!;
    field.focus();
    field.value = password;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector<HTMLInputElement>('#password_confirm')!.focus();
  }, BREACHED_PASSWORD);
  await expectOnePasswordCard(page, { state: 'breached', breach: 'found', strength: 'weak' });
  await expect(prompt(page, 'password')).toContainText('PyPI will refuse it when you submit');
  expect(hibp).toHaveLength(1);
});

test('the login page loads neither the prompts nor zxcvbn for a visitor who does not sign in', async ({ context, extensionId, pypi }) => {
  pypi['pypi.org'].setLoggedIn(false);
  const page = await context.newPage();
  const scripts = await extensionScriptsIn(page, extensionId);
  await page.goto('https://pypi.org/account/login/');
  await waitForDone(page, extensionId, 'password-trigger');
  await page.locator('#username').fill('alice');
  expect([...scripts]).not.toContain('/content-scripts/prompts.js');
  expect([...scripts]).not.toContain('/zxcvbn.js');
  // Reaching the password field is what loads them.
  await page.locator('#password').focus();
  await expect.poll(() => [...scripts]).toEqual(expect.arrayContaining(['/content-scripts/prompts.js', '/zxcvbn.js']));
});
