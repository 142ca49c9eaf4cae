/**
 * The on-screen PIN keypad: ten digit keys (in the order given), 訂正 and 確定. Large keys
 * (at least 96 px), no text field behind them.
 */
import { useTranslation } from 'react-i18next';

type Props = {
  /** The ten digits in display order; the last one sits between 訂正 and 確定. */
  digits: string[];
  /** Digit keys are off (the PIN is complete, or a confirmation is showing). */
  digitsDisabled: boolean;
  backspaceDisabled: boolean;
  okDisabled: boolean;
  onDigit: (digit: string) => void;
  onBackspace: () => void;
  onOk: () => void;
};

export function PinKeypad({ digits, digitsDisabled, backspaceDisabled, okDisabled, onDigit, onBackspace, onOk }: Props) {
  const { t } = useTranslation('certificate');
  return (
    <div className="keypad" role="group" aria-label={t('pin.keypad')}>
      {digits.map((d, i) => (
        <button
          key={d}
          type="button"
          className={i === digits.length - 1 ? 'keypad__key keypad__key--bottom' : 'keypad__key'}
          onClick={() => onDigit(d)}
          disabled={digitsDisabled}
          data-testid={`pin-key-${d}`}
        >
          {d}
        </button>
      ))}
      <button type="button" className="keypad__key keypad__key--backspace" onClick={onBackspace} disabled={backspaceDisabled} data-testid="pin-backspace">
        {t('pin.backspace')}
      </button>
      <button type="button" className="keypad__key keypad__key--ok" onClick={onOk} disabled={okDisabled} data-testid="pin-ok">
        {t('pin.ok')}
      </button>
    </div>
  );
}
