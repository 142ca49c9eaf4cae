/** Texts from the main side (guide, questions, forms) in a language they do not carry yet. */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { pickLanguage } from '../../../renderer/screens/application/localized';

const text = { ja: '転居届', en: 'Notification of moving', ko: '전거신고' };

describe('pickLanguage', () => {
  test('the language itself when the text has it', () => {
    assert.equal(pickLanguage(text, 'ko'), '전거신고');
    assert.equal(pickLanguage(text, 'ja'), '転居届');
  });

  test('やさしい日本語 falls back to Japanese, any other language to English', () => {
    assert.equal(pickLanguage(text, 'ja-x-easy'), '転居届');
    assert.equal(pickLanguage(text, 'ne'), 'Notification of moving');
    assert.equal(pickLanguage(text, 'zh-Hant'), 'Notification of moving');
  });

  test('no text, no string', () => {
    assert.equal(pickLanguage(null, 'vi'), '');
  });
});
