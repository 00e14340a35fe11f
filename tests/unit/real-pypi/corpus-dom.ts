import { readAccountPage } from '@/utils/content/read-page';
import type { PageKind } from '@/utils/pypi/pages';
import type { AccountSnapshot } from '@/utils/pypi/snapshot';
import {
  CORPUS_NOW,
  readCorpusFile,
  urlOf,
  USER_MENU_FILE,
  USER_MENU_INCLUDE,
  type CorpusLocale,
  type Scenario,
} from '../../support/real-pypi';

/** Corpus pages as the content script meets them in a browser (unit tests, happy-dom). */

export const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/**
 * A corpus page as a signed-in user's browser holds it once PyPI's script has filled in the
 * header's user menu (a client-side include, answered per locale by the corpus).
 */
export function corpusDocument(scenario: Scenario, locale: CorpusLocale, file: string, html = readCorpusFile(scenario, locale, file)): Document {
  const doc = parseHtml(html);
  const placeholder = doc.querySelector(`[data-html-include="${USER_MENU_INCLUDE}"]`);
  if (placeholder) placeholder.replaceChildren(...parseHtml(readCorpusFile(scenario, locale, USER_MENU_FILE)).body.childNodes);
  return doc;
}

/**
 * Reads a corpus page the way the content script does (utils/content/read-page.ts): detection, the
 * late user menu, and the English copy PyPI sends for `?_LOCALE_=en`, answered from the corpus's
 * `en` folder. `doc` is the page already parsed by `corpusDocument`; `html` replaces the page's
 * own markup (an altered page), `englishHtml` its English copy.
 */
export async function readCorpusPage(
  scenario: Scenario,
  locale: CorpusLocale,
  file: string,
  options: { doc?: Document; html?: string; englishHtml?: string; now?: number } = {},
): Promise<{ kind: PageKind; snapshot: AccountSnapshot | null; englishCopies: number }> {
  const url = urlOf(scenario, file);
  let englishCopies = 0;
  const doc = options.doc ?? corpusDocument(scenario, locale, file, options.html);
  const { kind, snapshot } = await readAccountPage(url, doc, {
    now: () => options.now ?? CORPUS_NOW,
    fetchHtml: async (path) => {
      if (path !== `${url.pathname}?_LOCALE_=en`) return null;
      englishCopies++;
      return options.englishHtml ?? readCorpusFile(scenario, 'en', file);
    },
  });
  return { kind, snapshot, englishCopies };
}
