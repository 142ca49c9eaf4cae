/**
 * A large digit pad for postal codes, phone numbers and other numbers. The value is plain
 * digits; `format` only changes how it is shown (〒123-4567, 090-1234-5678). A physical keyboard
 * types digits too (full-width ones from an IME included; anything else is dropped).
 * Not for PINs: the PIN keypad (`screens/shared/PinKeypad.tsx`) hides its digits.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhysicalTyping } from './PhysicalTyping';
import { type NumberFormat, digitsOnly, formatNumber } from './number-format';

export type NumberPadProps = {
  /** The digits entered so far (anything else in it is ignored). */
  value: string;
  /** Called with the whole next digit string after each key. */
  onChange: (next: string) => void;
  /** Most digits allowed (7 for a postal code, 11 for a phone number). */
  maxLength: number;
  /** Accessible name of the number being entered. */
  label: string;
  /** How the digits are shown (default 'plain'). */
  format?: NumberFormat;
  /** Prefix for data-testid attributes (default 'numpad'). */
  testId?: string;
};

const DIGIT_ROWS = ['123', '456', '789'];

export function NumberPad({ value, onChange, maxLength, label, format = 'plain', testId = 'numpad' }: NumberPadProps) {
  const { t } = useTranslation('widgets');
  const digits = digitsOnly(value);
  const full = digits.length >= maxLength;
  const [composing, setComposing] = useState<string | null>(null);
  const typed = (next: string) => {
    const kept = digitsOnly(next.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))).slice(0, maxLength);
    if (kept !== digits) onChange(kept);
  };
  const press = (d: string) => {
    if (!full) onChange(digits + d);
  };
  const digitKey = (d: string) => (
    <button key={d} type="button" className="wkey wnumpad__key" onClick={() => press(d)} disabled={full} data-testid={`${testId}-key-${d}`}>
      {d}
    </button>
  );

  return (
    <div className="wnumpad" role="group" aria-label={t('number.keypad', { label })} data-testid={testId}>
      <div className="wnumpad__top">
        <div className="wdisplay wnumpad__display" data-testid={`${testId}-display`}>
          <span className="wdisplay__text" aria-hidden="true" data-testid={`${testId}-value`}>
            {composing ?? formatNumber(digits, format)}
          </span>
          <PhysicalTyping value={digits} onText={typed} label={label} testId={testId} onComposing={setComposing} />
          <span className="wdisplay__caret" aria-hidden="true" />
        </div>
        <p className={full ? 'wcount wcount--full' : 'wcount'} aria-live="polite">
          {t('number.count', { n: digits.length, max: maxLength })}
        </p>
      </div>
      <div className="wnumpad__keys">
        {DIGIT_ROWS.flatMap((row) => [...row].map(digitKey))}
        <button
          type="button"
          className="wkey wnumpad__key wnumpad__key--edit"
          onClick={() => onChange('')}
          disabled={digits === ''}
          data-testid={`${testId}-clear`}
        >
          {t('number.clear')}
        </button>
        {digitKey('0')}
        <button
          type="button"
          className="wkey wnumpad__key wnumpad__key--edit"
          onClick={() => onChange(digits.slice(0, -1))}
          disabled={digits === ''}
          data-testid={`${testId}-backspace`}
        >
          {t('number.backspace')}
        </button>
      </div>
    </div>
  );
}
