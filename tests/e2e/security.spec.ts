import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { readExtensionDb, storedAccount } from './support/extension-db';
import { OptionsPage } from './pages/options';

/**
 * What a page or another extension cannot do to PyPI Guard, end to end in Chromium (SECURITY.md
 * names each test here).
 */

const prompt = (page: Page, id: string) => page.locator(`[data-prompt="${id}"]`);

/** The page's own script (main world) clicks every button it can reach in the prompts' open shadow root, every way it can. */
const clickEverythingFromThePage = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('pypi-guard-ui')?.shadowRoot;
    const buttons = [...(root?.querySelectorAll('button') ?? [])];
    for (const button of buttons) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      button.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }
    return buttons.map((button) => button.dataset.action);
  });

test('a main-world script on pypi.org cannot change stored state by clicking the prompts (It was me, Don’t show again, Remind me later)', async ({ context, serviceWorker, pypi }) => {
  pypi['pypi.org'].setScenario('suspicious-history');
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  const events = prompt(page, 'security-events');
  await expect(events).toHaveAttribute('data-state', 'open');
  // One group of cards shows at a time (#15): the account nudge waits behind “+N more”, in the DOM.
  const remembered = page.locator('[data-prompt]:has([data-action="dismiss"])').first();
  await expect(remembered).toBeAttached();
  await expect(events).toBeVisible();
  const rememberedId = await remembered.getAttribute('data-prompt');

  // “It was me” is offered only once every row is listed: the page's click on “Show all” lists nothing…
  expect(await clickEverythingFromThePage(page)).toEqual(expect.arrayContaining(['not-me', 'show-all', 'dismiss', 'snooze', 'close', 'more']));
  await expect(events.locator('[data-action="show-all"]')).toBeVisible();
  await expect(events.locator('[data-action="was-me"]')).toHaveCount(0);
  // …the user's does; then the page clicks everything again, “It was me” included.
  await events.locator('[data-action="show-all"]').click();
  await expect(events.locator('[data-action="was-me"]')).toBeVisible();
  expect(await clickEverythingFromThePage(page)).toEqual(expect.arrayContaining(['was-me', 'not-me', 'dismiss', 'snooze', 'close', 'more']));
  // Nothing moved in the page: the security-events card is still the one shown…
  await expect(events).toHaveAttribute('data-state', 'open');
  await expect(events).toBeVisible();
  await expect(remembered).toBeHidden();
  // …and nothing reached the store: the user's own clicks (“+N more” to reach the nudge, then
  // “Remind me later”), sent after all of those, are the only change.
  await page.locator('[data-action="more"]').click();
  await expect(remembered).toBeVisible();
  await remembered.getByRole('button', { name: 'Remind me later' }).click();
  await expect.poll(async () => (await readExtensionDb(serviceWorker)).prompts).toEqual([{ id: `pypi.org/alice|${rememberedId}`, snoozedUntil: expect.any(Number) }]);
  expect((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed ?? {}).not.toHaveProperty('eventsAcknowledgedAt');
});

test('a main-world script on pypi.org cannot make PyPI Guard forget the drill’s hashes', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  await expect.poll(() => storedAccount(serviceWorker, 'pypi.org/alice')).toBeDefined();
  await page.goto('https://pypi.org/manage/account/recovery-codes/regenerate');
  const card = prompt(page, 'save-recovery-codes');
  await expect(card).toHaveAttribute('data-state', 'stored', { timeout: 20_000 });
  const seenBefore = (await storedAccount(serviceWorker, 'pypi.org/alice'))!.lastSeenAt as number;
  expect(await clickEverythingFromThePage(page)).toContain('forget-drill');
  await expect(card).toHaveAttribute('data-state', 'stored');
  await expect(card.locator('[data-action="forget-drill"]')).toBeEnabled(); // the click started nothing
  // The card has no stored choice to make (it closes with × only, #15), so the signal that PyPI
  // Guard has handled everything this page sent is a later page's snapshot: once it is stored,
  // the hashes are still there.
  await page.goto('https://pypi.org/manage/account/');
  await expect.poll(async () => (await storedAccount(serviceWorker, 'pypi.org/alice'))!.lastSeenAt as number).toBeGreaterThan(seenBefore);
  expect(((await storedAccount(serviceWorker, 'pypi.org/alice'))?.observed as { recoveryDrill?: { hashes: string[] } }).recoveryDrill?.hashes).toHaveLength(8);
});

test('private windows: PyPI Guard cannot be allowed in them, so nothing from them is read or stored', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome://extensions/?id=${extensionId}`);
  type Access = { isEnabled: boolean; isActive: boolean };
  const access = await page.evaluate(async (id) => {
    const developer = (globalThis as unknown as { chrome: { developerPrivate: { getExtensionInfo(id: string): Promise<{ incognitoAccess: Access }>; updateExtensionConfiguration(update: object): Promise<void> } } }).chrome.developerPrivate;
    const before = (await developer.getExtensionInfo(id)).incognitoAccess;
    // What the "Allow in Incognito" switch would do: refused for this extension.
    const attempt = await developer.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true }).then(
      () => 'accepted',
      (error: unknown) => `refused: ${String(error)}`,
    );
    return { before, attempt, after: (await developer.getExtensionInfo(id)).incognitoAccess };
  }, extensionId);
  expect(access.before).toEqual({ isEnabled: false, isActive: false });
  expect(access.after.isActive).toBe(false);
  expect(await serviceWorker.evaluate(() => chrome.extension.isAllowedIncognitoAccess())).toBe(false);
});

test('the extension’s pages and background reach only the servers its CSP lists', async ({ context, serviceWorker, extensionId }) => {
  // Both answer, so only the policy can make a difference.
  for (const url of ['https://api.pwnedpasswords.com/**', 'https://example.org/**']) {
    await context.route(url, (route) => route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*', 'content-type': 'text/plain' }, body: 'ok' }));
  }
  const attempt = (url: string) => fetch(url).then((response) => `status ${response.status}`, (error: unknown) => `refused: ${String(error)}`);
  expect(await serviceWorker.evaluate(attempt, 'https://api.pwnedpasswords.com/range/5BAA6')).toBe('status 200');
  expect(await serviceWorker.evaluate(attempt, 'https://example.org/collect')).toMatch(/^refused/);
  const options = await OptionsPage.open(context, extensionId);
  expect(await options.page.evaluate(attempt, 'https://example.org/collect')).toMatch(/^refused/);
});
