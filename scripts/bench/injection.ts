import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { chromeExtensionDir } from '../../tests/e2e/support/paths';
import type { BenchBrowser } from './context';

export interface InjectionFigure {
  url: string;
  scripts: string[];
  bytes: number;
  gzipBytes: number;
}

/**
 * Bytes of extension script that Chromium actually parsed in a PyPI page, read from the DevTools
 * protocol (Debugger.scriptParsed) rather than from the manifest: what the page really paid.
 */
export async function measureInjection(browser: BenchBrowser, url: string): Promise<InjectionFigure> {
  const page = await browser.context.newPage();
  const session = await browser.context.newCDPSession(page);
  const scripts = new Set<string>();
  session.on('Debugger.scriptParsed', ({ url: scriptUrl }) => {
    if (scriptUrl.startsWith(`chrome-extension://${browser.extensionId}/`)) scripts.add(scriptUrl);
  });
  await session.send('Debugger.enable');
  await page.goto(url);
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000); // content scripts run at document_idle, and may load chunks
  await session.detach();
  await page.close();
  const files = [...scripts].map((scriptUrl) => new URL(scriptUrl).pathname);
  const contents = files.map((file) => readFileSync(path.join(chromeExtensionDir, file)));
  return {
    url,
    scripts: files,
    bytes: contents.reduce((sum, content) => sum + content.length, 0),
    gzipBytes: contents.reduce((sum, content) => sum + gzipSync(content).length, 0),
  };
}
