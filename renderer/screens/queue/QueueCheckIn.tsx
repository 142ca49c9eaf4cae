/** A reservation's check-in at the kiosk: its 8-digit number on the digit pad, then the queue decides. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberPad } from '../../widgets/NumberPad';

type Props = { onSubmit: (code: string) => void; onCancel: () => void; busy: boolean };

const CODE_DIGITS = 8;

export function QueueCheckIn({ onSubmit, onCancel, busy }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  return (
    <section className="queue-check-in" aria-labelledby="queue-check-in-title" data-testid="queue-check-in-screen">
      <h2 id="queue-check-in-title" className="screen__title">
        {t('queue.checkIn.title')}
      </h2>
      <NumberPad value={code} onChange={setCode} maxLength={CODE_DIGITS} label={t('queue.checkIn.label')} testId="queue-code" />
      <div className="queue-waits__actions">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy} data-testid="queue-check-in-cancel">
          {t('queue.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => onSubmit(code)}
          disabled={busy || code.length !== CODE_DIGITS}
          data-testid="queue-check-in-submit"
        >
          {t(busy ? 'queue.taking' : 'queue.checkIn.submit')}
        </button>
      </div>
    </section>
  );
}
