import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { createFakePypi } from '../../fixtures/pypi/server';
import { extensionIdOf, extensionServiceWorker, launchWithExtension } from '../support/launch';
import { routeHibp } from '../support/prompts';
import { restartServiceWorker } from '../support/reminders';
import { routeFakePypi, type FakePypiByHost } from '../support/route-pypi';
import { queryDeep, type ExtensionBrowser, type LaunchOptions, type Tab } from './adapter';

/**
 * The Chromium adapter: Playwright over the DevTools protocol, on the same helpers as the
 * Chromium-only specs (launchWithExtension, routeFakePypi, routeHibp, restartServiceWorker).
 */

/** Playwright's CSS already pierces open shadow roots, so ` >>> ` is a plain descendant step. */
const playwrightSelector = (selector: string) => selector.replaceAll(' >>> ', ' ');
const inPage = (selector: string, then: string) => `(${queryDeep.toString()})(${JSON.stringify(selector)})${then}`;

export function chromiumTab(page: Page): Tab {
  const locate = (selector: string, text?: string) => {
    const locator = page.locator(playwrightSelector(selector));
    return (text === undefined ? locator : locator.filter({ hasText: text })).first();
  };
  return {
    // The DevTools protocol reports every page's address, extension pages' too (and reading it
    // survives a navigation, which an evaluate does not).
    url: async () => page.url(),
    goto: async (url) => void (await page.goto(url)),
    click: (selector, options) => locate(selector, options?.text).click(),
    fill: (selector, value) => locate(selector).fill(value),
    blur: (selector) => locate(selector).blur(),
    text: (selector) => page.evaluate(inPage(selector, '[0]?.textContent ?? null')),
    attribute: (selector, name) => page.evaluate(inPage(selector, `[0]?.getAttribute(${JSON.stringify(name)}) ?? null`)),
    count: (selector) => page.evaluate(inPage(selector, '.length')),
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
    setViewport: (size) => page.setViewportSize(size),
    async downloadedBy(action) {
      const [download] = await Promise.all([page.waitForEvent('download'), action()]);
      return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
    },
    setInputFile: (selector, file) => locate(selector).setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) }),
    close: () => page.close(),
  };
}

/** `touchScreen` is not offered: Chrome runs no extension on phones. */
export async function launchChromium(_options: Omit<LaunchOptions, 'touchScreen'> = {}): Promise<ExtensionBrowser> {
  const pypi: FakePypiByHost = { 'pypi.org': createFakePypi({ host: 'pypi.org' }), 'test.pypi.org': createFakePypi({ host: 'test.pypi.org' }) };
  const context: BrowserContext = await launchWithExtension();
  await routeFakePypi(context, pypi);
  const hibpRequests = await routeHibp(context);
  let worker: Worker = await extensionServiceWorker(context);
  const extensionId = extensionIdOf(worker);
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  const pages = new Map<Page, Tab>();
  const tabOf = (page: Page) => pages.get(page) ?? pages.set(page, chromiumTab(page)).get(page)!;

  const browser: ExtensionBrowser = {
    name: 'chromium',
    pypi,
    hibpRequests,
    extensionUrl,
    async openTab(url) {
      const page = await context.newPage();
      await page.goto(url);
      return tabOf(page);
    },
    openExtensionPage(path) {
      return browser.openTab(extensionUrl(path));
    },
    async tabOpenedBy(action) {
      const [page] = await Promise.all([context.waitForEvent('page'), action()]);
      await page.waitForLoadState('domcontentloaded');
      return tabOf(page);
    },
    inExtension: (fn, arg) => worker.evaluate(fn as (arg: unknown) => never, arg),
    acceptConsentPrompt: () => Promise.reject(new Error('Chromium asks for no data-collection consent')),
    notifications: async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())),
    async clickNotification(id) {
      // No automation can click a Chromium notification; the event object's own dispatch runs the
      // listeners the background registered, as a click does.
      await worker.evaluate((notificationId) => (chrome.notifications.onClicked as unknown as { dispatch(id: string): void }).dispatch(notificationId), id);
    },
    async unloadBackground() {
      const page = await context.newPage();
      await page.goto(extensionUrl('drill.html'));
      worker = await restartServiceWorker(context, page, worker);
      await page.close();
    },
    close: () => context.close(),
  };
  return browser;
}
