import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import {
  CORPUS_LOCALES,
  expectedOf,
  readCorpusFile,
  USER_MENU_FILE,
  USER_MENU_INCLUDE,
  type CorpusLocale,
  type Scenario,
} from '../../support/real-pypi';
import { repoRoot } from './paths';

/** Who is signed in on the corpus's pypi.org, and pages to serve altered (a page PyPI changed). */
export interface CorpusSite {
  scenario: Scenario;
  /** `<locale>/<file>` → the markup to send instead of the corpus file. */
  altered: Map<string, string>;
  /** Every path the browser or the extension asked pypi.org for, with its query. */
  requests: string[];
}

/**
 * PyPI's own script fills each `[data-html-include]` after load (the header's user menu among
 * them); the fake PyPI's stand-in does the same, and is sent for the corpus's script bundles.
 */
const INCLUDE_SCRIPT = readFileSync(path.join(repoRoot, 'tests/fixtures/pypi/static/fake-warehouse.js'), 'utf8');

/** The corpus page a path shows: the routes of expected.json (the two-factor step with any query). */
function fileFor(scenario: Scenario, pathname: string): string | undefined {
  if (pathname === USER_MENU_INCLUDE) return USER_MENU_FILE;
  const files = expectedOf(scenario).files;
  return Object.entries(files).find(([key, route]) => key.startsWith('en/') && route.path.replace(/\?.*$/, '') === pathname)?.[0].slice(3);
}

/** PyPI's negotiation: `?_LOCALE_=` for this request, else the `_LOCALE_` cookie, else English. */
function localeOf(url: URL, cookieHeader: string | undefined): CorpusLocale {
  const known = (value: string | null | undefined): value is CorpusLocale => (CORPUS_LOCALES as readonly string[]).includes(value ?? '');
  const query = url.searchParams.get('_LOCALE_');
  if (known(query)) return query;
  const cookie = /(?:^|;\s*)_LOCALE_=([^;]+)/.exec(cookieHeader ?? '')?.[1];
  return known(cookie) ? cookie : 'en';
}

/**
 * Answers https://pypi.org/** from the corpus, as PyPI would for the signed-in `site.scenario`:
 * pages at their routes in the negotiated locale, the user-menu include, the script that fetches
 * it; other static files and includes are empty, any other path is a 404. Every other host is
 * aborted, so nothing reaches the network.
 */
export async function routeCorpus(context: BrowserContext, site: CorpusSite): Promise<void> {
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  await context.route('https://pypi.org/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    site.requests.push(`${url.pathname}${url.search}`);
    if (/^\/static\/js\/warehouse(\.[\w-]+)?\.js$/.test(url.pathname)) {
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: INCLUDE_SCRIPT });
      return;
    }
    const file = fileFor(site.scenario, url.pathname);
    if (!file) {
      // Stylesheets, images, flash messages and banners: empty, as a page without any would be.
      const isAsset = url.pathname.startsWith('/static/') || url.pathname.startsWith('/_includes/');
      await route.fulfill(isAsset ? { status: 200, body: '' } : { status: 404, contentType: 'text/html; charset=utf-8', body: '<!DOCTYPE html><title>404</title>' });
      return;
    }
    const locale = localeOf(url, (await request.allHeaders()).cookie);
    const body = site.altered.get(`${locale}/${file}`) ?? readCorpusFile(site.scenario, locale, file);
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}
