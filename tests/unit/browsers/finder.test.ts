import { describe, expect, it, vi } from 'vitest';
import {
  BrowserNotFoundError,
  downloadCommand,
  findOrFetchBrowser,
  locateBrowser,
  playwrightBrowsersDir,
  puppeteerCacheDir,
  type BrowserHost,
  type DownloadCommand,
} from '../../support/browsers/finder';

/**
 * The browser finder over a fake machine: only the files listed exist, folders list what is
 * under them, and the downloader is a stub that "installs" files (or fails). No network, no disk.
 */
interface FakeMachine {
  platform?: NodeJS.Platform;
  env?: Record<string, string>;
  files?: string[];
  osIds?: string[];
  isRoot?: boolean;
  /** Files the stubbed download adds; an Error makes it fail. */
  download?: Partial<Record<'chromium' | 'firefox', string[] | Error>>;
}

function fakeHost(machine: FakeMachine = {}) {
  const files = new Set(machine.files ?? []);
  const platform = machine.platform ?? 'linux';
  const separator = platform === 'win32' ? '\\' : '/';
  const downloads: DownloadCommand[] = [];
  const host: BrowserHost = {
    platform,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...machine.env },
    homeDir: platform === 'win32' ? 'C:\\Users\\ada' : platform === 'darwin' ? '/Users/ada' : '/home/ada',
    projectDir: '/work/project',
    isRoot: machine.isRoot ?? false,
    osIds: machine.osIds ?? (platform === 'linux' ? ['debian'] : []),
    isExecutable: (path) => files.has(path),
    listDir(dir) {
      // Everything after the folder's name up to the next separator (any separator: @puppeteer/browsers joins with the host's).
      const names = [...files].filter((file) => file.startsWith(dir) && /[\\/]/.test(file.charAt(dir.length))).map((file) => file.slice(dir.length + 1).split(/[\\/]/)[0]!);
      return [...new Set(names)];
    },
    download: vi.fn(async (command: DownloadCommand) => {
      downloads.push(command);
      const outcome = machine.download?.[command.kind];
      if (outcome instanceof Error) throw outcome;
      for (const file of outcome ?? []) files.add(file);
    }),
  };
  return { host, downloads, separator };
}

const messageOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BrowserNotFoundError);
  return (error as Error).message;
};

const PW_LINUX = '/home/ada/.cache/ms-playwright';
const PUPPETEER_LINUX = '/home/ada/.cache/puppeteer';

describe('1. CHROMIUM_PATH / FIREFOX_PATH', () => {
  it('is used first, before any system browser', async () => {
    const { host } = fakeHost({ env: { CHROMIUM_PATH: '/opt/chromium/chrome' }, files: ['/opt/chromium/chrome', '/usr/bin/chromium'] });
    expect(await findOrFetchBrowser('chromium', host)).toEqual({ kind: 'chromium', executablePath: '/opt/chromium/chrome', source: 'CHROMIUM_PATH' });
  });

  it('FIREFOX_PATH is used for Firefox', async () => {
    const { host } = fakeHost({ env: { FIREFOX_PATH: '/opt/ff/firefox' }, files: ['/opt/ff/firefox', '/usr/bin/firefox-esr'] });
    expect((await findOrFetchBrowser('firefox', host)).executablePath).toBe('/opt/ff/firefox');
  });

  it('pointing at nothing fails at once, naming the variable, and downloads nothing', async () => {
    const { host } = fakeHost({ env: { CHROMIUM_PATH: '/nope/chrome' }, files: ['/usr/bin/chromium'] });
    expect(await messageOf(findOrFetchBrowser('chromium', host))).toMatch(/^CHROMIUM_PATH=\/nope\/chrome is not an executable file/);
    expect(host.download).not.toHaveBeenCalled();
  });
});

