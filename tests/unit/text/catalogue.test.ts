// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readCatalogue, shippedLocales, type CatalogueEntry } from '../../support/i18n';

/**
 * Every shipped catalogue (public/_locales/<locale>/messages.json) is whole: each English message
 * is there, with the same placeholders, and a counted message has exactly the plural forms its
 * language has (CLDR, as Intl.PluralRules knows them). A locale that is not finished is not
 * shipped: Chrome would fill its gaps with English mid-sentence.
 */

/** PyPI's 14 languages, as the browser names their folders (PyPI's zh_Hans and zh_Hant are zh_CN and zh_TW). */
const PYPI_LOCALES = ['en', 'es', 'fr', 'ja', 'pt_BR', 'uk', 'el', 'de', 'zh_CN', 'zh_TW', 'ru', 'he', 'eo', 'ko'];
/** Of PyPI's languages, Hebrew is written right to left. */
const RIGHT_TO_LEFT = ['he'];
const PLURAL = /^(.+)__(zero|one|two|few|many|other)$/;

const english = readCatalogue('en');
const englishIds = [...new Set(Object.keys(english).map((key) => PLURAL.exec(key)?.[1] ?? key))];
const countedIds = new Set(Object.keys(english).flatMap((key) => PLURAL.exec(key)?.[1] ?? []));
const tagOf = (locale: string) => locale.replace('_', '-');
const placeholdersOf = (entry: CatalogueEntry | undefined) =>
  Object.entries(entry?.placeholders ?? {})
    .map(([name, { content }]) => `${name.toLowerCase()}=${content}`)
    .sort();
const usedPlaceholders = (entry: CatalogueEntry) => [...entry.message.matchAll(/\$(\w+)\$/g)].map(([, name]) => name!.toLowerCase());

describe('the catalogues', () => {
  it('ship only PyPI’s languages, English among them', () => {
    expect(shippedLocales()).toContain('en');
    expect(shippedLocales().filter((locale) => !PYPI_LOCALES.includes(locale))).toEqual([]);
  });

  it('use keys Chrome accepts', () => {
    for (const locale of shippedLocales()) {
      expect(Object.keys(readCatalogue(locale)).filter((key) => !/^[A-Za-z0-9_]+$/.test(key)), locale).toEqual([]);
    }
  });

  describe.each(shippedLocales())('%s', (locale) => {
    const catalogue = readCatalogue(locale);
    const categories = new Intl.PluralRules(tagOf(locale)).resolvedOptions().pluralCategories;

    it('describes the extension in at most 132 characters (the Chrome Web Store’s limit)', () => {
      expect([...catalogue.extension_description!.message].length).toBeLessThanOrEqual(132);
      expect(catalogue.extension_name?.message.trim()).not.toBe('');
    });

    it('says in which language and direction it is written', () => {
      expect(catalogue.language_tag?.message).toBe(tagOf(locale));
      expect(catalogue.language_direction?.message).toBe(RIGHT_TO_LEFT.includes(locale) ? 'rtl' : 'ltr');
    });

    it('has every message, counted ones in exactly its language’s plural forms', () => {
      const expected = englishIds.flatMap((id) => (countedIds.has(id) ? categories.map((category) => `${id}__${category}`) : [id])).sort();
      expect(Object.keys(catalogue).sort()).toEqual(expected);
    });

    it('declares the same placeholders as English, and uses only declared ones', () => {
      for (const [key, entry] of Object.entries(catalogue)) {
        const id = PLURAL.exec(key)?.[1] ?? key;
        const source = english[id] ?? english[`${id}__other`];
        expect(placeholdersOf(entry), `${locale} ${key}`).toEqual(placeholdersOf(source));
        const declared = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
        expect(usedPlaceholders(entry).filter((name) => !declared.includes(name)), `${locale} ${key}`).toEqual([]);
        expect(entry.message.trim(), `${locale} ${key}`).not.toBe('');
      }
    });

    it('keeps the numbered tags RichText turns into links (<1>…</1>) that English has', () => {
      const tags = (entry: CatalogueEntry | undefined) => [...(entry?.message ?? '').matchAll(/<\/?\d>/g)].map(([tag]) => tag).sort();
      for (const [key, entry] of Object.entries(catalogue)) {
        const id = PLURAL.exec(key)?.[1] ?? key;
        expect(tags(entry), `${locale} ${key}`).toEqual(tags(english[id] ?? english[`${id}__other`]));
      }
    });

    it('uses every placeholder in the forms that need it (a count may be left out of a “one” form)', () => {
      for (const [key, entry] of Object.entries(catalogue)) {
        const plural = PLURAL.exec(key);
        const declared = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
        const needed = plural && plural[2] !== 'other' ? declared.filter((name) => name !== 'count') : declared;
        expect(needed.filter((name) => !usedPlaceholders(entry).includes(name)), `${locale} ${key}`).toEqual([]);
      }
    });
  });
});
