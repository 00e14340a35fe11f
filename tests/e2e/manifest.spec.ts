import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { chromeExtensionDir, repoRoot } from './support/paths';
import { lookalikeOf } from '../../utils/prompts/lookalike/detect';
import { HIBP_RANGE_ORIGIN } from '../../utils/prompts/breach/hibp';
import { projectJsonUrl } from '../../utils/recovery/project-json-url';
import { LOOKALIKE_OPT_IN_ORIGINS } from '../../utils/prompts/lookalike/opt-in';
import { rdapOrigins } from '../../utils/email-domain/bootstrap';
import { candidateKinds, PAGE_DEFINITIONS } from '../../utils/pypi/pages';
import { matchPatternCovers } from '../../utils/pypi/match-patterns';
import { FACT_PATHS, FACT_ROUTES, samplePathsOf } from '../fixtures/pypi/facts-routes';

// Reads the manifest the e2e run built (global setup), not the config: what ships is what counts.
const manifest = JSON.parse(readFileSync(path.join(chromeExtensionDir, 'manifest.json'), 'utf8')) as {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; run_at?: string }[];
  incognito?: string;
  minimum_chrome_version?: string;
  content_security_policy?: { extension_pages?: string };
  name: string;
  description: string;
  default_locale?: string;
  icons: Record<string, string>;
};

