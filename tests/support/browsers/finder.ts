import { Browser as PuppeteerBrowser, computeExecutablePath } from '@puppeteer/browsers';
import nodePath from 'node:path';

/**
 * Finds the browser that the demo, the e2e suites and the bench load PyPI Guard into, in this order:
 *   1. CHROMIUM_PATH / FIREFOX_PATH;
 *   2. the system's own browser, where each OS installs it;
 *   3. a build already downloaded by Playwright or @puppeteer/browsers;
 *   4. a download with the ecosystem's own tool (never when CI=true: CI installs Debian's packages).
 * Everything here is pure over a `BrowserHost`, so every branch is unit-tested with fake paths and a
 * stubbed downloader; `./index.ts` binds it to the real machine.
 */

export type BrowserKind = 'chromium' | 'firefox';

export interface FoundBrowser {
  kind: BrowserKind;
  executablePath: string;
  /** Where it came from, in words ("on PATH", "Playwright's cache", "downloaded now"). */
  source: string;
}

/** The machine as the finder sees it. */
export interface BrowserHost {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
  /** The project's folder (Playwright keeps browsers in its package when PLAYWRIGHT_BROWSERS_PATH=0). */
  projectDir: string;
  isRoot: boolean;
  /** ID and ID_LIKE of /etc/os-release (empty off Linux). */
  osIds: string[];
  /** True for an executable file. */
  isExecutable(path: string): boolean;
  /** Names in a folder; empty when it does not exist. */
  listDir(path: string): string[];
  /** Runs the download command with its progress shown; rejects when it fails. */
  download(command: DownloadCommand): Promise<void>;
}

/** A download with the ecosystem's own tool, and what a person would type for it. */
export type DownloadCommand =
  | { kind: 'chromium'; display: string; tool: 'playwright'; args: string[] }
  | { kind: 'firefox'; display: string; tool: '@puppeteer/browsers'; channel: typeof FIREFOX_DOWNLOAD_CHANNEL; cacheDir: string };

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

export const LABEL: Record<BrowserKind, string> = { chromium: 'Chromium', firefox: 'Firefox' };
export const ENV_VAR: Record<BrowserKind, 'CHROMIUM_PATH' | 'FIREFOX_PATH'> = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };

/** The Firefox channel that CI proves (Debian's firefox-esr), so a download gets the same kind. */
const FIREFOX_DOWNLOAD_CHANNEL = 'esr';

const isCi = (env: BrowserHost['env']) => env.CI === 'true' || env.CI === '1';
const pathOf = (host: BrowserHost) => (host.platform === 'win32' ? nodePath.win32 : nodePath.posix);

interface Candidate {
  path: string;
  source: string;
}

/** Where each OS keeps a browser that loads an unpacked extension, in the order they are tried. */
export function systemCandidates(kind: BrowserKind, host: BrowserHost): Candidate[] {
  const path = pathOf(host);
  const { env, homeDir } = host;
  switch (host.platform) {
    case 'linux':
      // Debian and Ubuntu name the packages' commands so; Ubuntu's may be snap wrappers, which work too.
      return onPath(kind === 'chromium' ? ['chromium', 'chromium-browser'] : ['firefox-esr', 'firefox'], host);
    case 'darwin': {
      const apps = kind === 'chromium' ? ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'] : ['Firefox.app/Contents/MacOS/firefox'];
      return apps.flatMap((app) => ['/Applications', path.join(homeDir, 'Applications')].map((folder) => ({ path: path.join(folder, app), source: 'installed application' })));
    }
    case 'win32': {
      const roots = [env.LOCALAPPDATA ?? path.join(homeDir, 'AppData', 'Local'), env.ProgramFiles, env['ProgramFiles(x86)']].filter((root): root is string => Boolean(root));
      // Chrome for Testing has no installer on Windows (a zip): it is found in the download caches below.
      const relative = kind === 'chromium' ? 'Chromium\\Application\\chrome.exe' : 'Mozilla Firefox\\firefox.exe';
      return roots.map((root) => ({ path: path.join(root, relative), source: 'installed application' }));
    }
    default:
      return [];
  }
}

/** For each command name, the first PATH folder that has it (as `which` would). */
function onPath(names: string[], host: BrowserHost): Candidate[] {
  const folders = (host.env.PATH ?? '').split(nodePath.posix.delimiter).filter(Boolean);
  return names.flatMap((name) => {
    const folder = folders.find((dir) => host.isExecutable(nodePath.posix.join(dir, name)));
    return folder ? [{ path: nodePath.posix.join(folder, name), source: `${name} on PATH` }] : [];
  });
}

/**
 * Branded Google Chrome ignores --load-extension (since Chrome 137), so it can never run our tests;
 * it is only named in the message, so a user with Chrome knows why it was passed over.
 */
