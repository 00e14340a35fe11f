import type { Page } from '@playwright/test';

/**
 * What a user does on PyPI's login page (pypi-facts.md §2, `form#login-form`): open it, type the
 * username and password, press the submit button. The caller says what should follow.
 */
export async function submitPypiLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('https://pypi.org/account/login/');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#login-form input[type=submit]').click();
}
