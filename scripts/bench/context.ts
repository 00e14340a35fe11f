import type { BrowserContext, Worker } from '@playwright/test';
import { extensionIdOf, extensionServiceWorker, launchWithExtension } from '../../tests/e2e/support/launch';
import { waitForExtensionDb } from '../../tests/e2e/support/extension-db';
import type { BenchPypiServer } from './server';

export interface BenchBrowser {
  context: BrowserContext;
  /** Null for the baseline browser, which has no extension. */
  extension: { id: string; worker: Worker } | null;
  close(): Promise<void>;
}

/** Chromium, with or without the built extension, pypi.org answered by the bench's fake PyPI. */
export async function openBenchBrowser(server: BenchPypiServer, withExtension: boolean): Promise<BenchBrowser> {
  const context = await launchWithExtension({ extensionDir: withExtension ? undefined : null, extraArgs: server.chromiumArgs });
  let extension: BenchBrowser['extension'] = null;
  if (withExtension) {
    const worker = await extensionServiceWorker(context);
    await waitForExtensionDb(worker);
    extension = { id: extensionIdOf(worker), worker };
  }
  return { context, extension, close: () => context.close() };
}

/**
 * Chromium with the floor extension (floor.ts: no-op content scripts on our pages, no background)
 * instead of none: the baseline of `--baseline floor`, for what PyPI Guard adds above any extension.
 */
export async function openFloorBrowser(server: BenchPypiServer, floorDir: string): Promise<BenchBrowser> {
  const context = await launchWithExtension({ extensionDir: floorDir, extraArgs: server.chromiumArgs });
  return { context, extension: null, close: () => context.close() };
}

/** The extension's worker as it is now: Chrome may have stopped and restarted it since. */
export async function currentWorker(browser: BenchBrowser): Promise<Worker> {
  if (!browser.extension) throw new Error('this browser has no extension');
  const worker = await extensionServiceWorker(browser.context);
  browser.extension.worker = worker;
  return worker;
}
