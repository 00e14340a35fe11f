import type { HibpRequest } from '../support/prompts';
import type { FakePypiByHost } from '../support/route-pypi';

/**
 * What a cross-browser flow needs from a browser with PyPI Guard installed. The flows
 * (./flows.ts) and page helpers (./pages.ts) are written once against this; everything that
 * differs between Chromium (Playwright, DevTools protocol) and Firefox (puppeteer-core, WebDriver
 * BiDi) lives in one adapter each: ./chromium.ts and ./firefox.ts.
 *
 * Selectors are CSS; ` >>> ` steps into an open shadow root (PyPI Guard's `<pypi-guard-ui>`).
 */
export interface Tab {
  /** The address of the document shown (read from the page: Firefox's BiDi reports extension pages as about:blank). */
  url(): Promise<string>;
  goto(url: string): Promise<void>;
  /** Waits for the element (the first with `text` in it, if given), then clicks it as a user would. */
  click(selector: string, options?: { text?: string }): Promise<void>;
  /** Replaces the field's value by typing. */
  fill(selector: string, value: string): Promise<void>;
  /** Moves the focus out of the field (a blur, as tabbing away does). */
  blur(selector: string): Promise<void>;
  /** One read, no waiting; null when there is no such element. Wrap in expect.poll to wait. */
  text(selector: string): Promise<string | null>;
  attribute(selector: string, name: string): Promise<string | null>;
  count(selector: string): Promise<number>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  /** Chooses a file in an `<input type=file>`, as the file picker would. */
  setInputFile(selector: string, file: { name: string; text: string }): Promise<void>;
  /** The file that `action` makes this page download, as saved by the browser. */
  downloadedBy(action: () => Promise<unknown>): Promise<{ name: string; text: string }>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: 'chromium' | 'firefox';
  /** The fake pypi.org and test.pypi.org (tests/fixtures/pypi) that answer this browser. */
  readonly pypi: FakePypiByHost;
  /** Every request the local Have I Been Pwned answered. */
  readonly hibpRequests: HibpRequest[];
  /** The address of one of the extension's pages (`popup.html`, `recovery.html?…`). */
  extensionUrl(path: string): string;
  /** A new tab at a PyPI address. */
  openTab(url: string): Promise<Tab>;
  /** A new tab on one of the extension's pages, as if its address were typed. */
  openExtensionPage(path: string): Promise<Tab>;
  /** The tab that `action` makes the browser or the extension open. */
  tabOpenedBy(action: () => Promise<unknown>): Promise<Tab>;
  /**
   * Runs `fn` in the extension's own origin, where `chrome.*` and its IndexedDB are: Chromium's
   * service worker; in Firefox an extension document beside the event page (same origin, same data).
   */
  inExtension<R, A>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  /**
   * Firefox only (Chromium has no data consent): runs `action`, a click on one of the extension's
   * pages that asks for a data-collection consent, accepts the prompt Firefox shows as the user
   * would, and returns the prompt's text.
   */
  acceptConsentPrompt(action: () => Promise<unknown>): Promise<string>;
  /** The ids of the notifications the extension shows now. */
  notifications(): Promise<string[]>;
  /** Clicks a notification's body, as the user would. */
  clickNotification(id: string): Promise<void>;
  /**
   * Ends the background as the browser does when it is idle (Chromium: the service worker is
   * stopped; Firefox: the event page is unloaded) and resolves once it has stopped. The next
   * event the extension listens to starts a fresh one.
   */
  unloadBackground(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** A phone's screen: a coarse pointer that cannot hover (what Firefox for Android reports). */
  touchScreen?: boolean;
}

/**
 * The in-page half of `text`, `attribute` and `count`: every element matching a selector whose
 * ` >>> ` steps enter open shadow roots. Serialised into the page, so it closes over nothing.
 */
export function queryDeep(selector: string): Element[] {
  let scopes: (Document | ShadowRoot)[] = [document];
  const steps = selector.split(' >>> ');
  let found: Element[] = [];
  steps.forEach((step, index) => {
    found = scopes.flatMap((scope) => [...scope.querySelectorAll(step)]);
    if (index < steps.length - 1) scopes = found.map((element) => element.shadowRoot).filter((root): root is ShadowRoot => root !== null);
  });
  return found;
}
