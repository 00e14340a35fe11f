import { test, expect } from './fixtures';
import { countExtensionWorlds, extensionWorldsIn } from './support/injection';

test('the service worker starts and has our manifest', async ({ serviceWorker }) => {
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.name).toBe('PyPI Guard');
  expect(manifest.manifest_version).toBe(3);
});

test('the content script runs on a pypi.org account page', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  await expect(page.locator('section#account-details')).toBeVisible();
  await expect.poll(() => extensionWorldsIn(page, extensionId)).toContain('PyPI Guard');
});

test('the content script runs on test.pypi.org too', async ({ context, extensionId, pypi }) => {
  pypi['test.pypi.org'].setLoggedIn(false);
  const page = await context.newPage();
  await page.goto('https://test.pypi.org/account/login/');
  await expect(page.locator('form#login-form')).toBeVisible();
  await expect.poll(() => extensionWorldsIn(page, extensionId)).toContain('PyPI Guard');
});

for (const url of [
  'https://pypi.org/',
  'https://pypi.org/project/sampleproject/',
  'https://pypi.org/search/?q=guard',
  'https://example.com/account/login/',
  'https://pypi.org.evil.example/account/login/',
]) {
  test(`nothing is injected into ${url}`, async ({ context, extensionId, pypi }) => {
    // Other hosts get a copy of PyPI's login page, so only the host differs.
    const loginPage = pypi['pypi.org'].handle({ method: 'GET', url: 'https://pypi.org/account/login/', headers: {} });
    await context.route(/^https:\/\/(example\.com|pypi\.org\.evil\.example)\//, (route) =>
      route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: loginPage.body }),
    );
    pypi['pypi.org'].setLoggedIn(false); // the sentinel below is the login form itself, not a redirect
    const page = await context.newPage();
    const worlds = await countExtensionWorlds(page, extensionId);
    await page.goto(url);
    expect(await extensionWorldsIn(page, extensionId)).toEqual([]);
    // A script injected late (document_idle) would have its world before the next page's: go on,
    // in the same tab, to a page where PyPI Guard does run, and count one world — that one.
    await page.goto('https://pypi.org/account/login/');
    await expect.poll(() => worlds.count()).toBeGreaterThan(0);
    expect(worlds.count()).toBe(1);
  });
}
