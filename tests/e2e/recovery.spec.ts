import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { PopupPage } from './pages/popup';
import { readExtensionDb } from './support/extension-db';
import type { FakePypi } from '../fixtures/pypi/server';
import { FIXTURE_SECRETS, PASSWORDS } from '../fixtures/pypi/secrets';
import { submitPypiLogin } from './pages/pypi-login';
import { answerLostTwoFactorNoCodes } from './pages/recovery';
import type { FakePypiByHost } from './support/route-pypi';

/**
 * The recovery assistant end to end, in the built extension:
 * - opened from the popup (its "Locked out?" link) and from the lost-2FA prompt on PyPI's
 *   two-factor page, after the fake account pages were visited;
 * - "lost 2FA, no recovery codes" → every field filled from the fixture account, copied, the form
 *   opened at PyPI's exact URL (answered by a stub; GitHub is never reached), marked submitted;
 * - the follow-up: the 14-day one-off alarm the background scheduled for that request, fired by
 *   its name, shows the notification, and its click opens the assistant on the request's account;
 * - the popup's "Prepare your evidence" opens the evidence kit at once;
 * - and with nothing stored, every field typed by hand.
 */

const DAY = 86_400_000;
const FORM_QUERY = { assignees: '', labels: 'account-recovery', template: 'account-recovery.yml', title: 'Account recovery request' };

interface StoredRequest {
  id: string;
  host: string;
  username: string;
  status: string;
  issueUrl?: string;
  submittedAt?: number;
}

/** The support form, answered by a stub: every URL GitHub was asked for is recorded. */
async function stubGitHub(context: BrowserContext): Promise<string[]> {
  const opened: string[] = [];
  await context.route('https://github.com/**', (route) => {
    opened.push(route.request().url());
    return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<title>stub</title><p>support form stub</p>' });
  });
  return opened;
}

/**
 * Chromium does not grant clipboard access to an extension origin over DevTools, so every page of
 * the context records what it writes to the clipboard instead of the OS clipboard being read back.
 */
async function recordClipboard(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const copied: string[] = [];
    (window as unknown as { copied: string[] }).copied = copied;
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void copied.push(text) } });
  });
}
const copied = (page: Page) => page.evaluate(() => (window as unknown as { copied: string[] }).copied);

/** What the extension knows comes from visiting the account pages (and PyPI's JSON API, for the repositories). */
async function visitAccountPages(context: BrowserContext, serviceWorker: Worker): Promise<void> {
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  // Read before the next page opens, as a person reading it would let it be.
  await expect.poll(async () => ((await readExtensionDb(serviceWorker)).accounts as { pagesSeenAt: Record<string, number> }[] | undefined)?.[0]?.pagesSeenAt['account-settings']).toBeDefined();
  await page.goto('https://pypi.org/manage/projects/');
  await expect
    .poll(async () => ((await readExtensionDb(serviceWorker)).accounts as { projectSources?: { value: unknown[] } }[] | undefined)?.[0]?.projectSources?.value)
    .toContainEqual({ project: 'alice-tools', repositoryUrl: 'https://github.com/alice/alice-tools' });
  await page.close();
}

/** The fields carry the fixture account's facts, and nothing secret the fake PyPI ever showed. */
async function expectFilledFromFixture(page: Page, fake: FakePypi): Promise<string> {
  const account = fake.account;
  await expect(page.locator('[data-field="username"] [data-value]')).toHaveText(`\`${account.username}\``);
  const reason = page.locator('[data-field="reason"] [data-value]');
  await expect(reason).toContainText(`Account created: ${account.dateJoined.toISOString().slice(0, 10)}`);
  await expect(reason).toContainText(`Projects I maintain: ${account.projects.map((project) => project.name).join(', ')}`);
  await expect(reason).toContainText('alice-tools: https://github.com/alice/alice-tools');
  await expect(reason).toContainText(`${account.securityKeys.length} security key (WebAuthn)`);
  await expect(reason).toContainText('a…e@example.org (primary, verified)');
  await expect(reason).toContainText('Lost 2FA authentication app or security token.');
  const reasonText = (await reason.textContent()) ?? '';
  for (const secret of FIXTURE_SECRETS) expect(reasonText).not.toContain(secret);
  return reasonText;
}