/** Each permission we may ask for, and the API call in our source that needs it. */
const PERMISSION_USES: Record<string, RegExp> = {
  alarms: /browser\.alarms\./,
  notifications: /browser\.notifications\./,
  storage: /browser\.storage\.|storage\.(get|set|remove)Items?\(/,
  tabs: /browser\.tabs\.(query|get)\(.*url/,
  activeTab: /browser\.tabs\.query\(\{ active: true/,
  scripting: /browser\.scripting\.registerContentScripts\(/,
};

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx)$/.test(name) && !/\.test\./.test(name) ? [full] : [];
  });
}
const productSource = ['entrypoints', 'utils', 'components']
  .flatMap((dir) => sourceFiles(path.join(repoRoot, dir)))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

test('the manifest names the extension, with icons at 16/32/48/128', () => {
  // Name and description come from the catalogue of the browser's language, English by default.
  expect(manifest.default_locale).toBe('en');
  expect(manifest.name).toBe('__MSG_extension_name__');
  expect(manifest.description).toBe('__MSG_extension_description__');
  const english = JSON.parse(readFileSync(path.join(chromeExtensionDir, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
  expect(english.extension_name?.message).toBe('PyPI Guard');
  expect(english.extension_description?.message.length).toBeGreaterThan(20);
  expect(Object.keys(manifest.icons).sort()).toEqual(['128', '16', '32', '48']);
});

test('every permission is one the code uses', () => {
  for (const permission of manifest.permissions ?? []) {
    expect(PERMISSION_USES[permission], `unexpected permission ${permission}`).toBeDefined();
    expect(productSource, `${permission} is declared but not used`).toMatch(PERMISSION_USES[permission]!);
  }
});

test('host access at install: none beyond the content scripts’ own matches; all sites only as the opt-in’s optional permission', () => {
  // PyPI's two sites, where the content scripts run anyway (the same install warning): the background
  // injects the prompts and zxcvbn there only once a password field is used (load-on-demand.ts).
  expect(manifest.host_permissions ?? []).toEqual(['https://pypi.org/*', 'https://test.pypi.org/*']);
  // All sites only as an optional permission, asked for by the look-alike opt-in in the options page.
  expect(manifest.optional_host_permissions ?? []).toEqual(LOOKALIKE_OPT_IN_ORIGINS);
  expect(productSource).toMatch(/browser\.permissions\.request\(\{ origins: LOOKALIKE_OPT_IN_ORIGINS \}\)/);
  expect(manifest.optional_permissions ?? []).toEqual([]);
  const scripts = manifest.content_scripts ?? [];
  const pypiScripts = scripts.filter((script) => !script.js?.some((file) => file.includes('lookalike')));
  expect(pypiScripts.length).toBeGreaterThan(0);
  for (const pattern of pypiScripts.flatMap((script) => script.matches)) {
    expect(pattern, pattern).toMatch(/^https:\/\/(test\.)?pypi\.org\/[^*]/);
  }
});

test('the look-alike warning runs only on hosts that imitate PyPI', () => {
  const lookalikeScripts = (manifest.content_scripts ?? []).filter((script) => script.js?.some((file) => file.includes('lookalike')));
  expect(lookalikeScripts).toHaveLength(1);
  for (const pattern of lookalikeScripts[0]!.matches) {
    expect(pattern).not.toBe('<all_urls>');
    const host = /^\*:\/\/\*\.([a-z0-9.-]+)\/\*$/.exec(pattern)?.[1];
    expect(host, pattern).toBeDefined();
    expect(['pypi.org', 'test.pypi.org']).not.toContain(host);
    expect(lookalikeOf(host!), `${host} is not a PyPI look-alike`).not.toBeNull();
  }
});

const allMatches = (manifest.content_scripts ?? []).flatMap((script) => script.matches);
const scriptsCovering = (url: string) =>
  (manifest.content_scripts ?? []).filter((script) => script.matches.some((pattern) => matchPatternCovers(pattern, url))).flatMap((script) => script.js ?? []);
const accountScript = (manifest.content_scripts ?? []).find((script) => script.js?.includes('content-scripts/account.js'));

test('content scripts never match PyPI home, project or search pages', () => {
  for (const url of ['https://pypi.org/', 'https://pypi.org/project/requests/', 'https://pypi.org/search/?q=x', 'https://pypi.org/simple/', 'https://test.pypi.org/project/x/']) {
    expect(allMatches.some((pattern) => matchPatternCovers(pattern, url)), url).toBe(false);
  }
});

// Every path of pypi-facts.md §1 (transcribed in FACT_PATHS), on both hosts, with and without a
// query: one that no page kind handles must get no content script of ours at all.
test('facts routes that no page kind handles get no content script', () => {
  const handled = new Set(FACT_ROUTES.map((route) => route.path));
  const unhandled = FACT_PATHS.filter((template) => !handled.has(template));
  expect(unhandled).toEqual(expect.arrayContaining(['/account/logout/', '/account/verify-email/', '/account/view-terms-of-service/', '/manage/account/publishing/', '/manage/account/totp-provision/image']));
  for (const samplePath of unhandled.flatMap(samplePathsOf)) {
    for (const host of ['pypi.org', 'test.pypi.org']) {
      for (const url of [`https://${host}${samplePath}`, `https://${host}${samplePath}?token=abc`]) {
        expect(candidateKinds(new URL(url)), url).toEqual([]);
        expect(scriptsCovering(url), url).toEqual([]);
      }
    }
  }
});

test('the account script runs on every URL a page kind accepts, and on the facts routes it handles', () => {
  expect(accountScript).toBeDefined();
  const examples = [
    ...PAGE_DEFINITIONS.flatMap((definition) => definition.examples.accept),
    ...FACT_ROUTES.flatMap((route) => ['pypi.org', 'test.pypi.org'].map((host) => `https://${host}${route.example}`)),
  ];
  for (const url of examples) {
    expect(accountScript!.matches.some((pattern) => matchPatternCovers(pattern, url)), url).toBe(true);
  }
  // And nowhere else: each of its patterns, with its wildcard filled in, is a page some kind accepts.
  for (const pattern of accountScript!.matches) {
    const sample = pattern.replace('/*/', '/alice/').replace(/\?\*$/, '?x=1');
    expect(candidateKinds(new URL(sample)).length, pattern).toBeGreaterThan(0);
  }
});

test('private windows: PyPI Guard cannot be enabled in them at all', () => {
  expect(manifest.incognito).toBe('not_allowed');
});

test('the minimum Chrome version covers the newest API the code calls', () => {
  expect(manifest.minimum_chrome_version).toBe('116');
  // The newest of them: AbortSignal.any (Chrome 116). If this moves, so must the manifest.
  expect(productSource).toMatch(/AbortSignal\.any\(/);
  // documentIds in executeScript (106) and storage.session (102) are older.
  expect(productSource).toMatch(/documentIds: \[sender\.documentId\]/);
});

test('extension pages may connect only to the services the code calls', () => {
  const policy = manifest.content_security_policy?.extension_pages ?? '';
  const directives = Object.fromEntries(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(directives['script-src']).toEqual(["'self'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  const registries = rdapOrigins();
  expect(registries.length).toBeGreaterThan(0);
  expect(directives['connect-src']?.sort()).toEqual(
    [...new Set(['https://api.pwnedpasswords.com', 'https://pypi.org', 'https://test.pypi.org', ...registries])].sort(),
  );
  // …and those are what the code calls: Have I Been Pwned, PyPI's JSON API on both hosts, and the
  // registries' RDAP servers of the IANA bootstrap file (the email-domain check, opt-in).
  for (const url of [HIBP_RANGE_ORIGIN, projectJsonUrl('pypi.org', 'x'), projectJsonUrl('test.pypi.org', 'x')]) {
    expect(directives['connect-src'], url).toContain(new URL(url).origin);
  }
});

test('the look-alike warning starts with the page on the declared domains (no password-field wait)', () => {
  const lookalikeScript = (manifest.content_scripts ?? []).find((script) => script.js?.some((file) => file.includes('lookalike')));
  expect(lookalikeScript?.run_at).toBe('document_start');
});
