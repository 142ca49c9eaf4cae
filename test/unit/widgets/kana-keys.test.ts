import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  HIRAGANA_LAYOUT,
  KATAKANA_LAYOUT,
  alnumLayout,
  appendChar,
  applyDakuten,
  applyHandakuten,
  applyKey,
  applySmall,
  backspace,
  canModify,
  charCount,
  cycleMarks,
  layoutFor,
  toHiragana,
  toKatakana,
  type Key,
  type KeyLayout,
} from '../../../renderer/widgets/kana-keys';

const chars = (l: KeyLayout) => l.lines.flat().flatMap((k) => (k && k.kind === 'char' ? [k.char] : []));

describe('kana-keys: layouts', () => {
  test('the hiragana board is the 50音 in あいうえお columns, あ column first', () => {
    assert.equal(HIRAGANA_LAYOUT.flow, 'column');
    const firstColumn = HIRAGANA_LAYOUT.lines[0]!.map((k) => (k && k.kind === 'char' ? k.char : null));
    assert.deepEqual(firstColumn, ['あ', 'い', 'う', 'え', 'お']);
    const heads = HIRAGANA_LAYOUT.lines.slice(0, 10).map((c) => (c[0]?.kind === 'char' ? c[0].char : '?'));
    assert.deepEqual(heads.join(''), 'あかさたなはまやらわ');
    // や column keeps the gaps of the 50音表 (no い/え there).
    assert.deepEqual(
      HIRAGANA_LAYOUT.lines[7]!.map((k) => k !== null),
      [true, false, true, false, true],
    );
  });

  test('every layout has lines of its stated length and no duplicate characters', () => {
    for (const l of [HIRAGANA_LAYOUT, KATAKANA_LAYOUT, alnumLayout(false), alnumLayout(true)]) {
      for (const line of l.lines) assert.equal(line.length, l.lineLength);
      const cs = chars(l);
      assert.equal(new Set(cs).size, cs.length);
    }
  });

  test('all 46 basic kana plus ー are on the hiragana board; katakana board is its mirror plus ・', () => {
    const basic = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん';
    const h = chars(HIRAGANA_LAYOUT);
    for (const c of basic) assert.ok(h.includes(c), c);
    assert.ok(h.includes('ー'));
    const k = chars(KATAKANA_LAYOUT);
    for (const c of toKatakana(basic)) assert.ok(k.includes(c), c);
    assert.ok(k.includes('・'));
  });

  test('the kana boards carry the three modifier keys; 英数 carries the case key', () => {
    const kinds = (l: KeyLayout) => l.lines.flat().flatMap((k) => (k && k.kind !== 'char' ? [k.kind] : []));
    assert.deepEqual(kinds(HIRAGANA_LAYOUT), ['dakuten', 'handakuten', 'small']);
    assert.deepEqual(kinds(KATAKANA_LAYOUT), ['dakuten', 'handakuten', 'small']);
    assert.deepEqual(kinds(alnumLayout(false)), ['case']);
  });

  test('英数 is A–Z in ABC order (or a–z), the digits and a few name/address symbols', () => {
    const upper = chars(alnumLayout(false)).join('');
    assert.ok(upper.startsWith('ABCDEFGHIJKLMNOPQRSTUVWXYZ'));
    assert.ok(upper.includes('1234567890'));
    assert.ok(upper.includes('-'));
    assert.ok(chars(alnumLayout(true)).join('').startsWith('abcdefghijklmnopqrstuvwxyz'));
    assert.equal(layoutFor('alnum', true).lines[0]![0]!.kind === 'char' && (layoutFor('alnum', true).lines[0]![0] as { char: string }).char, 'a');
    assert.equal(layoutFor('hiragana'), HIRAGANA_LAYOUT);
    assert.equal(layoutFor('katakana'), KATAKANA_LAYOUT);
  });
});

describe('kana-keys: script conversion', () => {
  test('toKatakana / toHiragana', () => {
    assert.equal(toKatakana('やまだ たろう'), 'ヤマダ タロウ');
    assert.equal(toKatakana('ぁっゃゔゝゞ'), 'ァッャヴヽヾ');
    assert.equal(toHiragana('ヤマダ・ジョン'), 'やまだ・じょん');
    assert.equal(toKatakana('ABC ー 123'), 'ABC ー 123');
  });

  test('round trip on any hiragana string', () => {
    const hira = fc.string({ unit: fc.integer({ min: 0x3041, max: 0x3096 }).map((n) => String.fromCharCode(n)) });
    fc.assert(fc.property(hira, (s) => toHiragana(toKatakana(s)) === s));
  });
});

