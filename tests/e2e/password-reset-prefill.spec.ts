import { test, expect } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { readExtensionDb } from './support/extension-db';
import { waitForDone } from './support/done';

/*
 * Path 1 of the recovery assistant (issue 8): forgot password, email works → PyPI's password reset,
 * with the username chosen in the assistant filled in on that page by the content script.
 */

const RESET_URL = 'https://pypi.org/account/request-password-reset/';
const USERNAME = 'carol.dev';

/** Types an account the extension has never seen and answers "forgot password, email works". */
async function chooseForgottenPassword(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/recovery.html`);
  await page.locator('[data-field="account-username"]').fill(USERNAME);
  await page.locator('[data-action="choose-account"]').click();
  for (const [question, option] of [
    ['password', 'forgotten'],
    ['email', 'yes'],
    ['twoFactor', 'works'],
  ]) {
    await page.locator(`[data-question="${question}"] [data-option="${option}"]`).check();
    await page.locator('[data-action="next"]').click();
  }
  await expect(page.locator('[data-leaf="password-reset"]')).toBeVisible();
  return page;
}

async function followResetLink(context: BrowserContext, assistant: Page): Promise<Page> {
  const link = assistant.locator('[data-step-link="request-reset"]');
  await expect(link).toHaveAttribute('href', RESET_URL);
  const [resetTab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await resetTab.waitForLoadState();
  return resetTab;
}

const field = (page: Page) => page.locator('form input[name="username_or_email"]');

test.beforeEach(({ pypi }) => {
  // Someone who forgot their password is signed out.
  pypi['pypi.org'].setLoggedIn(false);
});

test('the reset page opened from the assistant shows the chosen username, sent once and never in a URL', async ({ context, extensionId, pypi }) => {
  const assistant = await chooseForgottenPassword(context, extensionId);
  const resetTab = await followResetLink(context, assistant);

  expect(resetTab.url()).toBe(RESET_URL);
  await expect(field(resetTab)).toHaveValue(USERNAME);
  // The username reached the page inside the browser: PyPI's logs never saw it.
  expect(pypi['pypi.org'].requests.map((request) => request.url).filter((url) => url.includes(USERNAME))).toEqual([]);

  // Once only: a reload starts empty (nothing is stored for this host to fall back on).
  await resetTab.reload();
  await expect(field(resetTab)).toBeVisible();
  await waitForDone(resetTab, extensionId, 'page-model'); // the content script has been and done nothing
  await expect(field(resetTab)).toHaveValue('');

  // The prefilled form works as PyPI's does: the user sends it.
  await resetTab.locator('form input[type="submit"]').click();
  await expect(resetTab.locator('.callout-block--success')).toBeVisible();
});

test('what the user already typed on the reset page is left alone', async ({ context, extensionId }) => {
  // The user (or the browser's autofill) is quicker than the content script: the field is filled
  // before the content script runs (document_idle), on the tab marked below.
  await context.addInitScript(() => {
    if (location.hostname !== 'pypi.org') return;
    document.addEventListener('DOMContentLoaded', () => {
      const typed = localStorage.getItem('e2e-typed');
      const input = document.querySelector<HTMLInputElement>('input[name="username_or_email"]');
      if (typed && input) input.value = typed;
    });
  });
  const marker = await context.newPage();
  await marker.goto('https://pypi.org/account/login/');
  await marker.evaluate(() => localStorage.setItem('e2e-typed', 'someone@example.org'));

  const assistant = await chooseForgottenPassword(context, extensionId);
  const resetTab = await followResetLink(context, assistant);
  await expect(field(resetTab)).toHaveValue('someone@example.org');
  await waitForDone(resetTab, extensionId, 'page-model'); // the content script has been, and left the field alone
  await expect(field(resetTab)).toHaveValue('someone@example.org');

  // It did not even use up the assistant's choice: the next reset page, untouched, gets it.
  await marker.evaluate(() => localStorage.removeItem('e2e-typed'));
  const next = await context.newPage();
  await next.goto(RESET_URL);
  await expect(field(next)).toHaveValue(USERNAME);
});

test('without the assistant, the only account stored for the host is offered', async ({ context, serviceWorker, pypi }) => {
  pypi['pypi.org'].setLoggedIn(true);
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  await expect.poll(async () => ((await readExtensionDb(serviceWorker)).accounts as { username?: string }[] | undefined)?.map((a) => a.username)).toEqual(['alice']);

  pypi['pypi.org'].setLoggedIn(false);
  await page.goto(RESET_URL);
  await expect(field(page)).toHaveValue('alice');
});