describe('2. the system browser', () => {
  it('Linux: chromium on PATH, in PATH order', async () => {
    const { host } = fakeHost({ files: ['/usr/bin/chromium', '/usr/local/bin/chromium', '/usr/bin/chromium-browser'] });
    expect(await findOrFetchBrowser('chromium', host)).toEqual({ kind: 'chromium', executablePath: '/usr/local/bin/chromium', source: 'chromium on PATH' });
  });

  it('Linux: chromium-browser (Ubuntu) when there is no chromium', async () => {
    const { host } = fakeHost({ files: ['/usr/bin/chromium-browser'] });
    expect((await findOrFetchBrowser('chromium', host)).executablePath).toBe('/usr/bin/chromium-browser');
  });

  it('Linux: firefox-esr before firefox', async () => {
    const { host } = fakeHost({ files: ['/usr/bin/firefox', '/usr/bin/firefox-esr'] });
    expect((await findOrFetchBrowser('firefox', host)).executablePath).toBe('/usr/bin/firefox-esr');
    const { host: onlyFirefox } = fakeHost({ files: ['/usr/bin/firefox'] });
    expect((await findOrFetchBrowser('firefox', onlyFirefox)).executablePath).toBe('/usr/bin/firefox');
  });

  it('a system browser comes before a cached one', async () => {
    const { host } = fakeHost({ files: ['/usr/bin/chromium', `${PW_LINUX}/chromium-1255/chrome-linux64/chrome`] });
    expect((await findOrFetchBrowser('chromium', host)).source).toBe('chromium on PATH');
  });

  it('macOS: Chromium.app, then Chrome for Testing, in /Applications then ~/Applications', async () => {
    const cft = '/Users/ada/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
    const { host } = fakeHost({ platform: 'darwin', files: [cft] });
    expect(await findOrFetchBrowser('chromium', host)).toEqual({ kind: 'chromium', executablePath: cft, source: 'installed application' });
    const { host: both } = fakeHost({ platform: 'darwin', files: [cft, '/Applications/Chromium.app/Contents/MacOS/Chromium'] });
    expect((await findOrFetchBrowser('chromium', both)).executablePath).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
  });

  it('macOS: Firefox.app', async () => {
    const { host } = fakeHost({ platform: 'darwin', files: ['/Applications/Firefox.app/Contents/MacOS/firefox'] });
    expect((await findOrFetchBrowser('firefox', host)).executablePath).toBe('/Applications/Firefox.app/Contents/MacOS/firefox');
  });

  it('Windows: per-user Chromium, then Program Files; Firefox in Program Files', async () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };
    const { host } = fakeHost({ platform: 'win32', env, files: ['C:\\Program Files\\Chromium\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Mozilla Firefox\\firefox.exe'] });
    expect((await findOrFetchBrowser('chromium', host)).executablePath).toBe('C:\\Program Files\\Chromium\\Application\\chrome.exe');
    expect((await findOrFetchBrowser('firefox', host)).executablePath).toBe('C:\\Program Files (x86)\\Mozilla Firefox\\firefox.exe');
  });

  it('branded Google Chrome is never picked, and the message says why it was passed over', async () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const { host } = fakeHost({ platform: 'darwin', env: { CI: 'true' }, files: [chrome] });
    const message = await messageOf(findOrFetchBrowser('chromium', host));
    expect(message).toContain(`Google Chrome at ${chrome}: passed over, branded Chrome ignores --load-extension`);
    const { host: linux } = fakeHost({ env: { CI: 'true' }, files: ['/usr/bin/google-chrome'] });
    expect(await messageOf(findOrFetchBrowser('chromium', linux))).toContain('Google Chrome at /usr/bin/google-chrome: passed over');
  });
});

