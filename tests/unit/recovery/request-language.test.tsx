import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { $, answerLostTwoFactorNoCodes, fieldValue, find, makeEffects } from './page-harness';
import { App } from '@/entrypoints/recovery/App';
import { useUiLanguage } from '../../support/i18n';

/**
 * PyPI's admins read English: the account recovery request's fields are the same English text
 * whatever language the assistant speaks, and a reader of another language is told so in theirs.
 */

const SEARCH = '?host=pypi.org&username=newcomer';

/** Every field's value, as the page lists it for copying. */
async function requestFieldsIn(language: string) {
  useUiLanguage(language);
  render(<App db={null} search={SEARCH} effects={makeEffects()} />);
  await answerLostTwoFactorNoCodes();
  await find('[data-step="request"]');
  const fields = [...document.querySelectorAll<HTMLElement>('[data-step="request"] [data-field] [data-value]')].map((value) => value.closest<HTMLElement>('[data-field]')!.dataset.field!);
  const values = Object.fromEntries(fields.map((id) => [id, fieldValue(id)]));
  const note = $('[data-note="request-in-english"]')?.textContent ?? null;
  // The user's own words go to the admins as typed: a reader of another language is asked for English.
  const ownWordsNote = $('[data-note="own-words-in-english"]')?.textContent ?? null;
  const title = $('h1')?.textContent;
  const stepTitles = [...document.querySelectorAll('[data-request-step] h3')].map((heading) => heading.textContent);
  cleanup();
  return { values, note, ownWordsNote, title, stepTitles };
}

describe('the recovery request under a Japanese UI', () => {
  beforeEach(() => useUiLanguage('en-US'));
  afterEach(cleanup);

  it('keeps every field in English, word for word, and says why in Japanese', async () => {
    const english = await requestFieldsIn('en-US');
    const japanese = await requestFieldsIn('ja');

    // The page itself speaks Japanese…
    expect(japanese.title).toBe('PyPI アカウントに戻る');
    expect(english.title).toBe('Get back into your PyPI account');
    expect(japanese.stepTitles).toEqual(['1ステップ 1: 項目を入力する', '2ステップ 2: フォームを開く', '3ステップ 3: イシューのアドレスを貼り付ける']);
    // …the request does not: the same fields, the same English text.
    expect(Object.keys(japanese.values).length).toBeGreaterThan(1);
    expect(japanese.values).toEqual(english.values);
    expect(japanese.values.reason).toContain('Lost 2FA authentication app or security token.');
    expect(Object.values(japanese.values).join('\n')).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    // Said once, in the reader's language, and only where the page is not English already.
    expect(japanese.note).toMatch(/英語/);
    expect(english.note).toBeNull();
    expect(japanese.ownWordsNote).toMatch(/英語で書いてください/);
    expect(english.ownWordsNote).toBeNull();
  });
});
