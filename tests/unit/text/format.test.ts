import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryName, formatDate, formatDateTime, formatDaysAgo, formatDevice, formatPlace, formatPlaceAndDevice } from '@/utils/text/format';
import { formatList, joinSentences, t, uiDirection, uiLanguage } from '@/utils/text/messages';
import { useUiLanguage } from '../../support/i18n';
import { sharedOrSkip, skipReason } from '../../support/shared-dir';

const REAL_PYPI = sharedOrSkip('real-pypi');

const AT = Date.UTC(2026, 11, 3, 3, 15, 30);
const DAY = 86_400_000;

describe('one date style: the locale’s own, medium date and short time', () => {
  it('never the numeric, seconds-precise default', () => {
    expect(formatDateTime(AT, 'en-US')).not.toMatch(/12\/3\/2026|:30\b/);
  });

  it('follows the locale', () => {
    // The time zone is the machine's: compare with Intl's own rendering of the same style, and check the shape.
    expect(formatDate(AT, 'en-US')).toMatch(/^Dec [23], 2026$/);
    expect(formatDate(AT, 'de-DE')).toMatch(/^0?[23]\.12\.2026$/);
    expect(formatDate(AT, 'ja-JP')).toMatch(/^2026\/12\/0?[23]$/);
    expect(formatDateTime(AT, 'en-GB')).toBe(new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(AT));
    expect(formatDateTime(AT, 'en-GB')).toMatch(/^[23] Dec 2026, \d\d:\d\d$/);
  });

  it('says how long ago in the locale’s words', () => {
    expect(formatDaysAgo(AT, AT + 3_600_000, 'en')).toBe('today');
    expect(formatDaysAgo(AT, AT + DAY, 'en')).toBe('yesterday');
    expect(formatDaysAgo(AT, AT + 14 * DAY + 5, 'en')).toBe('14 days ago');
    expect(formatDaysAgo(AT, AT + 2 * DAY, 'de')).toBe('vorgestern');
  });
});

