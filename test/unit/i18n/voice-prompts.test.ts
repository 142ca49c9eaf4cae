/**
 * Every screen of both journeys has a spoken prompt in every language, and what the loudspeaker
 * says is generic: no template takes a value (no name, address, PIN or 個人番号 can be put in)
 * and no prompt has a digit. Prompts are authored for the offline engine: Japanese in kana
 * (espeak-ng reads no kanji), Chinese in pinyin (Debian's Mandarin voice reads no hanzi).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applicationViewSchema } from '../../../contract/application-journey';
import { certificateViewSchema } from '../../../contract/certificate-journey';
import { requests } from '../../../contract/kiosk-api';
import { promptKeyOf, type VoiceScreen } from '../../../renderer/app/voice-screen';
import { LANGUAGES, readLanguage, readNamespace } from './locale-strings';

const SCREENS: VoiceScreen[] = [
  { kind: 'home' },
  { kind: 'ending' },
  ...certificateViewSchema.options.map((o) => ({ kind: 'certificate', step: o.shape.step.value }) as const),
  ...applicationViewSchema.options.map((o) => ({ kind: 'application', step: o.shape.step.value }) as const),
];

/** Hiragana, katakana (with ー), spaces and Japanese punctuation: nothing espeak-ng would spell out. */
const KANA_ONLY = /^[\u3041-\u309f\u30a0-\u30ff\s、。「」！？]+$/u;
const HAN = /\p{Script=Han}/u;
const PINYIN = /^[\p{Script=Latin}\s,.:!?'-]+$/u;

describe('spoken prompts', () => {
  test('the screens are every step of both journeys plus the first screen and an ending', () => {
    assert.equal(SCREENS.length, 2 + 12 + 17);
  });

  for (const language of LANGUAGES) {
    test(`${language}: every screen has its prompt`, () => {
      const strings = readLanguage(language);
      const missing = SCREENS.filter((screen) => !strings.get(`voice:${promptKeyOf(screen)}`)?.trim()).map((s) => JSON.stringify(s));
      assert.deepEqual(missing, []);
    });

    test(`${language}: every prompt is a finished generic text the contract accepts (no value put in, no digit)`, () => {
      const input = requests['voice.prompt'].input;
      const refused = [...readNamespace(language, 'voice')].filter(([, text]) => /\{\{|\$t\(/.test(text) || !input.safeParse({ lang: language, text }).success);
      assert.deepEqual(refused, []);
    });
  }

  for (const language of ['ja', 'ja-x-easy'] as const) {
    test(`${language}: prompts are kana only`, () => {
      const notKana = [...readNamespace(language, 'voice')]
        .filter(([, text]) => !KANA_ONLY.test(text))
        .map(([key, text]) => `${key}: ${[...text].filter((c) => !KANA_ONLY.test(c)).join('')}`);
      assert.deepEqual(notKana, []);
    });
  }

  for (const language of ['zh-Hans', 'zh-Hant'] as const) {
    test(`${language}: prompts are pinyin, no hanzi`, () => {
      const notPinyin = [...readNamespace(language, 'voice')].filter(([, text]) => HAN.test(text) || !PINYIN.test(text)).map(([key]) => key);
      assert.deepEqual(notPinyin, []);
    });
  }

  test('the checks see what they must refuse', () => {
    assert.equal(KANA_ONLY.test('しょうめいしょを とります。'), true);
    assert.equal(KANA_ONLY.test('証明書を とります。'), false);
    assert.equal(KANA_ONLY.test('カードを いれて ください。PIN'), false);
    assert.equal(PINYIN.test('Qǐng chārù kǎpiàn.') && !HAN.test('Qǐng chārù kǎpiàn.'), true);
    assert.equal(HAN.test('请插入卡片'), true);
  });
});
