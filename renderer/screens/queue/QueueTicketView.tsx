/**
 * A queue ticket as taken, or why there is none: the number (very large), the counters, the people
 * ahead, the estimated wait and the QR of the wait-status page; whether it printed. With the queue
 * service out of reach no number is shown: the citizen is sent to the reception desk, in words.
 */
import { useTranslation } from 'react-i18next';
import type { QueueTicketOutcome } from '../../../contract/queue-desk';
import { serviceName, waitText } from './queue-text';

type Props = { outcome: QueueTicketOutcome; onDone: (() => void) | null };

export function QueueTicketView({ outcome, onDone }: Props) {
  const { t } = useTranslation();
  const done = onDone ? (
    <button type="button" className="button button--primary button--wide" onClick={onDone} data-testid="queue-done">
      {t('queue.ticket.done')}
    </button>
  ) : null;
  if (outcome.outcome === 'unavailable') {
    return (
      <section className="queue-ticket" data-testid="queue-unavailable">
        <p className="step-message step-message--warning" role="alert">
          {t('queue.unavailable')}
        </p>
        {done}
      </section>
    );
  }
  if (outcome.outcome === 'refused') {
    return (
      <section className="queue-ticket" data-testid="queue-refused" data-code={outcome.code}>
        <p className="step-message step-message--warning" role="alert">
          {t(`queue.refused.${outcome.code}`)}
        </p>
        {done}
      </section>
    );
  }
  const ticket = outcome.ticket;
  return (
    <section className="queue-ticket" aria-labelledby="queue-ticket-title" data-testid="queue-ticket">
      <h2 id="queue-ticket-title" className="screen__title">
        {t('queue.ticket.title')} — {serviceName(t, ticket.service, ticket.nameJa)}
      </h2>
      <div className="queue-ticket__body">
        <div>
          <p className="queue-ticket__label">{t('queue.ticket.number')}</p>
          <p className="queue-ticket__number" data-testid="queue-ticket-number">
            {ticket.number}
          </p>
          {ticket.counters.length > 0 ? (
            <p data-testid="queue-ticket-counters">
              {t('queue.ticket.counters')}: {ticket.counters.join('・')}
            </p>
          ) : null}
          <p data-testid="queue-ticket-ahead">{t('queue.ticket.ahead', { count: ticket.ahead })}</p>
          <p data-testid="queue-ticket-wait">
            {t('queue.ticket.wait')}: {waitText(t, ticket.estimatedWaitMinutes)}
          </p>
          {ticket.timing ? <p data-testid="queue-ticket-timing">{t(ticket.timing === 'on-time' ? 'queue.ticket.onTime' : 'queue.ticket.late')}</p> : null}
          {ticket.receiptNumber ? <p data-testid="queue-ticket-receipt">{t('queue.ticket.receipt', { receipt: ticket.receiptNumber })}</p> : null}
        </div>
        <figure className="queue-ticket__qr" data-testid="queue-ticket-qr" data-url={ticket.statusUrl}>
          <svg viewBox="0 0 100 100" role="img" aria-label={t('queue.ticket.qr')}>
            <rect width="100" height="100" fill="#ffffff" />
            <path d={ticket.qrSvgPath} fill="#000000" />
          </svg>
          <figcaption>{t('queue.ticket.qr')}</figcaption>
        </figure>
      </div>
      <p className={ticket.printed ? 'step-message step-message--info' : 'step-message step-message--warning'} role="status" data-testid="queue-ticket-printed">
        {t(ticket.printed ? 'queue.ticket.printed' : 'queue.ticket.notPrinted')}
      </p>
      {done}
    </section>
  );
}
