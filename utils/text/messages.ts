import { browser } from 'wxt/browser';
import english from '@/public/_locales/en/messages.json' with { type: 'json' };

/**
 * PyPI Guard's wording lives in the extension i18n catalogue, public/_locales/<locale>/messages.json
 * (English is the source and the browser's fallback), and `t()` is its one reader: popup, prompts,
 * options, drill, recovery assistant, notifications and badge all ask it.
 *
 * - Every message is a whole phrase with named placeholders (`$COUNT$`, declared in the message's
 *   `placeholders`), never pieces glued together, so a translation can reorder and inflect freely.
 * - browser.i18n has no plurals: a counted message has one key per CLDR plural category of its
 *   language (`…__one`, `…__few`, `…__many`, `…__other`; English has one and other, Japanese only
 *   other), and `t()` picks the key with Intl.PluralRules in the catalogue's language.
 * - Ids are the English file's keys, typed: a counted message's id is its key without `__<category>`.
 */

type EnglishKey = keyof typeof english;
type PluralSuffix = `__${Intl.LDMLPluralRule}`;
type BaseId<K> = K extends `${infer Base}${PluralSuffix}` ? Base : K;
export type MessageId = BaseId<EnglishKey>;
export type MessageValues = Record<string, string | number>;

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const ENGLISH: Record<string, CatalogueEntry> = english;

/** The plural forms an English counted message has; the other languages' keys follow theirs. */
const isCounted = (id: string) => `${id}__other` in ENGLISH;

/**
 * A message's placeholder names in their positional order ($1, $2…): getMessage takes the values as
 * a list. Every locale declares the same placeholders for a message (tests/unit/text/catalogue.test.ts).
 */
function placeholderOrder(id: string): string[] {
  const entry = ENGLISH[isCounted(id) ? `${id}__other` : id];
  const placeholders = Object.entries(entry?.placeholders ?? {});
  return placeholders.sort(([, a], [, b]) => Number(a.content.slice(1)) - Number(b.content.slice(1))).map(([name]) => name);
}

/**
 * getMessage with the keys this module builds (`…__few`), which the generated per-key types cannot
 * list. Outside an extension there is no catalogue and no words: the e2e tests' Node process imports
 * the audit's checks (ids, switches) and must not fail on their titles.
 */
const i18n = (): typeof browser.i18n | undefined => (browser as typeof browser | undefined)?.i18n;
const getMessage = (key: string, substitutions: string[] = []): string =>
  (i18n()?.getMessage as ((key: string, substitutions: string[]) => string) | undefined)?.(key, substitutions) ?? '';

const primarySubtag = (tag: string) => tag.split(/[-_]/)[0]!.toLowerCase();

let language: string | undefined;

/**
 * The language PyPI Guard speaks, as a BCP 47 tag for Intl: the browser's UI language when the
 * catalogue the browser picked is in that language ("de-AT" keeps Austrian dates), otherwise the
 * catalogue's own ("en" under an Italian browser, since the words are English), so that dates,
 * numbers and plural forms always agree with the words around them.
 */
export function uiLanguage(): string {
  if (language) return language;
  const catalogue = getMessage('language_tag') || 'en';
  const browserLanguage = (i18n()?.getUILanguage() ?? catalogue).replace('_', '-');
  // A catalogue with a region (pt-BR, zh-TW) keeps its own: its region is part of the words.
  language = !catalogue.includes('-') && primarySubtag(browserLanguage) === catalogue ? browserLanguage : catalogue;
  return language;
}

/** Tests change the browser's language between cases: forget the one worked out before. */
export function forgetUiLanguage(): void {
  language = undefined;
  counts = undefined;
  plurals = undefined;
}

/**
 * `ltr` or `rtl`: the direction of the words, for `dir` on our pages and cards. The catalogue says
 * it (`language_direction`) rather than Chrome's `@@bidi_dir`, which follows the browser's UI
 * language: Chromium started with --lang=he picks the Hebrew catalogue yet keeps an en-US UI, and
 * @@bidi_dir then says ltr for Hebrew words. `@@bidi_dir` stays the answer for a catalogue that
 * does not say.
 */
export function uiDirection(): 'ltr' | 'rtl' {
  const direction = getMessage('language_direction') || getMessage('@@bidi_dir');
  return direction === 'rtl' ? 'rtl' : 'ltr';
}

/** Languages whose writing puts no space between sentences ("…です。…ます。"). */
const NO_SPACE_BETWEEN_SENTENCES = new Set(['ja', 'zh']);

/** Whole sentences, one after another, as the language writes them: a space between, or none in Japanese and Chinese. */
export function joinSentences(sentences: readonly string[]): string {
  return sentences.filter(Boolean).join(NO_SPACE_BETWEEN_SENTENCES.has(primarySubtag(uiLanguage())) ? '' : ' ');
}

/** Names the user gave things (security keys, API tokens), each quoted as the language quotes a name, listed as it lists: "“ci” and “release”". */
export function quotedNames(names: readonly string[]): string {
  return formatList(names.map((name) => t('quoted_name', { name })));
}

/** "a, b and c": a list joined as the language joins one. */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format(items);
}

let counts: Intl.NumberFormat | undefined;
/** The UI language's plural rules, made once: every counted message asks them. */
let plurals: Intl.PluralRules | undefined;
/** A value as the message shows it: a count in the language's digits and grouping ("1,234", "1.234"). */
function shown(name: string, value: string | number): string {
  if (name !== 'count' || typeof value !== 'number') return String(value);
  counts ??= new Intl.NumberFormat(uiLanguage());
  return counts.format(value);
}

/**
 * The message `id` with its placeholders filled from `values`; a counted message picks its plural
 * form by `values.count`. A missing value shows as `{name}`, so it is seen in tests instead of an
 * empty gap.
 */
export function t(id: MessageId, values: MessageValues = {}): string {
  const substitutions = placeholderOrder(id).map((name) => (name in values ? shown(name, values[name]!) : `{${name}}`));
  if (!isCounted(id)) return getMessage(id, substitutions);
  plurals ??= new Intl.PluralRules(uiLanguage());
  const category = plurals.select(Number(values.count));
  // A category the catalogue lacks (a browser whose CLDR data is newer or older than ours) falls back to `other`.
  return getMessage(`${id}__${category}`, substitutions) || getMessage(`${id}__other`, substitutions);
}

/** "login-failure" → "login_failure": an id's part made of a kebab-case value (catalogue keys allow [A-Za-z0-9_] only). */
type KeyPart<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}_${KeyPart<Tail>}` : S;
export const keyPart = <S extends string>(value: S): KeyPart<S> => value.replace(/-/g, '_') as KeyPart<S>;
