import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The toolbar popup, opened as a page at chrome-extension://<id>/popup.html. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return new PopupPage(page);
  }

  get emptyState(): Locator {
    return this.page.locator('[data-empty-state]');
  }
}
