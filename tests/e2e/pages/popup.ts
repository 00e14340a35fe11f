import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The size Chromium gives the toolbar popup: its document is 400 × 580 px (entrypoints/popup/style.css). */
export const POPUP_SIZE = { width: 400, height: 580 } as const;

export interface PopupOpenOptions {
  /** Pins the popup's clock (`Date.now()`, `new Date()`) at this time, e.g. a month ahead. */
  now?: number;
  /**
   * Holds the popup's data back until `releaseData()`: its first read (the active tab, which the
   * popup awaits together with IndexedDB) waits on a gate, so the loading state can be measured.
   */
  holdData?: boolean;
}

/** A box rounded to 1/100 px, for layout comparisons. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The toolbar popup, opened as a page at chrome-extension://<id>/popup.html. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, options: PopupOpenOptions = {}): Promise<PopupPage> {
    const page = await context.newPage();
    await page.setViewportSize(POPUP_SIZE);
    if (options.now !== undefined) await page.clock.setFixedTime(options.now);
    if (options.holdData) {
      await page.addInitScript(() => {
        // chrome.tabs.query is the popup's first asynchronous read besides IndexedDB (main.tsx).
        // The polyfill calls it with a callback; a direct caller gets a promise. Both wait.
        const tabs = chrome.tabs as unknown as { query: (...args: unknown[]) => unknown };
        const query = tabs.query.bind(chrome.tabs);
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        (globalThis as unknown as { __releasePopupData: () => void }).__releasePopupData = release;
        tabs.query = (...args: unknown[]) => gate.then(() => query(...args));
      });
    }
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    if (!options.holdData) await page.locator('main[data-source="store"]').waitFor();
    return new PopupPage(page);
  }

  /** Lets a popup opened with `holdData` read its data, and waits until it has rendered it. */
  async releaseData(): Promise<void> {
    await this.page.evaluate(() => (globalThis as unknown as { __releasePopupData: () => void }).__releasePopupData());
    await this.page.locator('main[data-source="store"]').waitFor();
  }

  get main(): Locator {
    return this.page.locator('main');
  }

  get header(): Locator {
    return this.page.locator('.popup__header');
  }

  get footer(): Locator {
    return this.page.locator('.popup__footer');
  }

  /** The scrolling part between header and footer. */
  get body(): Locator {
    return this.page.locator('[data-scroll]');
  }

  /** The header's one-line slot for reminders (present in every phase). */
  get remindersLine(): Locator {
    return this.page.locator('[data-slot="reminders"]');
  }

  get skeleton(): Locator {
    return this.page.locator('[data-skeleton]');
  }

  get emptyState(): Locator {
    return this.page.locator('[data-empty-state]');
  }

  get accounts(): Locator {
    return this.page.locator('[data-account]');
  }

  account(id: string): Locator {
    return this.page.locator(`[data-account="${id}"]`);
  }

  check(accountId: string, checkId: string): Locator {
    return this.account(accountId).locator(`[data-check="${checkId}"]`);
  }

  /** Every check of an account as `{ id: status }`, in the order shown. */
  async statuses(accountId: string): Promise<Record<string, string>> {
    return this.account(accountId)
      .locator('[data-check]')
      .evaluateAll((rows) => Object.fromEntries(rows.map((row) => [row.getAttribute('data-check') ?? '', row.getAttribute('data-status') ?? ''])));
  }

  fixButton(accountId: string, checkId: string): Locator {
    return this.check(accountId, checkId).locator('[data-action="fix"]');
  }

  acknowledgeButton(accountId: string): Locator {
    return this.check(accountId, 'security-events').locator('[data-action="acknowledge"]');
  }

  /** Clicks a check's fix button and returns the tab it opened. */
  async openFix(accountId: string, checkId: string): Promise<Page> {
    const [tab] = await Promise.all([this.page.context().waitForEvent('page'), this.fixButton(accountId, checkId).click()]);
    await tab.waitForLoadState('domcontentloaded');
    return tab;
  }

  async box(locator: Locator): Promise<Box> {
    const box = await locator.boundingBox();
    if (!box) throw new Error(`not rendered: ${locator.toString()}`);
    const round = (value: number) => Math.round(value * 100) / 100;
    return { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) };
  }
}
