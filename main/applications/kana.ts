/**
 * Small kana helpers by code-point offset (wanakana is not a dependency): katakana ↔ hiragana
 * and the normalisation used by search and kana answers. Pure and total.
 */

const KATA_START = 0x30a1; // ァ
const KATA_END = 0x30f6; // ヶ
const HIRA_START = 0x3041; // ぁ
const HIRA_END = 0x3096; // ゖ
const OFFSET = KATA_START - HIRA_START; // 0x60

/** ァ..ヶ → ぁ..ゖ; everything else unchanged. */
export function katakanaToHiragana(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c >= KATA_START && c <= KATA_END ? String.fromCodePoint(c - OFFSET) : ch;
  }
  return out;
}

/** ぁ..ゖ → ァ..ヶ; everything else unchanged. */
export function hiraganaToKatakana(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c >= HIRA_START && c <= HIRA_END ? String.fromCodePoint(c + OFFSET) : ch;
  }
  return out;
}

/**
 * Search normalisation: NFKC (full-width ASCII and half-width kana become ordinary), katakana →
 * hiragana, lower case, whitespace and the middle dot removed. Any string is accepted.
 */
export function normalizeForSearch(s: string): string {
  return katakanaToHiragana(s.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s・･、，,。.\-ー－_/／「」『』()（）]+/gu, '');
}

/**
 * Normalises a furigana answer: NFKC, hiragana → katakana, runs of spaces → one full-width
 * space, trimmed. The result is what the form prints in its フリガナ row.
 */
export function normalizeKanaAnswer(s: string): string {
  return hiraganaToKatakana(s.normalize('NFKC'))
    .replace(/[\s\u3000]+/gu, '\u3000')
    .replace(/^\u3000|\u3000$/gu, '');
}

/** True when the text is katakana (incl. ー and ヴ), with optional full-width spaces. */
export function isKatakanaText(s: string): boolean {
  return /^[\u30a1-\u30fa\u30fc\u3000]+$/u.test(s);
}
