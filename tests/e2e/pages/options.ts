import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The options page, opened as a tab at chrome-extension://<id>/options.html. */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByRole('heading', { name: 'Reminders' }).waitFor();
    return new OptionsPage(page);
  }

  get status(): Locator {
    return this.page.getByRole('status');
  }

  get importError(): Locator {
    return this.page.locator('#import-error');
  }

  account(id: string): Locator {
    return this.page.locator(`[data-account="${id}"]`);
  }

  /** A reminder in "Due now" (`data-status` is fire, shown or waiting). */
  dueReminder(id: string): Locator {
    return this.page.locator(`[data-reminder="${id}"]`);
  }

  historyRows(action?: string): Locator {
    return this.page.locator(action ? `tr[data-history-action="${action}"]` : 'tr[data-history-action]');
  }

  async importText(text: string, name = 'pypi-guard-export.json'): Promise<void> {
    await this.page.getByLabel(/Import from an export file/).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** Clicks "Export all data" and returns the downloaded file's text. */
  async exportText(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export all data (JSON)' }).click();
    return readFile(await (await download).path(), 'utf8');
  }

  async wipeEverything(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete all data…' }).click();
    await this.page.getByRole('button', { name: 'Delete everything' }).click();
    await this.status.getByText('All data deleted.').waitFor();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.getByRole('heading', { name: 'Reminders' }).waitFor();
  }
}
