import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { findBrowser } from '../../support/browsers';
import { createFakePypi, type FakeRequest } from '../../fixtures/pypi/server';
import type { HibpRequest } from '../support/prompts';
import { firefoxExtensionDir } from '../support/paths';
import type { FakePypiByHost } from '../support/route-pypi';
import { queryDeep, type ExtensionBrowser, type LaunchOptions, type Tab } from './adapter';
import { answerOffline, startOfflineProxy, type OfflineAnswer } from './firefox-network';

/**
 * The Firefox adapter: Firefox ESR driven by puppeteer-core over WebDriver BiDi, PyPI Guard
 * installed from .output/firefox-mv3 as a temporary add-on (as about:debugging does).
 *
 * What Firefox does not let WebDriver BiDi do, and what is done instead:
 * - Navigating a tab to a moz-extension:// page is refused ("not allowed in this context"). The
 *   browser's own window opens it instead (`openTrustedLinkIn`, what the address bar calls), through
 *   BiDi's chrome scope, which `--remote-allow-system-access` opens; the tab is then an ordinary
 *   BiDi page (its reported URL stays about:blank, so `Tab.url()` reads `location.href`).
 * - The extension's UUID is pinned with `extensions.webextensions.uuids`, so its pages' addresses
 *   are known before it is installed.
 * - The event page has no BiDi realm; its origin's APIs and IndexedDB are reached from an
 *   extension document instead (`inExtension`), and its life is read and ended through the
 *   add-on's own `backgroundState` / `terminateBackground()` — the call Firefox's idle timer makes.
 * - Notifications are Firefox's own alert windows (`alerts.useSystemBackend` off): the test finds
 *   the extension's alert among the chrome windows and clicks it, as a user does.
 * - Requests the event page makes itself are invisible to BiDi: see ./firefox-network.ts.
 * - A tab behind another is hidden (Playwright's Chromium pages are all visible), and PyPI Guard
 *   reads an account page only while it is shown: `goto` brings its tab to the front, and the
 *   extension realm of `inExtension` opens behind the tab in front.
 */

/** Any fixed UUID: the add-on's pages live at moz-extension://<it>/. */
const EXTENSION_UUID = '5f0b7f3e-8a8e-4c47-9d5b-2b6f6f7b1a11';
const ADDON_ID = (JSON.parse(readFileSync(path.join(firefoxExtensionDir, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } })
  .browser_specific_settings.gecko.id;
/** An extension document with no code of its own, to run `inExtension` in: the add-on's icon. */
const EXTENSION_REALM_PAGE = 'icon/16.png';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: string, handler: (params: never) => void): void;
}

interface BeforeRequestSent {
  isBlocked: boolean;
  navigation: string | null;
  request: { request: string; url: string; method: string; headers: { name: string; value: { value: string } }[]; bodySize: number | null };
}

const inPage = (selector: string, then: string) => `(${queryDeep.toString()})(${JSON.stringify(selector)})${then}`;
const bidiHeaders = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => ({ name, value: { type: 'string', value } }));

/** Answers every tab's request through BiDi interception (see firefox-network.ts). */
async function interceptTabRequests(bidi: BidiConnection, answer: (request: FakeRequest, isNavigation: boolean) => OfflineAnswer): Promise<void> {
  await bidi.send('network.addIntercept', { phases: ['beforeRequestSent'] });
  bidi.on('network.beforeRequestSent', (event: BeforeRequestSent) => {
    if (!event.isBlocked) return;
    const id = event.request.request;
    void (async () => {
      const body = event.request.bodySize ? ((await bidi.send('network.getData', { dataType: 'request', request: id })).result.bytes as { value: string }).value : undefined;
      const headers = Object.fromEntries(event.request.headers.map((header) => [header.name.toLowerCase(), header.value.value]));
      const result = answer({ method: event.request.method, url: event.request.url, headers, body }, event.navigation !== null);
      if (result === 'continue') await bidi.send('network.continueRequest', { request: id });
      else if (result === 'abort') await bidi.send('network.failRequest', { request: id });
      else await bidi.send('network.provideResponse', { request: id, statusCode: result.status, headers: bidiHeaders(result.headers), body: { type: 'string', value: result.body } });
    })().catch(() => undefined); // the tab may have closed meanwhile
  });
}

