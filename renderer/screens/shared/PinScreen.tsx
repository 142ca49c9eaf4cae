/**
 * A 4-digit card PIN, keypad only: no text field, so no keyboard, autocomplete or spell-check can
 * see it. The citizen knows one number, so it has one name on every screen, 「マイナンバーカードの
 * 暗証番号（数字4けた）」; the card's technical name for it (the certificates' 利用者証明用電子証明書,
 * the applications' 券面事項入力補助用, the same 4 digits for most people) is small beneath, for
 * staff who help. The tries left are said as what happens at zero (the PIN locks). The digits live only in this component's state; they are cleared
 * the moment they are sent, and vanish with the component when the step changes.
 *
 * With one try left, 確定 first asks an explicit confirmation (the lock warning) and only
 * then sends with `confirmedLastTry`.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keypadDigits } from './pin-layout';
import { PinKeypad } from './PinKeypad';
import { LastTryDialog } from '../../widgets/LastTryDialog';

const PIN_LENGTH = 4;

type Props = {
  triesLeft: number;
  lastTry: boolean;
  /** Why the PIN is asked again (wrong PIN, confirm the last try), as text: each journey resolves its own message keys. */
  error?: string;
  shuffle: boolean;
  onSubmit: (pin: string, confirmedLastTry: boolean) => void;
  /** The card's technical name for this PIN, shown small under the heading. */
  technicalName: string;
};

export function PinScreen({ triesLeft, lastTry, error, shuffle, onSubmit, technicalName }: Props) {
  const { t } = useTranslation('certificate');
  const [digits, setDigits] = useState('');
  const [confirming, setConfirming] = useState(false);
  const layout = useMemo(() => keypadDigits(shuffle), [shuffle]);
  const full = digits.length === PIN_LENGTH;

  const press = (d: string) => setDigits((s) => (s.length < PIN_LENGTH ? s + d : s));
  const backspace = () => setDigits((s) => s.slice(0, -1));
  const send = (confirmed: boolean) => {
    const pin = digits;
    setDigits('');
    setConfirming(false);
    if (pin.length === PIN_LENGTH) onSubmit(pin, confirmed);
  };
  const ok = () => {
    if (!full) return;
    if (lastTry) setConfirming(true);
    else send(false);
  };

  return (
    <section className="step-screen pin" aria-labelledby="pin-title" data-testid="cert-pin">
      <h1 id="pin-title" className="screen__title">
        {t('pin.title')}
      </h1>
      <p className="pin__technical" data-testid="cert-pin-technical">
        {technicalName}
      </p>
      {error ? (
        <p className="step-message step-message--error" role="alert" data-testid="cert-pin-error">
          {error}
        </p>
      ) : null}
      <div className="pin__body">
        <div className="pin__info">
          <div className="pin__status">
            <div className="pin__dots" role="status" aria-label={t('pin.entered', { count: digits.length })} data-testid="cert-pin-dots">
              {Array.from({ length: PIN_LENGTH }, (_, i) => (
                <span key={i} className={i < digits.length ? 'pin__dot pin__dot--filled' : 'pin__dot'} aria-hidden="true" />
              ))}
            </div>
            <p className={lastTry ? 'pin__tries pin__tries--last' : 'pin__tries'} data-testid="cert-pin-tries">
              {t('pin.triesLeft', { n: triesLeft })}
            </p>
          </div>
          {lastTry ? (
            <div className="step-message step-message--warning" data-testid="cert-pin-last-try">
              <p className="step-message__strong">{t('pin.lastTryWarning')}</p>
              <p>{t('pin.lastTryHint')}</p>
            </div>
          ) : null}
        </div>
        <PinKeypad
          digits={layout}
          digitsDisabled={full || confirming}
          backspaceDisabled={digits.length === 0 || confirming}
          okDisabled={!full || confirming}
          onDigit={press}
          onBackspace={backspace}
          onOk={ok}
        />
      </div>
      {confirming ? (
        <LastTryDialog
          idPrefix="pin-confirm"
          testId="cert-pin-confirm"
          yesTestId="pin-confirm-yes"
          noTestId="pin-confirm-no"
          title={t('pin.confirmTitle')}
          body={t('pin.lastTryWarning')}
          yesLabel={t('pin.confirmYes')}
          noLabel={t('pin.confirmNo')}
          onYes={() => send(true)}
          onNo={() => {
            setDigits('');
            setConfirming(false);
          }}
        />
      ) : null}
    </section>
  );
}
