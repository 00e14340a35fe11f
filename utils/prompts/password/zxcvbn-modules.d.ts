// zxcvbn 4.4.2's own modules, as utils/prompts/password/zxcvbn-in-slices.ts uses them.
declare module 'zxcvbn/lib/main.js' {
  import type zxcvbn from 'zxcvbn';
  const main: typeof zxcvbn;
  export default main;
}

declare module 'zxcvbn/lib/matching.js' {
  /** A ranked word list as the matcher reads it: `word in list`, `list[word]` (1 = most common). */
  type RankedDictionary = Record<string, number>;
  interface Matching {
    dictionary_match(this: Matching, password: string, rankedDictionaries?: Record<string, RankedDictionary>): unknown[];
    set_user_input_dictionary(orderedList: string[]): unknown;
  }
  const matching: Matching;
  export default matching;
}

// Built by scripts/vite/zxcvbn-word-lists.ts from the installed zxcvbn package.
declare module 'virtual:zxcvbn-word-lists' {
  /** Each of zxcvbn's six word lists, most common first, comma-separated. */
  export const WORD_LISTS: Record<string, string>;
}

// The package's own self-contained bundle, untouched: what zxcvbn-in-slices.ts is checked against.
declare module 'zxcvbn/dist/zxcvbn.js' {
  import type zxcvbn from 'zxcvbn';
  const bundle: typeof zxcvbn;
  export default bundle;
}