function brandedChrome(host: BrowserHost): string[] {
  const path = pathOf(host);
  switch (host.platform) {
    case 'linux':
      return onPath(['google-chrome', 'google-chrome-stable'], host).map((candidate) => candidate.path);
    case 'darwin':
      return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'].filter((candidate) => host.isExecutable(candidate));
    case 'win32':
      return [host.env.ProgramFiles, host.env.LOCALAPPDATA]
        .filter((root): root is string => Boolean(root))
        .map((root) => path.join(root, 'Google\\Chrome\\Application\\chrome.exe'))
        .filter((candidate) => host.isExecutable(candidate));
    default:
      return [];
  }
}

/** Playwright's browser folder: PLAYWRIGHT_BROWSERS_PATH, else its per-OS cache (as Playwright computes it). */
export function playwrightBrowsersDir(host: BrowserHost): string {
  const path = pathOf(host);
  const override = host.env.PLAYWRIGHT_BROWSERS_PATH;
  if (override === '0') return path.join(host.projectDir, 'node_modules', 'playwright-core', '.local-browsers');
  if (override) return path.resolve(host.projectDir, override);
  const cache =
    host.platform === 'darwin'
      ? path.join(host.homeDir, 'Library', 'Caches')
      : host.platform === 'win32'
        ? (host.env.LOCALAPPDATA ?? path.join(host.homeDir, 'AppData', 'Local'))
        : (host.env.XDG_CACHE_HOME ?? path.join(host.homeDir, '.cache'));
  return path.join(cache, 'ms-playwright');
}

/** Where puppeteer and our download keep @puppeteer/browsers' builds (puppeteer's own default). */
export function puppeteerCacheDir(host: BrowserHost): string {
  return host.env.PUPPETEER_CACHE_DIR ?? pathOf(host).join(host.homeDir, '.cache', 'puppeteer');
}

/**
 * Playwright's Chromium builds (`chromium-<revision>/`), newest first. Recent ones are Chrome for
 * Testing (`chrome-linux64/`…), older ones Chromium (`chrome-linux/`…); both load extensions.
 * Playwright's Firefox is not a candidate: a patched build spoken to over Playwright's own
 * protocol, not the stock Firefox that WebDriver BiDi drives.
 */
function playwrightCandidates(kind: BrowserKind, host: BrowserHost): Candidate[] {
  if (kind !== 'chromium') return [];
  const path = pathOf(host);
  const dir = playwrightBrowsersDir(host);
  const inside: Partial<Record<NodeJS.Platform, string[]>> = {
    linux: ['chrome-linux64/chrome', 'chrome-linux-arm64/chrome', 'chrome-linux/chrome'],
    darwin: [
      'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
    ],
    win32: ['chrome-win64\\chrome.exe', 'chrome-win\\chrome.exe'],
  };
  const revisions = host
    .listDir(dir)
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
  return revisions.flatMap((revision) => (inside[host.platform] ?? []).map((relative) => ({ path: path.join(dir, revision, relative), source: "Playwright's cache" })));
}

const PUPPETEER_PLATFORMS: Partial<Record<NodeJS.Platform, string[]>> = { linux: ['linux', 'linux_arm'], darwin: ['mac_arm', 'mac'], win32: ['win64', 'win32'] };

/**
 * @puppeteer/browsers' builds (`<browser>/<platform>-<buildId>/`), newest first; the library itself
 * says where the executable sits in each. Its `chrome` is Chrome for Testing, which (unlike branded
 * Chrome) still loads extensions; `chrome-headless-shell` cannot.
 */
function puppeteerCandidates(kind: BrowserKind, host: BrowserHost): Candidate[] {
  const cacheDir = puppeteerCacheDir(host);
  const browsers = kind === 'chromium' ? [PuppeteerBrowser.CHROME, PuppeteerBrowser.CHROMIUM] : [PuppeteerBrowser.FIREFOX];
  const platforms = PUPPETEER_PLATFORMS[host.platform] ?? [];
  return browsers.flatMap((browser) =>
    host
      .listDir(pathOf(host).join(cacheDir, browser))
      .map((folder) => folder.split('-'))
      .filter((parts): parts is [string, string] => parts.length === 2 && platforms.includes(parts[0]!))
      .sort(([, a], [, b]) => b.localeCompare(a, 'en', { numeric: true }))
      .map(([platform, buildId]) => ({
        path: computeExecutablePath({ cacheDir, browser, buildId, platform: platform as Parameters<typeof computeExecutablePath>[0]['platform'] }),
        source: "@puppeteer/browsers' cache",
      })),
  );
}