describe('kana-keys: 濁点・半濁点・小書き on the last character', () => {
  const cases: [string, (s: string) => string, string][] = [
    ['か', applyDakuten, 'が'],
    ['が', applyDakuten, 'か'],
    ['は', applyDakuten, 'ば'],
    ['ば', applyDakuten, 'は'],
    ['ぱ', applyDakuten, 'ば'],
    ['う', applyDakuten, 'ゔ'],
    ['ウ', applyDakuten, 'ヴ'],
    ['ワ', applyDakuten, 'ヷ'],
    ['つ', applyDakuten, 'づ'],
    ['し', applyDakuten, 'じ'],
    ['タ', applyDakuten, 'ダ'],
    ['は', applyHandakuten, 'ぱ'],
    ['ぱ', applyHandakuten, 'は'],
    ['ば', applyHandakuten, 'ぱ'],
    ['ホ', applyHandakuten, 'ポ'],
    ['つ', applySmall, 'っ'],
    ['っ', applySmall, 'つ'],
    ['や', applySmall, 'ゃ'],
    ['よ', applySmall, 'ょ'],
    ['あ', applySmall, 'ぁ'],
    ['ワ', applySmall, 'ヮ'],
    ['カ', applySmall, 'ヵ'],
    ['ケ', applySmall, 'ヶ'],
    ['ツ', applySmall, 'ッ'],
  ];
  for (const [from, f, to] of cases) {
    test(`${f.name}: ${from} → ${to}`, () => assert.equal(f(`やま${from}`), `やま${to}`));
  }

  test('characters that take no mark are left as they are', () => {
    for (const s of ['', 'あ', 'ん', 'ー', 'A', '1', '　']) {
      assert.equal(applyDakuten(s), s);
      assert.equal(applyHandakuten(s), s);
    }
    for (const s of ['', 'か', 'ん', 'が', 'A']) assert.equal(applySmall(s), s);
    assert.equal(applyHandakuten('か'), 'か');
    assert.equal(applySmall('か'), 'か', 'ゕ is not offered in hiragana');
  });

  test('each modifier is its own inverse wherever it applies (any kana)', () => {
    const kana = fc.integer({ min: 0x3041, max: 0x30fa }).map((n) => String.fromCharCode(n));
    fc.assert(
      fc.property(fc.string(), kana, (prefix, c) => {
        for (const f of [applyDakuten, applyHandakuten, applySmall]) {
          const once = f(prefix + c);
          if (once !== prefix + c) {
            assert.equal([...once].slice(0, -1).join(''), prefix, 'only the last character changes');
            // 濁点 on ぱ gives ば, whose 濁点 gives は: not an inverse there, by design.
            if (!(f === applyDakuten && /[ぱぴぷぺぽパピプペポ]/.test(c)) && !(f === applyHandakuten && /[ばびぶべぼバビブベボ]/.test(c))) {
              assert.equal(f(once), prefix + c);
            }
          }
        }
      }),
    );
  });

  test('cycleMarks: は→ば→ぱ→は and か→が→か', () => {
    assert.equal(cycleMarks('は'), 'ば');
    assert.equal(cycleMarks('ば'), 'ぱ');
    assert.equal(cycleMarks('ぱ'), 'は');
    assert.equal(cycleMarks('か'), 'が');
    assert.equal(cycleMarks('が'), 'か');
    assert.equal(cycleMarks('ン'), 'ン');
  });

  test('canModify says whether the key would change the text', () => {
    assert.equal(canModify('', 'dakuten'), false);
    assert.equal(canModify('か', 'dakuten'), true);
    assert.equal(canModify('か', 'handakuten'), false);
    assert.equal(canModify('ほ', 'handakuten'), true);
    assert.equal(canModify('や', 'small'), true);
    assert.equal(canModify('ん', 'small'), false);
  });

  test('a character outside the BMP before the last does not confuse the edit', () => {
    assert.equal(applyDakuten('𠮷か'), '𠮷が');
    assert.equal(backspace('か𠮷'), 'か');
    assert.equal(charCount('𠮷田'), 2);
  });
});

describe('kana-keys: typing', () => {
  const type = (keys: Key[], start = '', max?: number) => keys.reduce((s, k) => applyKey(s, k, max), start);
  const c = (char: string): Key => ({ kind: 'char', char });

  test('や ま た ゛ types やまだ; in katakana ヤマダ', () => {
    assert.equal(type([c('や'), c('ま'), c('た'), { kind: 'dakuten' }]), 'やまだ');
    assert.equal(type([c('ヤ'), c('マ'), c('タ'), { kind: 'dakuten' }]), 'ヤマダ');
  });

  test('き よ 小 う types きょう; つ 小 makes the small っ', () => {
    assert.equal(type([c('き'), c('よ'), { kind: 'small' }, c('う')]), 'きょう');
    assert.equal(type([c('か'), c('つ'), { kind: 'small' }, c('こ')]), 'かっこ');
  });

  test('maxLength stops new characters but not modifiers', () => {
    assert.equal(type([c('や'), c('ま'), c('た'), c('ろ')], '', 3), 'やまた');
    assert.equal(type([{ kind: 'dakuten' }], 'やまた', 3), 'やまだ');
    assert.equal(appendChar('ab', 'c', 2), 'ab');
    assert.equal(appendChar('ab', 'c'), 'abc');
  });

  test('the case key never edits text; backspace removes one character and is safe on empty', () => {
    assert.equal(applyKey('AB', { kind: 'case' }), 'AB');
    assert.equal(backspace(''), '');
    assert.equal(backspace('やまだ'), 'やま');
  });
});
