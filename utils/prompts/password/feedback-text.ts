import { formatDuration } from '@/utils/text/format';
import { t, type MessageId } from '@/utils/text/messages';

/**
 * zxcvbn words its feedback and crack times in English only. PyPI Guard says them in the reader's
 * language: each of zxcvbn 4.4.2's fixed feedback sentences (lib/feedback.js) has a message of its
 * own, and a crack time is a number of seconds put into words by Intl in the UI language.
 */
const FEEDBACK: Record<string, MessageId> = {
  'Straight rows of keys are easy to guess': 'zxcvbn_warning_straight_rows',
  'Short keyboard patterns are easy to guess': 'zxcvbn_warning_short_keyboard_patterns',
  'Repeats like "aaa" are easy to guess': 'zxcvbn_warning_repeated_character',
  'Repeats like "abcabcabc" are only slightly harder to guess than "abc"': 'zxcvbn_warning_repeated_pattern',
  'Sequences like abc or 6543 are easy to guess': 'zxcvbn_warning_sequences',
  'Recent years are easy to guess': 'zxcvbn_warning_recent_years',
  'Dates are often easy to guess': 'zxcvbn_warning_dates',
  'This is a top-10 common password': 'zxcvbn_warning_top_10',
  'This is a top-100 common password': 'zxcvbn_warning_top_100',
  'This is a very common password': 'zxcvbn_warning_very_common',
  'This is similar to a commonly used password': 'zxcvbn_warning_similar_to_common',
  'A word by itself is easy to guess': 'zxcvbn_warning_single_word',
  'Names and surnames by themselves are easy to guess': 'zxcvbn_warning_names_alone',
  'Common names and surnames are easy to guess': 'zxcvbn_warning_common_names',
  'Use a few words, avoid common phrases': 'zxcvbn_suggestion_few_words',
  'No need for symbols, digits, or uppercase letters': 'zxcvbn_suggestion_no_symbols_needed',
  'Add another word or two. Uncommon words are better.': 'zxcvbn_suggestion_another_word',
  'Use a longer keyboard pattern with more turns': 'zxcvbn_suggestion_longer_keyboard_pattern',
  'Avoid repeated words and characters': 'zxcvbn_suggestion_avoid_repeats',
  'Avoid sequences': 'zxcvbn_suggestion_avoid_sequences',
  'Avoid recent years': 'zxcvbn_suggestion_avoid_recent_years',
  'Avoid years that are associated with you': 'zxcvbn_suggestion_avoid_your_years',
  'Avoid dates and years that are associated with you': 'zxcvbn_suggestion_avoid_your_dates',
  "Capitalization doesn't help very much": 'zxcvbn_suggestion_capitals',
  'All-uppercase is almost as easy to guess as all-lowercase': 'zxcvbn_suggestion_all_uppercase',
  "Reversed words aren't much harder to guess": 'zxcvbn_suggestion_reversed_words',
  "Predictable substitutions like '@' instead of 'a' don't help very much": 'zxcvbn_suggestion_substitutions',
};

/** A zxcvbn feedback sentence in the UI language; empty stays empty (zxcvbn's "nothing to say"). */
export function feedbackText(english: string): string {
  if (english === '') return '';
  const id = FEEDBACK[english];
  // A sentence a later zxcvbn adds is shown as it comes rather than dropped: it is still advice.
  return id ? t(id) : english;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 31 * DAY;
const YEAR = 12 * MONTH;
const CENTURY = 100 * YEAR;

/** zxcvbn's own steps (lib/time_estimates.js display_time), said by Intl: "3 hours", "3 Stunden", "3時間". */
export function crackTimeText(seconds: number): string {
  if (seconds < 1) return t('password_crack_time_instant');
  if (seconds >= CENTURY) return t('password_crack_time_centuries');
  const [unit, size] =
    seconds < MINUTE ? (['second', 1] as const)
    : seconds < HOUR ? (['minute', MINUTE] as const)
    : seconds < DAY ? (['hour', HOUR] as const)
    : seconds < MONTH ? (['day', DAY] as const)
    : seconds < YEAR ? (['month', MONTH] as const)
    : (['year', YEAR] as const);
  return formatDuration(Math.round(seconds / size), unit);
}
