/**
 * The 50音 keyboard as data, and the pure text edits its keys make. No DOM, no React:
 * `KanaKeyboard.tsx` only draws these layouts and calls `applyKey`.
 *
 * Kana layouts are column-major (あいうえお top to bottom, あかさたな… left to right), the
 * order of a 50音表 and of the kana boards on ward kiosks and ticket machines. The 英数
 * layout is row-major (ABC order, not QWERTY: many citizens never used a PC keyboard).
 */

export type KeyboardMode = 'hiragana' | 'katakana' | 'alnum';
export const KEYBOARD_MODES: readonly KeyboardMode[] = ['hiragana', 'katakana', 'alnum'];

/** One key of a layout: a character to append, or an edit of the last character. */
export type Key = { kind: 'char'; char: string } | { kind: 'dakuten' } | { kind: 'handakuten' } | { kind: 'small' } | { kind: 'case' };

/** A keyboard page: `lines` are columns when `flow` is 'column', rows when 'row'; null = empty cell. */
export interface KeyLayout {
  /** How `lines` are laid out on screen (and the reading order for screen readers). */
  readonly flow: 'column' | 'row';
  /** Number of cells in each line (all lines are padded to this). */
  readonly lineLength: number;
  /** The cells, line by line. */
  readonly lines: readonly (readonly (Key | null)[])[];
}

const ch = (c: string): Key => ({ kind: 'char', char: c });
const col = (s: string): (Key | null)[] => [...s].map((c) => (c === '_' ? null : ch(c)));

/** The ten kana columns as a string each ('_' = empty cell). */
const HIRAGANA_COLUMNS = [
  'あいうえお',
  'かきくけこ',
  'さしすせそ',
  'たちつてと',
  'なにぬねの',
  'はひふへほ',
  'まみむめも',
  'や_ゆ_よ',
  'らりるれろ',
  'わをんー_',
];

function kanaLayout(columns: string[]): KeyLayout {
  const modifiers: (Key | null)[] = [{ kind: 'dakuten' }, { kind: 'handakuten' }, { kind: 'small' }, null, null];
  return { flow: 'column', lineLength: 5, lines: [...columns.map(col), modifiers] };
}

export const HIRAGANA_LAYOUT: KeyLayout = kanaLayout(HIRAGANA_COLUMNS);
/** Same board in katakana, with 中黒 ・ for foreign names written in katakana (ジョン・スミス). */
export const KATAKANA_LAYOUT: KeyLayout = kanaLayout(HIRAGANA_COLUMNS.map((c, i) => (i === HIRAGANA_COLUMNS.length - 1 ? 'ワヲンー・' : toKatakana(c))));

/** Uppercase by default (names on forms are written like the passport); the case key switches. */
export function alnumLayout(lower: boolean): KeyLayout {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const l = lower ? letters.toLowerCase() : letters;
  const rows: (Key | null)[][] = [
    col(l.slice(0, 11)),
    col(l.slice(11, 22)),
    [...col(l.slice(22)), ...col("-.',&/@")],
    [...col('1234567890'), { kind: 'case' }],
  ];
  return { flow: 'row', lineLength: 11, lines: rows };
}

export function layoutFor(mode: KeyboardMode, lower = false): KeyLayout {
  if (mode === 'hiragana') return HIRAGANA_LAYOUT;
  if (mode === 'katakana') return KATAKANA_LAYOUT;
  return alnumLayout(lower);
}

/** Hiragana → katakana (ぁ–ゖ shift by 0x60); everything else unchanged. */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Katakana → hiragana where a hiragana exists (ァ–ヶ, ヽヾ); ヷ ヺ ・ ー stay as they are. */
export function toHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

// Pairs written in hiragana (plain, marked); the katakana pairs are derived. ゔ/ヴ is the う voicing.
const DAKUTEN_PAIRS = 'かがきぎくぐけげこごさざしじすずせぜそぞただちぢつづてでとどはばひびふぶへべほぼうゔ';
const HANDAKUTEN_PAIRS = 'はぱひぴふぷへぺほぽ';
const SMALL_PAIRS = 'あぁいぃうぅえぇおぉつっやゃゆゅよょわゎ';
// Katakana-only pairs: ヷ/ヺ, and the small ヵ (ヵ月) and ヶ (霞ヶ関).
const KATAKANA_DAKUTEN_ONLY = 'ワヷヲヺ';
const KATAKANA_SMALL_ONLY = 'カヵケヶ';