describe('3. a browser Playwright or @puppeteer/browsers downloaded before', () => {
  it("Playwright's newest Chromium revision (Chrome for Testing layout)", async () => {
    const { host } = fakeHost({
      files: [`${PW_LINUX}/chromium-1200/chrome-linux64/chrome`, `${PW_LINUX}/chromium-1255/chrome-linux64/chrome`, `${PW_LINUX}/chromium_headless_shell-1300/chrome-headless-shell-linux64/chrome-headless-shell`],
    });
    expect(await findOrFetchBrowser('chromium', host)).toEqual({ kind: 'chromium', executablePath: `${PW_LINUX}/chromium-1255/chrome-linux64/chrome`, source: "Playwright's cache" });
  });

  it("Playwright's older Chromium layout, under PLAYWRIGHT_BROWSERS_PATH", async () => {
    const { host } = fakeHost({ env: { PLAYWRIGHT_BROWSERS_PATH: '/srv/pw' }, files: ['/srv/pw/chromium-1097/chrome-linux/chrome', `${PW_LINUX}/chromium-1255/chrome-linux64/chrome`] });
    expect((await findOrFetchBrowser('chromium', host)).executablePath).toBe('/srv/pw/chromium-1097/chrome-linux/chrome');
  });

  it("Playwright's cache folder per OS, as Playwright computes it", () => {
    expect(playwrightBrowsersDir(fakeHost().host)).toBe(PW_LINUX);
    expect(playwrightBrowsersDir(fakeHost({ env: { XDG_CACHE_HOME: '/xdg' } }).host)).toBe('/xdg/ms-playwright');
    expect(playwrightBrowsersDir(fakeHost({ platform: 'darwin' }).host)).toBe('/Users/ada/Library/Caches/ms-playwright');
    expect(playwrightBrowsersDir(fakeHost({ platform: 'win32', env: { LOCALAPPDATA: 'D:\\Local' } }).host)).toBe('D:\\Local\\ms-playwright');
    expect(playwrightBrowsersDir(fakeHost({ env: { PLAYWRIGHT_BROWSERS_PATH: '0' } }).host)).toBe('/work/project/node_modules/playwright-core/.local-browsers');
  });

  it("Playwright's Firefox is not taken for Firefox (a patched build)", async () => {
    const { host } = fakeHost({ env: { CI: 'true' }, files: [`${PW_LINUX}/firefox-1572/firefox/firefox`] });
    expect(await messageOf(findOrFetchBrowser('firefox', host))).toContain("not used for Firefox (Playwright's Firefox is a patched build)");
  });

  it("@puppeteer/browsers' Chrome for Testing, newest build first, after Playwright's", async () => {
    const { host } = fakeHost({ files: [`${PUPPETEER_LINUX}/chrome/linux-131.0.6778.85/chrome-linux64/chrome`, `${PUPPETEER_LINUX}/chrome/linux-140.0.7339.80/chrome-linux64/chrome`] });
    expect(await findOrFetchBrowser('chromium', host)).toEqual({ kind: 'chromium', executablePath: `${PUPPETEER_LINUX}/chrome/linux-140.0.7339.80/chrome-linux64/chrome`, source: "@puppeteer/browsers' cache" });
    const { host: withPlaywright } = fakeHost({ files: [`${PUPPETEER_LINUX}/chrome/linux-140.0.7339.80/chrome-linux64/chrome`, `${PW_LINUX}/chromium-1255/chrome-linux64/chrome`] });
    expect((await findOrFetchBrowser('chromium', withPlaywright)).source).toBe("Playwright's cache");
  });

  it("@puppeteer/browsers' Firefox, under PUPPETEER_CACHE_DIR; other platforms' builds are ignored", async () => {
    const { host } = fakeHost({ env: { PUPPETEER_CACHE_DIR: '/pc' }, files: ['/pc/firefox/mac-stable_146.0/Firefox.app/Contents/MacOS/firefox', '/pc/firefox/linux-esr_140.5.0/firefox/firefox'] });
    expect(await findOrFetchBrowser('firefox', host)).toEqual({ kind: 'firefox', executablePath: '/pc/firefox/linux-esr_140.5.0/firefox/firefox', source: "@puppeteer/browsers' cache" });
    expect(puppeteerCacheDir(fakeHost().host)).toBe(PUPPETEER_LINUX);
  });
});