describe('where and on what: PyPI’s geo and user-agent texts made readable', () => {
  it('names the country and drops the region code', () => {
    expect(formatPlace('Lagos, LA, NG', 'en')).toBe('Lagos, Nigeria');
    expect(formatPlace('Lisbon, 11, PT', 'en')).toBe('Lisbon, Portugal');
    expect(formatPlace('Lagos, LA, NG', 'de')).toBe('Lagos, Nigeria');
    expect(formatPlace('Osaka, 27, JP', 'de')).toBe('Osaka, Japan');
    expect(formatPlace('LA, NG', 'en')).toBe('Nigeria');
  });

  it('leaves what it cannot be sure of as PyPI wrote it', () => {
    // "City, XX": XX may be a region ("LA" is Lagos State) or a country ("LA" is Laos).
    expect(formatPlace('Lagos, LA', 'en')).toBe('Lagos, LA');
    expect(formatPlace('Nigeria', 'en')).toBe('Nigeria');
    expect(formatPlace('Redacted', 'en')).toBe('Redacted');
    expect(formatPlace('203.0.113.7', 'en')).toBe('203.0.113.7');
    expect(formatPlace('Somewhere, XX, QQ', 'en')).toBe('Somewhere, XX, QQ');
    expect(formatPlace('Somewhere, XX, ZZ', 'en')).toBe('Somewhere, XX, ZZ'); // CLDR's own “Unknown Region”
    expect(countryName('nG')).toBeUndefined();
  });

  it('turns PyPI’s device summaries into phrases', () => {
    expect(formatDevice('Chrome (Windows on Other)')).toBe('Chrome on Windows');
    expect(formatDevice('Chrome (Windows)')).toBe('Chrome on Windows');
    expect(formatDevice('Safari (Mac OS X on Mac)')).toBe('Safari on Mac (Mac OS X)');
    expect(formatDevice('Chrome Mobile (Android on Pixel 8)')).toBe('Chrome Mobile on Pixel 8 (Android)');
    expect(formatDevice('twine (CPython on Linux)')).toBe('twine on Linux (CPython)');
    expect(formatDevice('twine/6.1.0 (CPython 3.12 on Windows)')).toBe('twine/6.1.0 on Windows (CPython 3.12)');
    expect(formatDevice('Unknown Browser')).toBe('Unknown Browser');
    expect(formatDevice('No User-Agent')).toBe('No User-Agent');
  });

  it('joins place and device, either one alone when the other is missing', () => {
    expect(formatPlaceAndDevice({ location: 'Lagos, LA, NG', device: 'Chrome (Windows on Other)' }, 'en')).toBe('Lagos, Nigeria · Chrome on Windows');
    expect(formatPlaceAndDevice({ location: 'Lagos, LA, NG' }, 'en')).toBe('Lagos, Nigeria');
    expect(formatPlaceAndDevice({ device: 'Edge (Windows)' }, 'en')).toBe('Edge on Windows');
    expect(formatPlaceAndDevice({ location: ' ', device: '' }, 'en')).toBe('');
  });

  it.skipIf(!REAL_PYPI)(`reads every location and device of the real pages (Warehouse’s own rendering)${REAL_PYPI ? '' : ` — ${skipReason('real-pypi')}`}`, () => {
    const seen = new Map<string, string>();
    for (const account of ['frank', 'gina', 'hank']) {
      const expected = JSON.parse(readFileSync(path.join(REAL_PYPI!, account, 'expected.json'), 'utf8')) as {
        pages: Record<string, { events?: { location: string; device: string }[] }>;
      };
      for (const page of Object.values(expected.pages)) {
        for (const event of page.events ?? []) seen.set(`${event.location} | ${event.device}`, formatPlaceAndDevice(event, 'en'));
      }
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(seen.get('Lisbon, 11, PT | Firefox (Ubuntu)')).toBe('Lisbon, Portugal · Firefox on Ubuntu');
    expect(seen.get('Melbourne, VIC, AU | Mobile Safari (iOS on iPad)')).toBe('Melbourne, Australia · Mobile Safari on iPad (iOS)');
    expect(seen.get('Redacted | Firefox (Ubuntu)')).toBe('Redacted · Firefox on Ubuntu');
    // Nothing left in PyPI's raw shapes: no region code, no "(… on …)".
    for (const line of seen.values()) expect(line).not.toMatch(/, [A-Z0-9]{1,3}, [A-Z]{2}\b|\(.* on .*\)/);
  });
});

describe('messages', () => {
  it('fill placeholders and pick the plural form by count', () => {
    expect(t('security_history_new_events', { count: 1 })).toBe('1 new event in your security history');
    expect(t('security_history_new_events', { count: 3 })).toBe('3 new events in your security history');
    expect(t('event_count_recovery_code_used', { count: 2 })).toBe('2 recovery codes used');
    expect(t('place_city_country', { city: 'Lagos' })).toBe('Lagos, {country}');
  });

  it('join lists as English does', () => {
    expect(formatList(['2 failed logins', '1 recovery code used', '1 password reset'])).toBe('2 failed logins, 1 recovery code used, and 1 password reset');
  });
});

describe('in the browser’s language', () => {
  it('picks the plural form by that language’s rules (Hebrew has a dual, Japanese none)', () => {
    useUiLanguage('he');
    expect(t('overall_at_risk', { count: 1 })).toBe('חשבון אחד בסיכון');
    expect(t('overall_at_risk', { count: 2 })).toBe('שני חשבונות בסיכון');
    expect(t('overall_at_risk', { count: 5 })).toBe('5 חשבונות בסיכון');
    expect(uiDirection()).toBe('rtl');
    useUiLanguage('ja');
    expect(t('overall_at_risk', { count: 1 })).toBe('危険のあるアカウント 1 件');
    expect(uiDirection()).toBe('ltr');
  });

  it('fills named placeholders wherever the translation put them', () => {
    useUiLanguage('ja');
    expect(t('account_on_host', { username: 'ada', host: 'pypi.org' })).toBe('pypi.org の ada');
    useUiLanguage('de');
    expect(t('security_history_new_events', { count: 3 })).toBe('3 neue Ereignisse in Ihrem Sicherheitsverlauf');
  });

  it('writes counts in the language’s digits and grouping', () => {
    useUiLanguage('de');
    expect(t('breach_found', { count: 1234567 })).toContain('1.234.567-mal');
    useUiLanguage('en-US');
    expect(t('breach_found', { count: 1234567 })).toContain('1,234,567 times');
  });

  it('puts sentences one after another as the language writes them: no space in Japanese and Chinese', () => {
    useUiLanguage('ja');
    expect(joinSentences(['一つ目です。', '二つ目です。'])).toBe('一つ目です。二つ目です。');
    useUiLanguage('zh-TW');
    expect(joinSentences(['第一句。', '第二句。'])).toBe('第一句。第二句。');
    useUiLanguage('de');
    expect(joinSentences(['Erster Satz.', '', 'Zweiter Satz.'])).toBe('Erster Satz. Zweiter Satz.');
  });

  it('formats dates and lists in the language of the words: the browser’s own region where the words are its language', () => {
    useUiLanguage('de-AT');
    expect(uiLanguage()).toBe('de-AT');
    expect(formatDate(AT)).toBe(new Intl.DateTimeFormat('de-AT', { dateStyle: 'medium' }).format(AT));
    expect(formatList(['a', 'b', 'c'])).toBe('a, b und c');
    useUiLanguage('ja');
    expect(formatDate(AT)).toMatch(/^2026\/12\/0?[23]$/);
    // Italian has no catalogue: the words are English, so are the dates (not an Italian date in an English sentence).
    useUiLanguage('it');
    expect(uiLanguage()).toBe('en');
    expect(t('popup_settings')).toBe('Settings');
  });
});