/** plain → marked, for both scripts. */
function forward(pairs: string, katakanaOnly = ''): Map<string, string> {
  const m = new Map<string, string>();
  const all = pairs + toKatakana(pairs) + katakanaOnly;
  for (let i = 0; i + 1 < all.length; i += 2) m.set(all[i]!, all[i + 1]!);
  return m;
}
function inverse(m: Map<string, string>): Map<string, string> {
  return new Map([...m].map(([a, b]) => [b, a]));
}

const VOICE = forward(DAKUTEN_PAIRS, KATAKANA_DAKUTEN_ONLY);
const UNVOICE = inverse(VOICE);
const HALF = forward(HANDAKUTEN_PAIRS);
const UNHALF = inverse(HALF);
const SMALL = forward(SMALL_PAIRS, KATAKANA_SMALL_ONLY);
const UNSMALL = inverse(SMALL);

/** The unmarked kana of a voiced or half-voiced one (が→か, ぱ→は); others unchanged. */
function plainOf(c: string): string {
  return UNVOICE.get(c) ?? UNHALF.get(c) ?? c;
}

function editLast(text: string, edit: (last: string) => string | undefined): string {
  const chars = [...text];
  const last = chars.at(-1);
  if (last === undefined) return text;
  const next = edit(last);
  if (next === undefined) return text;
  chars[chars.length - 1] = next;
  return chars.join('');
}

/**
 * 濁点 on the last character, as a toggle: か→が, が→か, は→ば, ば→は, ぱ→ば, う→ゔ, ウ→ヴ.
 * Text whose last character takes no 濁点 is returned unchanged.
 */
export function applyDakuten(text: string): string {
  return editLast(text, (c) => UNVOICE.get(c) ?? VOICE.get(plainOf(c)));
}

/** 半濁点 on the last character, as a toggle: は→ぱ, ぱ→は, ば→ぱ. Others unchanged. */
export function applyHandakuten(text: string): string {
  return editLast(text, (c) => UNHALF.get(c) ?? HALF.get(plainOf(c)));
}

/** 小書き on the last character, as a toggle: つ→っ, っ→つ, や→ゃ, ア→ァ, カ→ヵ. Others unchanged. */
export function applySmall(text: string): string {
  return editLast(text, (c) => UNSMALL.get(c) ?? SMALL.get(c));
}

/**
 * One key cycling the last character through its marks, as on phone keypads:
 * は→ば→ぱ→は, か→が→か. Others unchanged.
 */
export function cycleMarks(text: string): string {
  return editLast(text, (c) => {
    const plain = UNVOICE.get(c);
    if (plain !== undefined) return HALF.get(plain) ?? plain; // ば→ぱ, が→か
    const unhalf = UNHALF.get(c);
    if (unhalf !== undefined) return unhalf; // ぱ→は
    return VOICE.get(c); // は→ば, か→が
  });
}

/** Whether a modifier key would change `text` (the keyboard disables it otherwise). */
export function canModify(text: string, kind: 'dakuten' | 'handakuten' | 'small'): boolean {
  const f = kind === 'dakuten' ? applyDakuten : kind === 'handakuten' ? applyHandakuten : applySmall;
  return text !== '' && f(text) !== text;
}

/** Length in characters as the citizen sees them (code points, not UTF-16 units). */
export function charCount(text: string): number {
  return [...text].length;
}

/** Appends `char` unless that would pass `maxLength` (in characters). */
export function appendChar(text: string, char: string, maxLength?: number): string {
  if (maxLength !== undefined && charCount(text) + charCount(char) > maxLength) return text;
  return text + char;
}

/** Deletes the last character (a whole code point). */
export function backspace(text: string): string {
  return [...text].slice(0, -1).join('');
}

/** The text after pressing `key` (the case key does not edit text). */
export function applyKey(text: string, key: Key, maxLength?: number): string {
  switch (key.kind) {
    case 'char':
      return appendChar(text, key.char, maxLength);
    case 'dakuten':
      return applyDakuten(text);
    case 'handakuten':
      return applyHandakuten(text);
    case 'small':
      return applySmall(text);
    case 'case':
      return text;
  }
}
