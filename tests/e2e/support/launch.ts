import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { findBrowser } from '../../support/browsers';
import { chromeExtensionDir } from './paths';

export interface LaunchOptions {
  headless?: boolean;
  /** Empty string: a fresh temporary profile. */
  userDataDir?: string;
  /** null: the same browser without the extension (the bench's baseline). */
  extensionDir?: string | null;
  /** More Chromium flags (the bench's host mapping). */
  extraArgs?: string[];
}

/**
 * Starts the Chromium the browser finder picks (tests/support/browsers) with the built extension
 * loaded. New headless mode loads unpacked MV3 extensions; the network flags stop Chromium's own
 * background traffic on this closed network.
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<BrowserContext> {
  const extensionDir = options.extensionDir === undefined ? chromeExtensionDir : options.extensionDir;
  return chromium.launchPersistentContext(options.userDataDir ?? '', {
    headless: options.headless ?? true,
    executablePath: (await findBrowser('chromium')).executablePath,
    args: [
      ...(extensionDir === null ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]),
      ...(options.extraArgs ?? []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The extension's service worker, waiting for it to start if needed. */
export async function extensionServiceWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
  return running ?? context.waitForEvent('serviceworker', { timeout: 30_000 });
}

export function extensionIdOf(worker: Worker): string {
  const id = new URL(worker.url()).host;
  if (!/^[a-p]{32}$/.test(id)) throw new Error(`Unexpected extension service worker URL: ${worker.url()}`);
  return id;
}