function firefoxTab(page: Page, downloadDir: string): Tab {
  const deep = (selector: string, text?: string) => (text === undefined ? selector : `${selector}::-p-text(${JSON.stringify(text)})`);
  // A user acts in the tab in front. Firefox also runs no animation frame in a background tab,
  // and puppeteer's locators wait for one before they act.
  const inFront = async <T>(action: () => Promise<T>) => (await page.bringToFront(), action());
  return {
    // BiDi reports extension pages as about:blank, so the page is asked; mid-navigation (no
    // document to ask) the address BiDi reports is the one being loaded.
    url: () => page.evaluate(() => location.href).catch(() => page.url()),
    // A user loads a page in the tab they look at. PyPI Guard reads an account page only while it
    // is shown (utils/dom/slices.ts `whileShown`), as in every browser; in Firefox a tab behind
    // another is hidden (Chromium under Playwright reports every page as visible).
    goto: (url) => inFront(async () => void (await page.goto(url))),
    click: (selector, options) => inFront(() => page.locator(deep(selector, options?.text)).click()),
    fill: (selector, value) => inFront(() => page.locator(deep(selector)).fill(value)),
    blur: (selector) => page.evaluate(inPage(selector, '[0]?.blur()')).then(() => undefined),
    text: (selector) => page.evaluate(inPage(selector, '[0]?.textContent ?? null')) as Promise<string | null>,
    attribute: (selector, name) => page.evaluate(inPage(selector, `[0]?.getAttribute(${JSON.stringify(name)}) ?? null`)) as Promise<string | null>,
    count: (selector) => page.evaluate(inPage(selector, '.length')) as Promise<number>,
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
    setViewport: (size) => page.setViewport(size),
    async setInputFile(selector, file) {
      const folder = mkdtempSync(path.join(tmpdir(), 'pypi-guard-upload-'));
      writeFileSync(path.join(folder, file.name), file.text);
      const input = (await page.waitForSelector(selector)) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path.join(folder, file.name));
    },
    async downloadedBy(action) {
      const before = new Set(readdirSync(downloadDir));
      await action();
      let name = '';
      // Firefox creates the file empty at once and writes `<name>.part`, renamed over it when done.
      const finished = () => {
        const files = readdirSync(downloadDir);
        const done = files.find((file) => !before.has(file) && !file.endsWith('.part') && !files.includes(`${file}.part`));
        return done && statSync(path.join(downloadDir, done)).size > 0 ? done : '';
      };
      await expect.poll(() => (name = finished()), { message: 'nothing was downloaded' }).not.toBe('');
      return { name, text: readFileSync(path.join(downloadDir, name), 'utf8') };
    },
    close: () => page.close(),
  };
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const pypi: FakePypiByHost = { 'pypi.org': createFakePypi({ host: 'pypi.org' }), 'test.pypi.org': createFakePypi({ host: 'test.pypi.org' }) };
  const hibpRequests: HibpRequest[] = [];
  const answer = (request: FakeRequest, isNavigation: boolean) => answerOffline(pypi, hibpRequests, request, isNavigation);
  const proxy = await startOfflineProxy((request) => answer(request, false));
  const downloadDir = mkdtempSync(path.join(tmpdir(), 'pypi-guard-downloads-'));

  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: (await findBrowser('firefox')).executablePath,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      'alerts.useSystemBackend': false,
      // Every https request leaves through the offline proxy (tabs' requests are answered before that).
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // Gecko's pointer capabilities: 1 is coarse without hover (a phone), what Firefox for Android reports.
      ...(options.touchScreen && { 'ui.primaryPointerCapabilities': 1, 'ui.allPointerCapabilities': 1 }),
    },
  });
  const bidi = (browser as unknown as { connection: BidiConnection }).connection;
  await interceptTabRequests(bidi, answer);
  await browser.installExtension(firefoxExtensionDir);

  const chromeWindows = async (url: string) => {
    const { contexts } = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string; url: string }[] };
    return contexts.filter((context) => context.url === url).map((context) => context.context);
  };
  const [browserWindow] = await chromeWindows('chrome://browser/content/browser.xhtml');
  /** Privileged JavaScript in a chrome window; the expression's value comes back as JSON. */
  const inChrome = async <T>(expression: string, context = browserWindow!): Promise<T> => {
    const { result } = await bidi.send('script.evaluate', { expression: `(async () => JSON.stringify(await (${expression})))()`, target: { context }, awaitPromise: true });
    if (result.type === 'exception') throw new Error(`chrome-scope script failed: ${JSON.stringify(result.exceptionDetails)}`);
    const value = (result.result as { value?: string }).value;
    return (value === undefined ? undefined : JSON.parse(value)) as T;
  };
  // Keep each alert on screen until it is clicked, as hovering it does (alert.css pauses its
  // 20-second animation on :hover), so a slow run cannot lose it.
  await inChrome(`Services.ww.registerNotification({ observe(win, topic) {
    if (topic !== 'domwindowopened') return;
    win.addEventListener('load', () => { if (win.location.href.startsWith('chrome://global/content/alerts/alert.xhtml')) win.document.getElementById('alertBox').style.animationPlayState = 'paused'; }, { once: true });
  } })`);

  const extensionUrl = (extensionPath: string) => `moz-extension://${EXTENSION_UUID}/${extensionPath.replace(/^\//, '')}`;
  const tabs = new Map<Page, Tab>();
  const tabOf = (page: Page) => tabs.get(page) ?? tabs.set(page, firefoxTab(page, downloadDir)).get(page)!;

  const topContexts = async () => ((await bidi.send('browsingContext.getTree', { maxDepth: 0 })).result as { contexts: { context: string; url: string }[] }).contexts;
  const openTrusted = (url: string, inBackground = false) => inChrome(`openTrustedLinkIn(${JSON.stringify(url)}, 'tab', { inBackground: ${inBackground} })`);
  const tabOpenedBy = async (action: () => Promise<unknown>): Promise<Tab> => {
    const before = new Set((await topContexts()).map(({ context }) => context));
    await action();
    let opened: { context: string; url: string } | undefined;
    await expect
      .poll(async () => (opened = (await topContexts()).find(({ context, url }) => !before.has(context) && url !== 'about:blank')), { message: 'no tab was opened', timeout: 15_000 })
      .toBeDefined();
    // A BiDi frame's (internal) id is its browsing context's.
    const page = (await browser.pages()).find((candidate) => (candidate.mainFrame() as unknown as { _id: string })._id === opened!.context);
    if (!page) {
      // Firefox tells WebDriver BiDi nothing of a tab that an extension page opens itself (a
      // target=_blank link in the popup): the tab is in getTree, at the right address, but no
      // browsingContext.contextCreated is sent, so puppeteer has no page to drive it through.
      // The tab Firefox opened proves the link; the same address is reopened as a tab the test drives.
      await bidi.send('browsingContext.close', { context: opened!.context });
      return tabOpenedBy(() => openTrusted(opened!.url));
    }
    // Polled on a timer: a tab opened behind the current one runs no animation frames.
    await page.waitForFunction(() => location.href !== 'about:blank' && document.readyState !== 'loading', { timeout: 15_000, polling: 100 });
    return tabOf(page);
  };
  const openExtensionPage = (extensionPath: string) => tabOpenedBy(() => openTrusted(extensionUrl(extensionPath)));

  let realm: Tab | undefined;
  // Opened behind the tab in front: reading the extension's state must not hide the page under
  // test, which would stop the page model reading it (and Chromium's `inExtension` opens no tab).
  const extensionRealm = async () => (realm ??= await tabOpenedBy(() => openTrusted(extensionUrl(EXTENSION_REALM_PAGE), true)));
  // Firefox's getAll() returns each notification's options (Chrome's only `true`).
  const shownNotifications = async () => (await adapter.inExtension(() => chrome.notifications.getAll(), null)) as unknown as Record<string, { title: string }>;
  const backgroundState = () => inChrome<string>(`WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension.backgroundState`);

  const adapter: ExtensionBrowser = {
    name: 'firefox',
    pypi,
    hibpRequests,
    extensionUrl,
    async openTab(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return tabOf(page);
    },
    openExtensionPage,
    tabOpenedBy,
    inExtension: async (fn, arg) => (await extensionRealm()).evaluate(fn, arg) as never,
    async acceptConsentPrompt(action) {
      await action();
      // Firefox's own doorhanger (ExtensionsUI's "addon-webext-permissions"), in the browser window.
      const prompt = `PopupNotifications.panel.querySelector('#addon-webext-permissions-notification')`;
      let text = '';
      await expect.poll(async () => (text = await inChrome<string>(`${prompt}?.textContent ?? ''`)), { message: 'Firefox showed no consent prompt' }).not.toBe('');
      await inChrome(`${prompt}.button.click()`);
      return text;
    },
    notifications: async () => Object.keys(await shownNotifications()),
    async clickNotification(id) {
      const shown = (await shownNotifications())[id];
      if (!shown) throw new Error(`notification ${id} is not shown`);
      for (const alert of await chromeWindows('chrome://global/content/alerts/alert.xhtml')) {
        const title = await inChrome<string>(`document.getElementById('alertTitleLabel').value`, alert);
        if (title !== shown.title) continue;
        // A click anywhere in the alert window is a click on the notification (alert.js).
        await inChrome(`document.getElementById('alertTextLabel').click()`, alert);
        return;
      }
      throw new Error(`no alert window shows "${shown.title}"`);
    },
    async unloadBackground() {
      await expect.poll(backgroundState, { message: 'the event page never ran' }).toBe('running');
      await inChrome(`WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension.terminateBackground()`);
      await expect.poll(backgroundState, { message: 'the event page did not unload' }).toBe('stopped');
    },
    async close() {
      await browser.close();
      await proxy.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
  return adapter;
}
