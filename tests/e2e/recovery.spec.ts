import { test, expect } from './fixtures';
import { readExtensionDb } from './support/extension-db';
import { FIXTURE_SECRETS } from '../fixtures/pypi/secrets';

const DAY = 86_400_000;

test('lost 2FA without recovery codes: a complete support request, opened at the real form, tracked and followed up', async ({
  context,
  serviceWorker,
  extensionId,
  pypi,
}) => {
  test.slow();
  // What the extension knows comes from visiting the account pages first.
  pypi['pypi.org'].setScenario('totp-and-key');
  const pypiPage = await context.newPage();
  await pypiPage.goto('https://pypi.org/manage/account/');
  await pypiPage.goto('https://pypi.org/manage/projects/');
  await expect
    .poll(async () => ((await readExtensionDb(serviceWorker)).accounts as { projects?: unknown }[] | undefined)?.[0]?.projects)
    .toBeDefined();

  // The support form is answered by a stub: the test never reaches GitHub.
  const opened: string[] = [];
  await context.route('https://github.com/**', (route) => {
    opened.push(route.request().url());
    return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<title>stub</title><p>support form stub</p>' });
  });
  const page = await context.newPage();
  // Chromium will not grant clipboard access to an extension origin over DevTools, so the test
  // records what the page writes to the clipboard instead of reading the OS clipboard back.
  await page.addInitScript(() => {
    const copied: string[] = [];
    (window as unknown as { copied: string[] }).copied = copied;
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void copied.push(text) } });
  });
  await page.goto(`chrome-extension://${extensionId}/recovery.html?host=pypi.org&username=alice&from=popup`);
  for (const [question, option] of [
    ['password', 'works'],
    ['email', 'yes'],
    ['twoFactor', 'lost'],
    ['otherFactor', 'none'],
    ['recoveryCodes', 'no'],
  ]) {
    await page.locator(`[data-question="${question}"] [data-option="${option}"]`).check();
    await page.locator('[data-action="next"]').click();
  }
  await expect(page.locator('[data-path="support-request"]')).toBeVisible();

  // The fields carry the fixture account's facts.
  const username = page.locator('[data-field="username"] [data-value]');
  await expect(username).toHaveText('`alice`');
  const reason = page.locator('[data-field="reason"] [data-value]');
  await expect(reason).toContainText('alice-tools');
  await expect(reason).toContainText('1 security key (WebAuthn)');
  await expect(reason).toContainText('a…e@example.org (primary, verified)');
  const reasonText = (await reason.textContent()) ?? '';
  for (const secret of FIXTURE_SECRETS) expect(reasonText).not.toContain(secret);

  // Copy puts exactly the shown value on the clipboard.
  const copied = () => page.evaluate(() => (window as unknown as { copied: string[] }).copied);
  await page.locator('[data-copy="username"]').click();
  await page.locator('[data-copy="reason"]').click();
  await expect.poll(copied).toEqual(['`alice`', reasonText.trim()]);

  // Nothing opens before the user has reviewed every field.
  await expect(page.locator('[data-action="open-form"]')).toBeDisabled();
  await page.locator('[data-field="reviewed"]').check();
  const [formTab] = await Promise.all([context.waitForEvent('page'), page.locator('[data-action="open-form"]').click()]);
  await formTab.waitForLoadState();
  const formUrl = new URL(formTab.url());
  expect(formUrl.host).toBe('github.com');
  expect(formUrl.pathname).toBe('/pypi/support/issues/new');
  expect(Object.fromEntries(formUrl.searchParams)).toEqual({
    assignees: '',
    labels: 'account-recovery',
    template: 'account-recovery.yml',
    title: 'Account recovery request',
  });
  expect(opened).toHaveLength(1);

  // Mark it submitted with the issue URL.
  await page.locator('[data-field="issue-url"]').fill('https://github.com/pypi/support/issues/12345');
  await page.locator('[data-action="mark-submitted"]').click();
  await expect(page.locator('[data-status="submitted"]').first()).toBeVisible();

  // Fourteen days later the follow-up reminder fires.
  await serviceWorker.evaluate(async (daysAgo) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('pypi-guard');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction('recoveryRequests', 'readwrite').objectStore('recoveryRequests');
    const all = await new Promise<{ submittedAt?: number }[]>((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result);
    });
    for (const request of all) store.put({ ...request, submittedAt: Date.now() - daysAgo });
    await new Promise((resolve) => (store.transaction.oncomplete = resolve));
    db.close();
  }, 14 * DAY + 60_000);
  await serviceWorker.evaluate(() => chrome.alarms.create('reminders:refresh', { when: Date.now() }));
  await expect.poll(async () => Object.keys(await serviceWorker.evaluate(() => chrome.notifications.getAll()))).toContainEqual(
    expect.stringContaining('recovery-follow-up|'),
  );
});

test('the request builder works with nothing stored: every field typed by hand', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/recovery.html`);
  await expect(page.locator('[data-step="account"]')).toBeVisible();
  await page.locator('[data-field="account-username"]').fill('Zoë-builds');
  await page.locator('[data-action="choose-account"]').click();
  await expect(page.locator('[role="alert"]')).toContainText('A PyPI username'); // not a PyPI username: a clear message
  await page.locator('[data-field="account-username"]').fill('zoe.builds');
  await page.locator('[data-action="choose-account"]').click();
  for (const [question, option] of [
    ['password', 'forgotten'],
    ['email', 'no'],
  ]) {
    await page.locator(`[data-question="${question}"] [data-option="${option}"]`).check();
    await page.locator('[data-action="next"]').click();
  }
  await expect(page.locator('[data-path="support-request"]')).toBeVisible();
  await page.locator('[data-input="reason-text"]').fill('Mein alter Arbeitgeber hat die Domain gelöscht — Zugang zur E-Mail verloren.');
  await expect(page.locator('[data-field="username"] [data-value]')).toHaveText('`zoe.builds`');
  await expect(page.locator('[data-field="reason"] [data-value]')).toContainText('Domain gelöscht — Zugang');
});
