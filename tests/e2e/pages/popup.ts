import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The toolbar popup, opened as a page at chrome-extension://<id>/popup.html. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.locator('main[aria-busy="false"]').waitFor();
    return new PopupPage(page);
  }

  get emptyState(): Locator {
    return this.page.locator('[data-empty-state]');
  }

  account(id: string): Locator {
    return this.page.locator(`[data-account="${id}"]`);
  }

  check(accountId: string, checkId: string): Locator {
    return this.account(accountId).locator(`[data-check="${checkId}"]`);
  }

  /** Clicks a check's fix button and returns the tab it opened. */
  async openFix(accountId: string, checkId: string): Promise<Page> {
    const [tab] = await Promise.all([
      this.page.context().waitForEvent('page'),
      this.check(accountId, checkId).locator('[data-action="fix"]').click(),
    ]);
    await tab.waitForLoadState('domcontentloaded');
    return tab;
  }
}
