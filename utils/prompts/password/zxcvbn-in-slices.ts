import mainZxcvbn from 'zxcvbn/lib/main.js';
import matching from 'zxcvbn/lib/matching.js';
import { WORD_LISTS } from 'virtual:zxcvbn-word-lists';
import type { Slicer } from '../../dom/slices';
import type { Zxcvbn } from './evaluate';

/** Words ranked per unit of work between checkpoints: a few ms each. */
const WORDS_PER_CHUNK = 4_000;

type RankedDictionary = Record<string, number>;

/**
 * zxcvbn 4.4.2, ready to score, built without ever holding the page's main thread for long.
 * Loaded as it is, the package turns its six word lists (~95,000 words) into ranked dictionaries
 * in one 100–200 ms task. Here its matcher comes without them (scripts/vite/zxcvbn-word-lists.ts)
 * and they are built in slices — split, then ranked a few thousand words at a time into Maps —
 * and handed to the matcher's own dictionary matching. Scoring is the package's code, unchanged;
 * a unit test checks results are exactly those of its untouched bundle.
 */
export async function zxcvbnInSlices(slicer: Slicer): Promise<Zxcvbn> {
  const dictionaries: Record<string, RankedDictionary> = {};
  for (const [name, list] of Object.entries(WORD_LISTS)) {
    await slicer.checkpoint();
    const words = list.split(',');
    const ranks = new Map<string, number>();
    for (let start = 0; start < words.length; start += WORDS_PER_CHUNK) {
      await slicer.checkpoint();
      rank(ranks, words, start, Math.min(start + WORDS_PER_CHUNK, words.length));
    }
    dictionaries[name] = rankedDictionary(ranks);
  }
  useDictionaries(dictionaries);
  return mainZxcvbn;
}

/** Ranks words[start..end) (rank = position + 1); a repeated word keeps its last rank, as zxcvbn's objects do. */
function rank(ranks: Map<string, number>, words: readonly string[], start: number, end: number): void {
  for (let index = start; index < end; index++) {
    const word = words[index]!;
    // zxcvbn assigns `dictionary[word] = rank`, which for "__proto__" stores no word.
    if (word !== '__proto__') ranks.set(word, index + 1);
  }
}

/**
 * A Map-backed ranked list that answers `word in list` and `list[word]` as zxcvbn's plain object
 * would — inherited names such as "constructor" included — without building an object of tens of
 * thousands of keys (several times slower than a Map on a cold page).
 */
function rankedDictionary(ranks: Map<string, number>): RankedDictionary {
  const plain: RankedDictionary = {};
  return new Proxy(plain, {
    has: (target, key) => (typeof key === 'string' && ranks.has(key)) || key in target,
    get: (target, key) => (typeof key === 'string' && ranks.has(key) ? ranks.get(key) : Reflect.get(target, key)),
  });
}

/**
 * Points the matcher at these dictionaries: its dictionary matching (used directly, reversed and
 * with l33t substitutions) reads them, and each call's user inputs are added after the six lists,
 * in the order zxcvbn itself keeps them.
 */
function useDictionaries(frequencyLists: Record<string, RankedDictionary>): void {
  const dictionaries: Record<string, RankedDictionary> = { ...frequencyLists };
  const dictionaryMatch = matching.dictionary_match;
  matching.set_user_input_dictionary = (orderedList) => {
    const ranks = new Map<string, number>();
    rank(ranks, orderedList, 0, orderedList.length);
    dictionaries.user_inputs = rankedDictionary(ranks);
  };
  matching.dictionary_match = function (password) {
    return dictionaryMatch.call(this, password, dictionaries);
  };
}