/** Opens the form after the review box, and checks the tab's URL: PyPI's own link to the form. */
async function openFormAndCheckUrl(page: Page, opened: string[]): Promise<void> {
  await expect(page.locator('[data-action="open-form"]')).toBeDisabled();
  await page.locator('[data-field="reviewed"]').check();
  const [formTab] = await Promise.all([page.context().waitForEvent('page'), page.locator('[data-action="open-form"]').click()]);
  await formTab.waitForLoadState();
  const formUrl = new URL(formTab.url());
  expect(formUrl.host).toBe('github.com');
  expect(formUrl.pathname).toBe('/pypi/support/issues/new');
  expect(Object.fromEntries(formUrl.searchParams)).toEqual(FORM_QUERY);
  await expect(formTab.locator('body')).toContainText('support form stub');
  expect(opened).toEqual([formUrl.href]);
  await formTab.close();
}

/** alice's account pages seen (TOTP and a key), GitHub's form stubbed and the clipboard recorded: what both ways into the assistant start from. */
async function prepareAliceWithForm(context: BrowserContext, serviceWorker: Worker, pypi: FakePypiByHost) {
  pypi['pypi.org'].setScenario('totp-and-key');
  await visitAccountPages(context, serviceWorker);
  const opened = await stubGitHub(context);
  await recordClipboard(context);
  return opened;
}

async function storedRequests(serviceWorker: Worker): Promise<StoredRequest[]> {
  return ((await readExtensionDb(serviceWorker)).recoveryRequests ?? []) as StoredRequest[];
}