describe('4. a download with the ecosystem tool', () => {
  it('Chromium: Playwright CLI, only when nothing was found; the downloaded build is used', async () => {
    const { host, downloads } = fakeHost({ download: { chromium: [`${PW_LINUX}/chromium-1255/chrome-linux64/chrome`] } });
    expect(await findOrFetchBrowser('chromium', host)).toEqual({
      kind: 'chromium',
      executablePath: `${PW_LINUX}/chromium-1255/chrome-linux64/chrome`,
      source: 'downloaded now (npx playwright install chromium)',
    });
    expect(downloads).toEqual([{ kind: 'chromium', display: 'npx playwright install chromium', tool: 'playwright', args: ['install', 'chromium'] }]);
  });

  it('Firefox: @puppeteer/browsers, ESR like CI, into the cache the finder reads', async () => {
    const { host, downloads } = fakeHost({ download: { firefox: [`${PUPPETEER_LINUX}/firefox/linux-esr_140.5.0/firefox/firefox`] } });
    expect((await findOrFetchBrowser('firefox', host)).executablePath).toBe(`${PUPPETEER_LINUX}/firefox/linux-esr_140.5.0/firefox/firefox`);
    expect(downloads[0]).toMatchObject({ tool: '@puppeteer/browsers', channel: 'esr', cacheDir: PUPPETEER_LINUX });
  });

  it('nothing is downloaded when a browser is found', async () => {
    const { host } = fakeHost({ files: ['/usr/bin/chromium'] });
    await findOrFetchBrowser('chromium', host);
    expect(host.download).not.toHaveBeenCalled();
  });

  it('a failed download (offline, no permission): one message with every place tried and the fix', async () => {
    const { host } = fakeHost({ download: { chromium: new Error('exit code 1') } });
    const message = await messageOf(findOrFetchBrowser('chromium', host));
    expect(message.split('\n')).toEqual([
      'No Chromium found to load PyPI Guard into. Tried, in order:',
      '  1. CHROMIUM_PATH: not set',
      '  2. chromium, chromium-browser on PATH: not found',
      `  3. Playwright's cache (${PW_LINUX}): no chromium-* build`,
      `  4. @puppeteer/browsers' cache (${PUPPETEER_LINUX}): no chrome or chromium build`,
      '  5. download with `npx playwright install chromium`: failed (exit code 1)',
      'Fix: sudo apt-get install -y chromium',
      '  (or set CHROMIUM_PATH to a Chromium or Chrome for Testing executable)',
    ]);
  });

  it('a download that finishes without a browser still fails, saying so', async () => {
    const { host } = fakeHost({ platform: 'darwin', download: { firefox: [] } });
    const message = await messageOf(findOrFetchBrowser('firefox', host));
    expect(message).toContain('finished, but no Firefox appeared in the caches above');
    expect(message).toContain(`Fix: ${downloadCommand('firefox', host).display}`);
  });
});

describe('CI=true downloads nothing', () => {
  it('fails at once with the message; on Debian the fix is its package (no sudo as root)', async () => {
    const { host } = fakeHost({ env: { CI: 'true' }, isRoot: true, download: { firefox: ['/never'] } });
    const message = await messageOf(findOrFetchBrowser('firefox', host));
    expect(host.download).not.toHaveBeenCalled();
    expect(message).toContain('download: not tried, CI=true (CI installs its browsers itself)');
    expect(message).toContain('Fix: apt-get install -y firefox-esr\n');
  });

  it('the fix names the download command where Debian packages are not the answer (Ubuntu, macOS, Windows)', async () => {
    for (const machine of [{ osIds: ['ubuntu', 'debian'] }, { platform: 'darwin' as const }, { platform: 'win32' as const }]) {
      const { host } = fakeHost({ ...machine, env: { CI: '1' } });
      expect(await messageOf(findOrFetchBrowser('chromium', host))).toContain('Fix: npx playwright install chromium\n');
    }
  });
});

describe('locateBrowser alone never downloads', () => {
  it('reports what it tried', () => {
    const { host } = fakeHost({ platform: 'win32', env: { ProgramFiles: 'C:\\Program Files' } });
    const located = locateBrowser('firefox', host);
    expect(located.found).toBeUndefined();
    expect(located.tried[1]).toBe('C:\\Users\\ada\\AppData\\Local\\Mozilla Firefox\\firefox.exe, C:\\Program Files\\Mozilla Firefox\\firefox.exe: not found');
    expect(host.download).not.toHaveBeenCalled();
  });
});
