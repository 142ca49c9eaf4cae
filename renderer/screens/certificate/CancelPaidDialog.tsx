/**
 * 「手続きをやめますか？」 after payment, before printing: the one way to stop once the fee is taken.
 * It says the money comes back; 「やめずに続ける」 has the focus (the safe choice). It does not ask for
 * the card yet: taken before the confirmation, the card would start the printing. Once confirmed
 * it says the money is being returned and to take the card first; the journey's failed screen
 * (take your card, then the money returned) replaces it.
 */
import { useState } from 'react';
import { useOpeningFocus } from '../../app/use-screen-start';
import { useTranslation } from 'react-i18next';

type Props = {
  /** Sends the confirmed cancel (`certificate.cancelPaid`). */
  onConfirm: () => Promise<unknown>;
  onKeepGoing: () => void;
};

export function CancelPaidDialog({ onConfirm, onKeepGoing }: Props) {
  const { t } = useTranslation('certificate');
  const [returning, setReturning] = useState(false);
  const keepGoing = useOpeningFocus<HTMLButtonElement>();
  const confirm = () => {
    setReturning(true);
    // A refused or failed request leaves the sale as it was: the dialog offers the choice again.
    void onConfirm().finally(() => setReturning(false));
  };
  return (
    <div className="overlay">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="cancel-paid-title"
        aria-describedby="cancel-paid-body"
        data-testid="cancel-paid-dialog"
      >
        <h2 id="cancel-paid-title" className="dialog__title">
          {t('cancelPaid.title')}
        </h2>
        <p id="cancel-paid-body" className="dialog__body step-message__strong" aria-live="polite">
          {returning ? t('cancelPaid.returning') : t('cancelPaid.body')}
        </p>
        {returning ? null : (
          <div className="dialog__actions">
            <button ref={keepGoing} type="button" className="button button--primary button--wide" onClick={onKeepGoing} data-testid="cancel-paid-no">
              {t('cancelPaid.no')}
            </button>
            <button type="button" className="button button--secondary button--wide" onClick={confirm} data-testid="cancel-paid-yes">
              {t('cancelPaid.yes')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