test('from the popup: lost 2FA without codes, a complete request opened at the real form, tracked, and followed up after 14 days', async ({
  context,
  serviceWorker,
  extensionId,
  pypi,
}) => {
  test.slow();
  const opened = await prepareAliceWithForm(context, serviceWorker, pypi);

  // The popup's own link opens the assistant in a new tab.
  const popup = await PopupPage.open(context, extensionId);
  const [page] = await Promise.all([context.waitForEvent('page'), popup.page.getByRole('link', { name: 'Locked out? Recovery assistant' }).click()]);
  await page.waitForLoadState();
  expect(page.url()).toBe(`chrome-extension://${extensionId}/recovery.html?from=popup`);

  // The stored account is offered and preselected.
  await expect(page.locator('[data-account="pypi.org/alice"]')).toBeChecked();
  await page.locator('[data-action="choose-account"]').click();
  await expect(page.locator('[data-chosen-account]')).toHaveAttribute('data-chosen-account', 'pypi.org/alice');
  await answerLostTwoFactorNoCodes(page);
  const reasonText = await expectFilledFromFixture(page, pypi['pypi.org']);

  // Copy puts exactly the shown values on the clipboard.
  await page.locator('[data-copy="username"]').click();
  await page.locator('[data-copy="reason"]').click();
  await page.locator('[data-copy="markdown"]').click();
  await expect.poll(async () => (await copied(page)).length).toBe(3);
  const [, , markdown] = await copied(page);
  expect(markdown).toContain('### PyPI Username\n\n`alice`');
  expect(markdown).toContain(reasonText.trim());
  expect(await copied(page)).toEqual(['`alice`', reasonText.trim(), markdown]);

  await openFormAndCheckUrl(page, opened);

  // Mark it submitted with the issue's address: tracked, and not taken for a duplicate of itself.
  await page.locator('[data-field="issue-url"]').fill('https://github.com/pypi/support/issues/12345');
  await page.locator('[data-action="mark-submitted"]').click();
  await expect(page.locator('[data-step="request"] [data-status="submitted"]')).toContainText('https://github.com/pypi/support/issues/12345');
  await expect(page.locator('[data-step="tracker"] [data-status="submitted"]')).toBeVisible();
  await expect(page.locator('[data-warning="duplicate"]')).toHaveCount(0);
  const [request] = await storedRequests(serviceWorker);
  expect(request).toMatchObject({ host: 'pypi.org', username: 'alice', status: 'submitted', issueUrl: 'https://github.com/pypi/support/issues/12345' });

  // The page told the background, which scheduled the follow-up's one-off alarm at submission + 14 days.
  const alarmName = `reminders:at:recovery-follow-up|${request!.id}`;
  await expect.poll(() => serviceWorker.evaluate((name) => chrome.alarms.get(name).then((alarm) => alarm?.scheduledTime ?? null), alarmName)).toBe(request!.submittedAt! + 14 * DAY);

  // Fourteen days on. Chromium's alarms run on the real clock, so the stored submission time moves
  // back 14 days instead; then that alarm fires, by its name, as the browser would fire it.
  await serviceWorker.evaluate(
    async ({ id, shift }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('pypi-guard');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const store = db.transaction('recoveryRequests', 'readwrite').objectStore('recoveryRequests');
      const stored = await new Promise<{ submittedAt: number; createdAt: number; updatedAt: number }>((resolve) => {
        const get = store.get(id);
        get.onsuccess = () => resolve(get.result);
      });
      store.put({ ...stored, submittedAt: stored.submittedAt - shift, createdAt: stored.createdAt - shift, updatedAt: stored.updatedAt - shift });
      await new Promise((resolve) => (store.transaction.oncomplete = resolve));
      db.close();
    },
    { id: request!.id, shift: 14 * DAY + 60_000 },
  );
  // Other reminders of alice's may be showing (her codes run low); the follow-up is not, yet.
  const notificationPrefix = `recovery-follow-up|${request!.id}@`;
  const followUpsShown = async () => Object.keys(await serviceWorker.evaluate(() => chrome.notifications.getAll())).filter((id) => id.startsWith(notificationPrefix));
  expect(await followUpsShown()).toEqual([]);
  await serviceWorker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() }), alarmName);
  let notificationId = '';
  await expect
    .poll(async () => (notificationId = Object.keys(await serviceWorker.evaluate(() => chrome.notifications.getAll())).find((id) => id.startsWith(notificationPrefix)) ?? ''))
    .not.toBe('');

  // A click on the notification (the browser's own onClicked event) opens the assistant on the request's account.
  const [followUp] = await Promise.all([
    context.waitForEvent('page'),
    // The event object's own dispatch runs the listeners the background registered, as a click does.
    serviceWorker.evaluate((id) => (chrome.notifications.onClicked as unknown as { dispatch(notificationId: string): void }).dispatch(id), notificationId),
  ]);
  await followUp.waitForLoadState();
  expect(followUp.url()).toBe(`chrome-extension://${extensionId}/recovery.html?host=pypi.org&username=alice&from=reminder`);
  await expect(followUp.locator('[data-follow-up]')).toContainText('do not open a new request');
  await expect(followUp.locator(`[data-request="${request!.id}"]`)).toContainText('submitted 14 days ago');
  await expect(followUp.locator('[data-chosen-account]')).toHaveAttribute('data-chosen-account', 'pypi.org/alice');
  await expect.poll(async () => Object.keys(await serviceWorker.evaluate(() => chrome.notifications.getAll()))).not.toContainEqual(notificationId);
});

