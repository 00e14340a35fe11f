import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** The six word lists of zxcvbn 4.4.2, as comma-separated strings: `import { WORD_LISTS } from 'virtual:zxcvbn-word-lists'`. */
export const WORD_LISTS_MODULE = 'virtual:zxcvbn-word-lists';
const RESOLVED_WORD_LISTS = `\0${WORD_LISTS_MODULE}`;
const NO_WORD_LISTS = '\0zxcvbn-matching-without-word-lists';
const LIST_NAMES = ['passwords', 'english_wikipedia', 'female_names', 'surnames', 'us_tv_and_film', 'male_names'];

/**
 * zxcvbn's matcher (`zxcvbn/lib/matching.js`) turns its ~95,000 words into ranked dictionaries as
 * its module loads: one task of 100–200 ms that no caller can split. In the extension's bundles
 * the matcher gets no word lists (its `./frequency_lists` is an empty module) and the lists come
 * as plain strings from a virtual module instead, for utils/prompts/password/zxcvbn-in-slices.ts
 * to build in slices. The lists are read from the installed package at build time, not copied
 * into the project. Unit tests load the package's own modules through Node, untouched.
 */
export function zxcvbnWordLists(): Plugin {
  const require = createRequire(import.meta.url);
  return {
    name: 'pypi-guard:zxcvbn-word-lists',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === WORD_LISTS_MODULE) return RESOLVED_WORD_LISTS;
      if (source === './frequency_lists' && importer && /[\\/]zxcvbn[\\/]lib[\\/]matching\.js$/.test(importer)) return NO_WORD_LISTS;
      return null;
    },
    load(id) {
      if (id === NO_WORD_LISTS) return 'module.exports = {};';
      if (id !== RESOLVED_WORD_LISTS) return null;
      // The package builds each list with `"a,b,c".split(",")`: joined again, it is that string.
      const lists = require('zxcvbn/lib/frequency_lists.js') as Record<string, string[]>;
      if (JSON.stringify(Object.keys(lists)) !== JSON.stringify(LIST_NAMES)) throw new Error(`zxcvbn's frequency_lists.js is not as expected (found ${Object.keys(lists).join(', ')})`);
      const joined = Object.fromEntries(Object.entries(lists).map(([name, words]) => [name, words.join(',')]));
      return `export const WORD_LISTS = ${JSON.stringify(joined)};`;
    },
  };
}
