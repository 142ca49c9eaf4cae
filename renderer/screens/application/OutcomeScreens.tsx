/**
 * How the journey ends: the receipt number (large), whether it was received now or will be
 * sent when the network is back, the printed forms to take to the counter for signature,
 * the card to take; or, after a failure, what happened and the receipt number if the
 * submission was kept.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../contract/application-journey';
import type { QueueTicketOutcome } from '../../../contract/queue-desk';
import { useKiosk } from '../../app/kiosk-context';
import { useQueueDesk } from '../../app/use-queue-desk';
import { QueueTicketView } from '../queue/QueueTicketView';
import { FailurePanel } from '../FailurePanel';
import { useLocalize } from './localized';
import { appMessageText } from './message-text';

type DoneView = Extract<ApplicationView, { step: 'done' }>;
type FailedView = Extract<ApplicationView, { step: 'failed' }>;

export function DoneScreen({ view, onHome }: { view: DoneView; onHome: () => void }) {
  const { t } = useTranslation('application');
  const localize = useLocalize();
  return (
    <section className="step-screen" aria-labelledby="done-title" data-testid="app-done">
      <h1 id="done-title" className="screen__title">
        {view.delivery === 'accepted' ? t('done.accepted') : t('done.queued')}
      </h1>
      <div className="app-receipt">
        <p className="app-receipt__label">{t('done.receipt')}</p>
        <p className="app-receipt__number" data-testid="done-receipt">
          {view.receiptNumber}
        </p>
      </div>
      {view.eSigned ? (
        <p className="step-message step-message--info" data-testid="done-e-signed">
          <span className="step-message__strong">{t('done.eSigned')}</span> {t('done.eSignedHint')}
        </p>
      ) : null}
      {view.delivery === 'queued' ? (
        <p className="step-message step-message--warning" data-testid="done-queued">
          {t('done.queuedHint')}
        </p>
      ) : null}
      {view.takeCard ? (
        <p className="screen__title--big take-card-line" role="alert" data-testid="done-take-card">
          {t('done.takeCard')}
        </p>
      ) : null}
      <section className="app-panel" aria-labelledby="done-printed">
        <h2 id="done-printed" className="app-group__title">
          {t('done.printed')}
        </h2>
        <ul className="app-documents" data-testid="done-printed-list">
          {view.printed.map((title) => (
            <li key={title.ja}>{localize(title)}</li>
          ))}
        </ul>
        <p className="step-lead app-counter">{t('done.counter')}</p>
      </section>
      <ToCounter />
      {/* In the fixed bar: a long list of printed forms scrolls beneath it. */}
      <div className="step-actions">
        <button type="button" className="button button--primary button--wide" onClick={onHome} data-testid="app-home">
          {t('done.home')}
        </button>
      </div>
    </section>
  );
}

/**
 * 「このまま窓口へ」: a queue ticket for the application's service that carries its receipt number,
 * so the clerk who calls it opens the prepared forms without asking again. Only with a queue.
 */
function ToCounter() {
  const { t } = useTranslation();
  const { client } = useKiosk();
  const queue = useQueueDesk(client);
  const [outcome, setOutcome] = useState<QueueTicketOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  if (!queue.enabled) return null;
  if (outcome) return <QueueTicketView outcome={outcome} onDone={null} />;
  const take = async () => {
    setBusy(true);
    setOutcome(await client.call('queue.takeApplicationTicket', {}).catch((): QueueTicketOutcome => ({ outcome: 'unavailable' })));
    setBusy(false);
  };
  return (
    <section className="app-panel" aria-labelledby="done-to-counter" data-testid="done-to-counter-panel">
      <p className="step-lead" id="done-to-counter">
        {t('queue.toCounterHint')}
      </p>
      <button type="button" className="button button--secondary button--wide" onClick={() => void take()} disabled={busy} data-testid="done-to-counter">
        {t(busy ? 'queue.taking' : 'queue.toCounter')}
      </button>
    </section>
  );
}

export function ApplicationFailedScreen({ view, onHome }: { view: FailedView; onHome: () => void }) {
  const { t } = useTranslation('application');
  return (
    <FailurePanel
      prefix="app"
      title={t('failed.title')}
      message={appMessageText(t, view.messageKey)}
      takeCard={view.takeCard ? t('failed.takeCard') : null}
      homeLabel={t('failed.home')}
      onHome={onHome}
    >
      {view.receiptNumber ? (
        <div className="step-message step-message--info" data-testid="app-failed-receipt">
          <p className="step-message__strong">{t('failed.receipt', { receipt: view.receiptNumber })}</p>
          <p>{t('failed.receiptHint')}</p>
        </div>
      ) : null}
    </FailurePanel>
  );
}