test('from the lost-2FA prompt on the two-factor page: the signed-in username travels, the request is filled and opens the form', async ({
  context,
  serviceWorker,
  extensionId,
  pypi,
}) => {
  test.slow();
  const opened = await prepareAliceWithForm(context, serviceWorker, pypi);

  pypi['pypi.org'].setLoggedIn(false);
  const pypiPage = await context.newPage();
  await submitPypiLogin(pypiPage, 'alice', PASSWORDS.alice);
  await pypiPage.waitForURL(/\/account\/two-factor\//);
  const prompt = pypiPage.locator('[data-prompt="lost-2fa-help"]');
  await expect(prompt).toBeVisible();
  const [page] = await Promise.all([context.waitForEvent('page'), prompt.getByRole('button', { name: 'Open PyPI Guard’s recovery assistant' }).click()]);
  await page.waitForLoadState();
  expect(page.url()).toBe(`chrome-extension://${extensionId}/recovery.html?host=pypi.org&username=alice&from=prompt`);

  // The account is known from the login form, and the password from PyPI's two-factor step: straight to the mailbox question.
  await expect(page.locator('[data-chosen-account]')).toHaveAttribute('data-chosen-account', 'pypi.org/alice');
  await expect(page.locator('header')).toContainText('Lost your two-factor device?');
  await expect(page.locator('[data-question="email"]')).toBeVisible();
  await expect(page.locator('[data-question="password"]')).toHaveCount(0);
  await expect(page.locator('[data-answered="password"] [data-known]')).toContainText('you reached its two-factor step');
  await answerLostTwoFactorNoCodes(page, { passwordKnown: true });

  // At 1280 × 800, "Open the form" is within the first two screens of the page.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const openForm = await page.locator('[data-action="open-form"]').boundingBox();
  expect(openForm!.y + openForm!.height).toBeLessThanOrEqual(2 * 800);
  // What follows the request is folded away until it is filed.
  await expect(page.locator('[data-step="after"] details')).not.toHaveAttribute('open');
  await expect(page.locator('[data-after-steps]')).toBeHidden();
  const reasonText = await expectFilledFromFixture(page, pypi['pypi.org']);
  await page.locator('[data-copy="username"]').click();
  await page.locator('[data-copy="reason"]').click();
  await expect.poll(() => copied(page)).toEqual(['`alice`', reasonText.trim()]);
  await openFormAndCheckUrl(page, opened);
  await expect.poll(async () => (await storedRequests(serviceWorker)).map((request) => request.status)).toEqual(['drafted']);
});

test('the request builder works with nothing stored: every field typed by hand', async ({ context, serviceWorker, extensionId }) => {
  const opened = await stubGitHub(context);
  await recordClipboard(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/recovery.html`);
  await expect(page.locator('[data-step="account"]')).toContainText('PyPI Guard has no account stored in this browser');

  // The account, typed: a name PyPI would refuse gets a clear message.
  await page.locator('[data-field="account-host"]').selectOption('test.pypi.org');
  await page.locator('[data-field="account-username"]').fill('Zoë-builds');
  await page.locator('[data-action="choose-account"]').click();
  await expect(page.locator('#account-username-error')).toContainText('A PyPI username');
  await page.locator('[data-field="account-username"]').fill('zoe.builds');
  await page.locator('[data-action="choose-account"]').click();
  await expect(page.locator('[data-chosen-account]')).toHaveAttribute('data-chosen-account', 'test.pypi.org/zoe.builds');

  for (const [question, option] of [
    ['password', 'forgotten'],
    ['email', 'no'],
  ] as const) {
    await page.locator(`[data-question="${question}"] [data-option="${option}"]`).check();
    await page.locator('[data-action="next"]').click();
  }
  await expect(page.locator('[data-path="support-request"]')).toBeVisible();

  // Everything else typed, non-ASCII intact; a pasted recovery code is left out.
  const ownWords = 'Mein alter Arbeitgeber hat die Domain gelöscht — Zugang zur E-Mail verloren. 我的邮箱已无法访问。';
  const extra = 'Frühere Adresse: zoe@alt-firma.example. Code 0f1e2d3c4b5a6978 klappt nicht.';
  // The user's own words and other proof wait, folded, under the reason.
  await page.locator('details.more > summary').click();
  await page.locator('[data-input="reason-text"]').fill(ownWords);
  await page.locator('[data-input="extra-details"]').fill(extra);
  await expect(page.locator('[data-field="username"] [data-value]')).toHaveText('`zoe.builds`');
  const reason = page.locator('[data-field="reason"] [data-value]');
  await expect(reason).toContainText(ownWords);
  await expect(reason).toContainText('Frühere Adresse: zoe@alt-firma.example. Code [removed: a recovery code] klappt nicht.');
  await expect(reason).toContainText('Lost access to email address; Cannot reset my password without that mailbox.');
  await expect(reason).toContainText('This is a TestPyPI account (test.pypi.org).');
  await expect(page.locator('[data-problem="extra"]')).toContainText('looks like a recovery code');
  const reasonText = (await reason.textContent()) ?? '';
  expect(reasonText).not.toContain('0f1e2d3c4b5a6978');
  await page.locator('[data-copy="markdown"]').click();
  await expect.poll(async () => (await copied(page)).length).toBe(1);
  const [markdown] = await copied(page);
  expect(markdown).toContain(ownWords);
  expect(markdown).not.toContain('0f1e2d3c4b5a6978');

  await page.locator('[data-copy="username"]').click();
  await page.locator('[data-copy="reason"]').click();
  await expect.poll(() => copied(page)).toEqual([markdown, '`zoe.builds`', reasonText.trim()]);
  await openFormAndCheckUrl(page, opened);

  await page.locator('[data-field="issue-url"]').fill('https://github.com/pypi/support/issues/777');
  await page.locator('[data-action="mark-submitted"]').click();
  await expect(page.locator('[data-step="request"] [data-status="submitted"]')).toBeVisible();
  await expect
    .poll(async () => (await storedRequests(serviceWorker)).map(({ host, username, status, issueUrl }) => ({ host, username, status, issueUrl })))
    .toEqual([{ host: 'test.pypi.org', username: 'zoe.builds', status: 'submitted', issueUrl: 'https://github.com/pypi/support/issues/777' }]);
});

test('the popup’s “Prepare your evidence” opens the evidence kit at once, saved as Markdown', async ({ context, serviceWorker, extensionId, pypi }) => {
  pypi['pypi.org'].setScenario('totp-and-key');
  await visitAccountPages(context, serviceWorker);
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.check('pypi.org/alice', 'recovery-readiness')).toHaveAttribute('data-status', 'pass');
  // Passing, so folded with the other passing checks: the user opens that line first.
  await popup.account('pypi.org/alice').locator('[data-passing] > summary').click();
  const page = await popup.openFix('pypi.org/alice', 'recovery-readiness');
  expect(page.url()).toBe(`chrome-extension://${extensionId}/recovery.html?host=pypi.org&username=alice&from=popup&intent=evidence`);

  // No question first: the kit for alice, filled from what the extension saw.
  await expect(page.locator('[data-step="evidence"] h2')).toContainText('while you still have access');
  await expect(page.locator('[data-question]')).toHaveCount(0);
  const account = pypi['pypi.org'].account;
  await expect(page.locator('[data-evidence="date-joined"]')).toContainText(account.dateJoined.toISOString().slice(0, 10));
  await expect(page.locator('[data-evidence="emails"]')).toContainText('alice.backup@mailbox.example.net (verified)');
  await expect(page.locator('[data-evidence="source-repositories"]')).toContainText('alice-tools: https://github.com/alice/alice-tools');
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="download-evidence"]').click()]);
  expect(download.suggestedFilename()).toMatch(/^pypi-evidence-pypi\.org-alice-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = await readFile(await download.path(), 'utf8');
  expect(markdown).toContain('# PyPI account evidence kit: alice on pypi.org');
  expect(markdown).toContain('- [x] **Account creation date**');
  expect(markdown).toContain('alice@example.org (primary, verified)');
  for (const secret of FIXTURE_SECRETS) expect(markdown).not.toContain(secret);
});
