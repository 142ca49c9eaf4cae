/**
 * やさしい日本語 (ja-x-easy) is for readers who do not read kanji well: it is written in kana with
 * spaces between phrases, in short sentences. Until the renderer draws authored furigana (ruby),
 * a kanji in it would be a kanji with no reading, so none is allowed.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { readLanguage } from './locale-strings';

const KANJI = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}]/u;
// Kana with spaces: about three phrases. Longer sentences are split in two.
const MAX_SENTENCE = 45;

/** The kanji a string shows, {{variables}} taken out (their values come from elsewhere). */
function kanjiIn(text: string): string[] {
  return [...text.replace(/\{\{[^}]*\}\}/g, '')].filter((ch) => KANJI.test(ch));
}

function sentences(text: string): string[] {
  return text
    .split(/[。！？]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

describe('やさしい日本語', () => {
  const strings = readLanguage('ja-x-easy');

  test('has no kanji without a reading (no kanji at all until ruby is drawn)', () => {
    const withKanji = [...strings].filter(([, text]) => kanjiIn(text).length > 0).map(([key, text]) => `${key}: ${kanjiIn(text).join('')}`);
    assert.deepEqual(withKanji, []);
  });

  test(`keeps every sentence to ${MAX_SENTENCE} characters`, () => {
    const long = [...strings].flatMap(([key, text]) =>
      sentences(text)
        .filter((s) => [...s].length > MAX_SENTENCE)
        .map((s) => `${key}: ${s}`),
    );
    assert.deepEqual(long, []);
  });

  test('the kanji finder sees kanji, also beyond the BMP, and not kana or variables', () => {
    assert.deepEqual(kanjiIn('しょうめいしょ{{漢字}}'), []);
    assert.deepEqual(kanjiIn('じゅうみん票 𠮷'), ['票', '𠮷']);
  });
});
