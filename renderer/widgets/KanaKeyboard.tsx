/**
 * On-screen 50音 keyboard (ひらがな / カタカナ / 英数) for citizens who enter text without a
 * card: large keys, the text shown large above with a caret at the end. A physical keyboard
 * (and its IME) types into it too (PhysicalTyping: no OS keyboard or autocomplete pops up on
 * the touch screen). Controlled: the parent owns `value`; every key calls `onChange` with the
 * whole next text. The edits are the pure functions of `kana-keys.ts`.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Key, type KeyboardMode, KEYBOARD_MODES, applyKey, backspace, canModify, charCount, layoutFor } from './kana-keys';
import { PhysicalTyping } from './PhysicalTyping';

export type KanaKeyboardProps = {
  /** The text being edited. */
  value: string;
  /** Called with the whole next text after each key. */
  onChange: (next: string) => void;
  /** Which tabs to offer, in this order (default all three). */
  modes?: KeyboardMode[];
  /** The tab shown first (default the first of `modes`). */
  initialMode?: KeyboardMode;
  /** Most characters (code points) allowed; character keys stop adding past it. */
  maxLength?: number;
  /** Accessible name of the text being edited (e.g. 「氏名（ふりがな）」). */
  label: string;
  /** Prefix for data-testid attributes (default 'kana'). */
  testId?: string;
  /** A secret (the signing password): the display shows one ● per character, never the text. */
  masked?: boolean;
};

export function KanaKeyboard({
  value,
  onChange,
  modes = [...KEYBOARD_MODES],
  initialMode,
  maxLength,
  label,
  testId = 'kana',
  masked = false,
}: KanaKeyboardProps) {
  const { t } = useTranslation('widgets');
  const offered = modes.length > 0 ? modes : [...KEYBOARD_MODES];
  const [chosenMode, setMode] = useState<KeyboardMode>(initialMode && offered.includes(initialMode) ? initialMode : offered[0]!);
  // A parent may change `modes` (e.g. the guide after a language switch): never show a tab it no longer offers.
  const mode = offered.includes(chosenMode) ? chosenMode : offered[0]!;
  const [lower, setLower] = useState(false);
  const id = useId();
  const layout = layoutFor(mode, lower);
  const full = maxLength !== undefined && charCount(value) >= maxLength;
  const [composing, setComposing] = useState<string | null>(null);
  const shown = composing ?? value;
  const typed = (next: string) => {
    const kept = maxLength === undefined ? next : [...next].slice(0, maxLength).join('');
    if (kept !== value) onChange(kept);
  };

  const press = (key: Key) => {
    if (key.kind === 'case') {
      setLower((l) => !l);
      return;
    }
    const next = applyKey(value, key, maxLength);
    if (next !== value) onChange(next);
  };

  const renderKey = (key: Key | null, i: number) => {
    if (key === null) return <span key={`gap-${i}`} className="wkana__gap" aria-hidden="true" />;
    if (key.kind === 'char') {
      return (
        <button key={key.char} type="button" className="wkey wkana__key" onClick={() => press(key)} disabled={full} data-testid={`${testId}-key-${key.char}`}>
          {key.char}
        </button>
      );
    }
    if (key.kind === 'case') {
      return (
        <button
          key="case"
          type="button"
          className="wkey wkana__key wkana__key--mod"
          onClick={() => press(key)}
          aria-label={lower ? t('kana.toUpper') : t('kana.toLower')}
          data-testid={`${testId}-case`}
        >
          {lower ? t('kana.upperKey') : t('kana.lowerKey')}
        </button>
      );
    }
    return (
      <button
        key={key.kind}
        type="button"
        className="wkey wkana__key wkana__key--mod"
        onClick={() => press(key)}
        disabled={!canModify(value, key.kind)}
        aria-label={t(`kana.${key.kind}`)}
        data-testid={`${testId}-${key.kind}`}
      >
        {t(`kana.${key.kind}Key`)}
      </button>
    );
  };

  const cells = layout.lines.flatMap((line, li) => line.map((k, ki) => renderKey(k, li * layout.lineLength + ki)));

  return (
    <div className="wkana" role="group" aria-label={t('kana.keyboard', { label })} data-testid={testId}>
      <div className="wkana__top">
        <div className="wdisplay wkana__display" data-testid={`${testId}-display`}>
          <span
            className="wdisplay__text"
            aria-hidden={masked ? undefined : true}
            aria-label={masked ? t('kana.masked', { n: charCount(shown) }) : undefined}
            data-testid={`${testId}-value`}
            data-composing={composing !== null ? 'true' : undefined}
          >
            {masked ? '●'.repeat(charCount(shown)) : shown}
          </span>
          <PhysicalTyping value={value} onText={typed} label={label} testId={testId} masked={masked} onComposing={setComposing} />
          <span className="wdisplay__caret" aria-hidden="true" />
        </div>
        {maxLength !== undefined ? (
          <p className={full ? 'wcount wcount--full' : 'wcount'} aria-live="polite">
            {full ? t('kana.full') : t('kana.count', { n: charCount(value), max: maxLength })}
          </p>
        ) : null}
      </div>
      <div className="wkana__body">
        {offered.length > 1 ? (
          <div className="wkana__tabs" role="tablist" aria-label={t('kana.modes')}>
            {offered.map((m) => (
              <button
                key={m}
                id={`${id}-tab-${m}`}
                type="button"
                role="tab"
                aria-selected={m === mode}
                aria-controls={`${id}-panel`}
                className={m === mode ? 'wkey wkana__tab wkana__tab--on' : 'wkey wkana__tab'}
                onClick={() => setMode(m)}
                data-testid={`${testId}-mode-${m}`}
              >
                {t(`kana.${m}`)}
              </button>
            ))}
          </div>
        ) : null}
        <div
          id={`${id}-panel`}
          className={layout.flow === 'column' ? 'wkana__grid wkana__grid--columns' : 'wkana__grid wkana__grid--rows'}
          role={offered.length > 1 ? 'tabpanel' : 'group'}
          aria-labelledby={offered.length > 1 ? `${id}-tab-${mode}` : undefined}
          aria-label={offered.length > 1 ? undefined : t('kana.keys', { mode: t(`kana.${mode}`) })}
        >
          {cells}
        </div>
        <div className="wkana__edit">
          <button
            type="button"
            className="wkey wkana__key wkana__key--edit"
            onClick={() => press({ kind: 'char', char: mode === 'alnum' ? ' ' : '　' })}
            disabled={full}
            data-testid={`${testId}-space`}
          >
            {t('kana.space')}
          </button>
          <button
            type="button"
            className="wkey wkana__key wkana__key--edit"
            onClick={() => onChange(backspace(value))}
            disabled={value === ''}
            data-testid={`${testId}-backspace`}
          >
            {t('kana.backspace')}
          </button>
          <button
            type="button"
            className="wkey wkana__key wkana__key--edit"
            onClick={() => onChange('')}
            disabled={value === ''}
            data-testid={`${testId}-clear`}
          >
            {t('kana.clear')}
          </button>
        </div>
      </div>
    </div>
  );
}
