import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Browser, detectBrowserPlatform, install, resolveBuildId } from '@puppeteer/browsers';
import { findOrFetchBrowser, LABEL, type BrowserHost, type BrowserKind, type FoundBrowser } from './finder';

export { BrowserNotFoundError, type BrowserKind, type FoundBrowser } from './finder';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);

function osReleaseIds(): string[] {
  if (process.platform !== 'linux') return [];
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return [...text.matchAll(/^(?:ID|ID_LIKE)=("?)([^"\n]*)\1$/gm)].flatMap((match) => match[2]!.split(/\s+/));
  } catch {
    return [];
  }
}

/** This machine. */
export function systemHost(): BrowserHost {
  return {
    platform: process.platform,
    env: process.env,
    homeDir: os.homedir(),
    projectDir,
    isRoot: process.getuid?.() === 0,
    osIds: osReleaseIds(),
    isExecutable(candidate) {
      try {
        if (!statSync(candidate).isFile()) return false;
        if (process.platform !== 'win32') accessSync(candidate, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    listDir(dir) {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
    async download(command) {
      console.log(`No ${LABEL[command.kind]} found on this machine; downloading one with ${command.display}`);
      if (command.tool === 'playwright') await runPlaywrightCli(command.args);
      else await installWithPuppeteerBrowsers(command.channel, command.cacheDir);
    },
  };
}

/** Playwright's own CLI, run with this Node (no npx, no shell); its progress goes to this terminal. */
function runPlaywrightCli(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [require.resolve('@playwright/test/cli'), ...args], { cwd: projectDir, stdio: 'inherit' });
  return new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(signal ? `stopped by ${signal}` : `exit code ${code}`))));
  });
}

/**
 * What `npx @puppeteer/browsers install firefox@<channel> --path <cacheDir>` does, through the
 * library: the same progress bar, and on failure its error rather than the CLI's whole help text.
 */
async function installWithPuppeteerBrowsers(channel: string, cacheDir: string): Promise<void> {
  const platform = detectBrowserPlatform();
  if (!platform) throw new Error(`@puppeteer/browsers has no Firefox build for ${process.platform} ${process.arch}`);
  const buildId = await resolveBuildId(Browser.FIREFOX, platform, channel);
  await install({ browser: Browser.FIREFOX, buildId, platform, cacheDir, downloadProgressCallback: 'default' });
}

const found = new Map<BrowserKind, Promise<FoundBrowser>>();

/**
 * The browser to load PyPI Guard into, found or fetched once per process (see ./finder.ts for the
 * order). Rejects with a BrowserNotFoundError whose message says what was tried and how to fix it.
 */
export function findBrowser(kind: BrowserKind): Promise<FoundBrowser> {
  let pending = found.get(kind);
  if (!pending) {
    pending = findOrFetchBrowser(kind, systemHost());
    found.set(kind, pending);
  }
  return pending;
}

/** One line for a log: which browser, from where. */
export const describeBrowser = (browser: FoundBrowser) => `${LABEL[browser.kind]}: ${browser.executablePath} (${browser.source})`;
