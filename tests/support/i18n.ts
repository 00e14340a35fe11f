import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetUiLanguage } from '@/utils/text/messages';

/**
 * browser.i18n for unit tests, reading the extension's own catalogues (public/_locales) the way
 * Chrome does: the UI language's folder (pt-BR → pt_BR, then its language alone), any key it lacks
 * from the default locale (en), placeholders filled from `$1`…`$9`, `$$` for a dollar sign, and the
 * predefined `@@bidi_dir` / `@@ui_locale`. English unless a test calls useUiLanguage.
 */

export const LOCALES_DIR = path.resolve(__dirname, '../../public/_locales');
const RTL_LANGUAGES = new Set(['he', 'ar', 'fa', 'ur']);

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

const catalogues = new Map<string, Catalogue>();

/** The locale folders the build ships (en, de, ja, pt_BR…). */
export const shippedLocales = (): string[] => readdirSync(LOCALES_DIR).filter((name) => existsSync(path.join(LOCALES_DIR, name, 'messages.json')));

export function readCatalogue(locale: string): Catalogue {
  let catalogue = catalogues.get(locale);
  if (!catalogue) {
    catalogue = JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalogue;
    catalogues.set(locale, catalogue);
  }
  return catalogue;
}

/** The folder Chrome would read for a UI language, or null (then only English). */
function folderFor(uiLanguage: string): string | null {
  const [primary, region] = uiLanguage.split(/[-_]/);
  const shipped = shippedLocales();
  const exact = region ? `${primary}_${region.toUpperCase()}` : primary!;
  if (shipped.includes(exact)) return exact;
  return shipped.includes(primary!) ? primary! : null;
}

/** A message as Chrome's getMessage fills it. */
export function fillMessage(entry: CatalogueEntry, substitutions: readonly string[]): string {
  const positional = (text: string) => text.replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]));
  return entry.message
    .replace(/\$\$|\$(\w+)\$/g, (match, name?: string) => (name === undefined ? '$' : placeholders.has(name.toLowerCase()) ? positional(placeholders.get(name.toLowerCase())!) : match));
}

let currentLanguage = 'en-US';
/** The folder for currentLanguage, found once per language: listing the folders on every message made t() slow in tests. */
let currentFolder: string | null | undefined;

function getMessage(key: string, substitutions?: string | string[]): string {
  if (currentFolder === undefined) currentFolder = folderFor(currentLanguage);
  const folder = currentFolder;
  if (key === '@@bidi_dir') return RTL_LANGUAGES.has((folder ?? 'en').split('_')[0]!) ? 'rtl' : 'ltr';
  if (key === '@@ui_locale') return currentLanguage.replace('-', '_');
  const entry = (folder ? readCatalogue(folder)[key] : undefined) ?? readCatalogue('en')[key];
  if (!entry) return '';
  return fillMessage(entry, substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions);
}

/** Makes the fake browser speak `language` ("ja", "he", "en-US") from now on. */
export function useUiLanguage(language: string): void {
  currentLanguage = language;
  currentFolder = undefined;
  forgetUiLanguage();
}

export function installFakeI18n(): void {
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => currentLanguage;
}