/** The ecosystem's own download: Playwright's CLI for Chromium, @puppeteer/browsers for Firefox. */
export function downloadCommand(kind: BrowserKind, host: BrowserHost): DownloadCommand {
  if (kind === 'chromium') return { kind, display: 'npx playwright install chromium', tool: 'playwright', args: ['install', 'chromium'] };
  const cacheDir = puppeteerCacheDir(host);
  return { kind, display: `npx @puppeteer/browsers install firefox@${FIREFOX_DOWNLOAD_CHANNEL} --path ${JSON.stringify(cacheDir)}`, tool: '@puppeteer/browsers', channel: FIREFOX_DOWNLOAD_CHANNEL, cacheDir };
}

/** The one command that fixes a missing browser here: Debian's package, else the download. */
export function fixCommand(kind: BrowserKind, host: BrowserHost): string {
  if (host.platform === 'linux' && host.osIds.includes('debian') && !host.osIds.includes('ubuntu')) {
    return `${host.isRoot ? '' : 'sudo '}apt-get install -y ${kind === 'chromium' ? 'chromium' : 'firefox-esr'}`;
  }
  return downloadCommand(kind, host).display;
}

export interface Located {
  found?: FoundBrowser;
  /** One line per place looked at, in order, for the message. */
  tried: string[];
}

/** Steps 1–3: the environment variable, the system, the download caches. Never downloads. */
export function locateBrowser(kind: BrowserKind, host: BrowserHost): Located {
  const variable = ENV_VAR[kind];
  const fromEnv = host.env[variable];
  if (fromEnv) {
    if (host.isExecutable(fromEnv)) return { found: { kind, executablePath: fromEnv, source: variable }, tried: [] };
    // A path the user set on purpose is never passed over in silence.
    throw new BrowserNotFoundError(`${variable}=${fromEnv} is not an executable file. Point it at a ${LABEL[kind]} executable, or unset it to let PyPI Guard find one.`);
  }
  const tried = [`${variable}: not set`];

  const steps: [string, Candidate[]][] = [
    [describeSystemSearch(kind, host), systemCandidates(kind, host)],
    [`Playwright's cache (${playwrightBrowsersDir(host)}): ${kind === 'chromium' ? 'no chromium-* build' : "not used for Firefox (Playwright's Firefox is a patched build)"}`, playwrightCandidates(kind, host)],
    [`@puppeteer/browsers' cache (${puppeteerCacheDir(host)}): no ${kind === 'chromium' ? 'chrome or chromium' : 'firefox'} build`, puppeteerCandidates(kind, host)],
  ];
  for (const [whenMissing, candidates] of steps) {
    const hit = candidates.find((candidate) => host.isExecutable(candidate.path));
    if (hit) return { found: { kind, executablePath: hit.path, source: hit.source }, tried };
    tried.push(whenMissing);
  }
  if (kind === 'chromium') {
    for (const chrome of brandedChrome(host)) tried.push(`Google Chrome at ${chrome}: passed over, branded Chrome ignores --load-extension`);
  }
  return { tried };
}

function describeSystemSearch(kind: BrowserKind, host: BrowserHost): string {
  if (host.platform === 'linux') return `${kind === 'chromium' ? 'chromium, chromium-browser' : 'firefox-esr, firefox'} on PATH: not found`;
  const paths = systemCandidates(kind, host).map((candidate) => candidate.path);
  return paths.length > 0 ? `${paths.join(', ')}: not found` : `no known install location on ${host.platform}`;
}

/** All four steps; throws a BrowserNotFoundError naming what was tried and the one fixing command. */
export async function findOrFetchBrowser(kind: BrowserKind, host: BrowserHost): Promise<FoundBrowser> {
  const located = locateBrowser(kind, host);
  if (located.found) return located.found;
  const { tried } = located;

  const download = downloadCommand(kind, host);
  if (isCi(host.env)) {
    tried.push(`download: not tried, CI=true (CI installs its browsers itself)`);
    throw notFound(kind, host, tried);
  }
  try {
    await host.download(download);
  } catch (error) {
    tried.push(`download with \`${download.display}\`: failed (${error instanceof Error ? error.message : String(error)})`);
    throw notFound(kind, host, tried);
  }
  const afterDownload = locateBrowser(kind, host).found;
  if (afterDownload) return { ...afterDownload, source: `downloaded now (${download.display})` };
  tried.push(`download with \`${download.display}\`: finished, but no ${LABEL[kind]} appeared in the caches above`);
  throw notFound(kind, host, tried);
}

function notFound(kind: BrowserKind, host: BrowserHost, tried: string[]): BrowserNotFoundError {
  const error = new BrowserNotFoundError(
    [
      `No ${LABEL[kind]} found to load PyPI Guard into. Tried, in order:`,
      ...tried.map((line, index) => `  ${index + 1}. ${line}`),
      `Fix: ${fixCommand(kind, host)}`,
      `  (or set ${ENV_VAR[kind]} to a ${kind === 'chromium' ? 'Chromium or Chrome for Testing' : 'Firefox'} executable)`,
    ].join('\n'),
  );
  // The message is the whole story; a stack trace would only bury it.
  error.stack = error.message;
  return error;
}
