/**
 * The widgets rendered to static HTML (react-dom/server, no DOM): every key a real button
 * with a name, the radio semantics, the formatted displays, the date in both calendars.
 * Interaction is covered by the pure modules' tests and by the application e2e test.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../../../renderer/i18n/i18n';
import { KanaKeyboard } from '../../../renderer/widgets/KanaKeyboard';
import { NumberPad } from '../../../renderer/widgets/NumberPad';
import { DatePicker } from '../../../renderer/widgets/DatePicker';
import { ChoiceList } from '../../../renderer/widgets/ChoiceList';
import { YesNo } from '../../../renderer/widgets/YesNo';

const noop = () => undefined;

before(async () => {
  await i18next.use(initReactI18next).init({ resources, lng: 'ja', fallbackLng: 'ja', defaultNS: 'common', interpolation: { escapeValue: false } });
});

function html(el: ReactElement): string {
  return renderToStaticMarkup(el);
}
function buttons(markup: string): string[] {
  return [...markup.matchAll(/<button\b[^>]*>.*?<\/button>/g)].map((m) => m[0]);
}
/** A button's accessible name: aria-label, else its text. */
function nameOf(button: string): string {
  const label = /aria-label="([^"]*)"/.exec(button)?.[1];
  return (label ?? button.replace(/<[^>]+>/g, '')).trim();
}
const byTestId = (markup: string, id: string) => new RegExp(`<[^>]*data-testid="${id}"[^>]*>`).exec(markup)?.[0] ?? '';

describe('KanaKeyboard markup', () => {
  test('every key is a type=button with a non-empty accessible name', () => {
    for (const mode of ['hiragana', 'katakana', 'alnum'] as const) {
      const m = html(createElement(KanaKeyboard, { value: 'やま', onChange: noop, initialMode: mode, label: '氏名（ふりがな）' }));
      const bs = buttons(m);
      assert.ok(bs.length >= 40, `${mode}: ${bs.length} buttons`);
      for (const b of bs) {
        assert.match(b, /type="button"/);
        assert.notEqual(nameOf(b), '', b);
      }
    }
  });

  test('the 50音 board, the modifier names, the tabs and the large display', () => {
    const m = html(createElement(KanaKeyboard, { value: 'やまた', onChange: noop, label: '氏名（ふりがな）', maxLength: 20 }));
    assert.match(m, /data-testid="kana-key-あ"/);
    assert.match(m, /data-testid="kana-key-ん"/);
    assert.match(byTestId(m, 'kana-dakuten'), /aria-label="濁点（゛）をつける・はずす"/);
    assert.doesNotMatch(byTestId(m, 'kana-dakuten'), /disabled/, 'た takes a 濁点');
    assert.match(byTestId(m, 'kana-handakuten'), /disabled/, 'た takes no 半濁点');
    assert.match(m, /role="tablist"/);
    assert.match(byTestId(m, 'kana-mode-hiragana'), /aria-selected="true"/);
    assert.match(byTestId(m, 'kana-mode-katakana'), /aria-selected="false"/);
    // The text field is the physical keyboard's input: named, and opening no OS keyboard on touch.
    assert.match(byTestId(m, 'kana-typing'), /^<input[^>]*type="text"/);
    assert.match(byTestId(m, 'kana-typing'), /inputMode="none"/i);
    assert.match(byTestId(m, 'kana-typing'), /aria-label="氏名（ふりがな）"/);
    assert.match(byTestId(m, 'kana-typing'), /value="やまた"/);
    assert.match(m, /やまた<\/span>/);
    assert.match(m, /<span class="wdisplay__caret" aria-hidden="true">/);
    assert.match(m, /3／20文字/);
  });

  test('katakana first when asked; a full field disables the character keys but not 削除', () => {
    const m = html(
      createElement(KanaKeyboard, { value: 'ヤマダ', onChange: noop, modes: ['katakana', 'hiragana'], initialMode: 'katakana', label: 'x', maxLength: 3 }),
    );
    assert.match(m, /data-testid="kana-key-ア"/);
    assert.doesNotMatch(m, /data-testid="kana-mode-alnum"/);
    assert.match(byTestId(m, 'kana-key-ア'), /disabled/);
    assert.doesNotMatch(byTestId(m, 'kana-backspace'), /disabled/);
    assert.match(m, /これ以上は入力できません/);
  });

  test('empty text: 削除 and 全部消す are off', () => {
    const m = html(createElement(KanaKeyboard, { value: '', onChange: noop, label: 'x' }));
    assert.match(byTestId(m, 'kana-backspace'), /disabled/);
    assert.match(byTestId(m, 'kana-clear'), /disabled/);
  });
});

