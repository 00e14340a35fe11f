import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { waitForDone } from './support/done';
import { extensionScriptsIn } from './support/prompts';

/**
 * Zero cost until used: on PyPI's signed-out password pages only the small password trigger runs
 * as the page loads; the prompts and zxcvbn (~800 kB) are injected once a password field is used.
 * The first keystroke after a cold load still gets its verdict.
 */

const prompt = (page: Page, id: string) => page.locator(`[data-prompt="${id}"]`);

test('the strength prompt appears and scores on the first keystroke after a cold page load, and nothing heavy ran before', async ({ context, extensionId, pypi }) => {
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
  await expect(prompt(page, 'password-strength')).toHaveCount(0);

  await page.locator('#new_password').click();
  await page.keyboard.press('p');
  const strength = prompt(page, 'password-strength');
  await expect(strength).toHaveAttribute('data-state', 'pypi-fails');
  await expect(strength.locator('[data-score]')).toHaveAttribute('data-score', /^[0-4]$/);
  expect([...scripts]).toEqual(expect.arrayContaining(['/content-scripts/prompts.js', '/zxcvbn.js']));

  // Later keystrokes update the same verdict.
  await page.keyboard.type('-vivid-trombone-glacier-7');
  await expect(strength).toHaveAttribute('data-state', 'pypi-accepts');
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
