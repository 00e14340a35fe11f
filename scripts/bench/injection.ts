import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { chromeExtensionDir } from '../../tests/e2e/support/paths';
import type { BenchBrowser } from './context';

/** A string only zxcvbn's word lists hold (its most common passwords). */
const ZXCVBN_MARKER = 'qwertyuiop,123321';

export interface InjectionFigure {
  url: string;
  /** Clicked into before counting (the password field), or null for a page only loaded. */
  clicked: string | null;
  scripts: string[];
  bytes: number;
  gzipBytes: number;
  zxcvbnLoaded: boolean;
}

/**
 * Bytes of extension script that Chromium actually parsed in a PyPI page, read from the DevTools
 * protocol (Debugger.scriptParsed) rather than from the manifest: what the page really paid.
 * With `click`, the bytes after the user clicked into that field too.
 */
export async function measureInjection(browser: BenchBrowser, url: string, click: string | null = null, settleMs = 1500): Promise<InjectionFigure> {
  const page = await browser.context.newPage();
  const session = await browser.context.newCDPSession(page);
  const scripts = new Set<string>();
  const origin = `chrome-extension://${browser.extension!.id}/`;
  session.on('Debugger.scriptParsed', ({ url: scriptUrl }) => {
    if (scriptUrl.startsWith(origin)) scripts.add(scriptUrl);
  });
  await session.send('Debugger.enable');
  await page.goto(url, { waitUntil: 'load' });
  if (click) await page.click(click);
  await page.waitForTimeout(settleMs); // content scripts run at document_idle and after; loads on demand follow a click
  await session.detach();
  await page.close();
  const files = [...scripts].map((scriptUrl) => new URL(scriptUrl).pathname);
  const contents = files.map((file) => readFileSync(path.join(chromeExtensionDir, file)));
  return {
    url,
    clicked: click,
    scripts: files,
    bytes: contents.reduce((sum, content) => sum + content.length, 0),
    gzipBytes: contents.reduce((sum, content) => sum + gzipSync(content).length, 0),
    zxcvbnLoaded: contents.some((content) => content.includes(ZXCVBN_MARKER)),
  };
}