describe('NumberPad markup', () => {
  test('postal and phone displays; 12 keys', () => {
    const p = html(createElement(NumberPad, { value: '8020001', onChange: noop, maxLength: 7, label: '郵便番号', format: 'postal' }));
    assert.match(p, /〒802-0001/);
    assert.equal(buttons(p).length, 12);
    assert.match(byTestId(p, 'numpad-key-5'), /disabled/, 'full: digits off');
    const t = html(createElement(NumberPad, { value: '0901', onChange: noop, maxLength: 11, label: '電話番号', format: 'phone' }));
    assert.match(t, />090-1</);
  });
});

describe('DatePicker markup', () => {
  test('a date shows in both calendars, era mode first', () => {
    const m = html(createElement(DatePicker, { value: '2025-04-01', onChange: noop, label: '転居した日', minYear: 2000, maxYear: 2026 }));
    assert.match(m, /令和7年4月1日（2025年）/);
    assert.match(byTestId(m, 'date-era-令和'), /aria-checked="true"/);
    assert.doesNotMatch(m, /data-testid="date-era-昭和"/, 'no 昭和 after 2000');
    assert.match(byTestId(m, 'date-month-4'), /aria-checked="true"/);
    assert.match(byTestId(m, 'date-day-1'), /aria-checked="true"/);
    assert.match(m, /data-testid="date-day-30"/);
    assert.doesNotMatch(m, /data-testid="date-day-31"/, 'April has 30 days');
    assert.doesNotMatch(m, /type="date"|<select/);
  });

  test('western mode; 元年; nothing chosen yet', () => {
    const w = html(createElement(DatePicker, { value: '2019-05-01', onChange: noop, label: '生年月日', mode: 'western', maxYear: 2026 }));
    assert.match(w, /2019年5月1日（令和元年）/);
    const e = html(createElement(DatePicker, { value: undefined, onChange: noop, label: '生年月日', maxYear: 2026, initialYear: 1989 }));
    assert.match(e, /まだ選ばれていません/);
    assert.match(e, /平成元年/);
    assert.match(e, /先に月を選んでください/);
  });
});

describe('ChoiceList and YesNo markup', () => {
  test('radiogroup with radios; the chosen one checked and the only tab stop', () => {
    const m = html(
      createElement(ChoiceList, {
        options: [
          { value: 'a', label: '本人' },
          { value: 'b', label: '代理人' },
        ],
        value: 'b',
        onChange: noop,
        label: '申請する人',
      }),
    );
    assert.match(m, /role="radiogroup" aria-label="申請する人"/);
    assert.match(byTestId(m, 'choice-a'), /aria-checked="false"/);
    assert.match(byTestId(m, 'choice-a'), /tabindex="-1"/);
    assert.match(byTestId(m, 'choice-b'), /aria-checked="true"/);
    assert.match(byTestId(m, 'choice-b'), /tabindex="0"/);
  });

  test('YesNo: はい/いいえ by default, custom labels, unanswered has no check', () => {
    const m = html(createElement(YesNo, { value: undefined, onChange: noop, label: '世帯主ですか' }));
    assert.match(m, /はい/);
    assert.match(m, /いいえ/);
    assert.doesNotMatch(m, /aria-checked="true"/);
    const c = html(createElement(YesNo, { value: false, onChange: noop, label: 'q', yesLabel: 'ある', noLabel: 'ない' }));
    assert.match(byTestId(c, 'yesno-no'), /aria-checked="true"/);
    assert.match(c, /ない/);
  });
});
