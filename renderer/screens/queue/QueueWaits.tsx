/**
 * The home screen's part of the ward queue (待たない): the current wait per service
 * (「住民票など 約5分」), a ticket in two touches (the service, then 「番号札を取る」), and the
 * way to check a reservation in. With the queue out of reach: no waits, and the words that send
 * the citizen to the reception desk. A kiosk without a queue shows nothing of it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueDeskState, QueueWait } from '../../../contract/queue-desk';
import { serviceName, waitText } from './queue-text';

type Props = {
  state: QueueDeskState;
  /** Touch 2: take the ticket for the chosen service. */
  onTake: (service: string) => void;
  /** A touch on the queue part (starts the session, so the idle timer brings the home screen back). */
  onTouch: () => void;
  onCheckIn: () => void;
  busy: boolean;
};

export function QueueWaits({ state, onTake, onTouch, onCheckIn, busy }: Props) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<QueueWait | null>(null);
  if (!state.enabled) return null;
  return (
    <section className="queue-waits" aria-labelledby="queue-title" data-testid="queue-waits">
      <h2 id="queue-title" className="home__status-title">
        {t('queue.title')}
      </h2>
      {state.waits === null ? (
        <p className="step-message step-message--warning" data-testid="queue-waits-unavailable">
          {t('queue.unavailable')}
        </p>
      ) : chosen ? (
        <div className="queue-waits__chosen" data-testid="queue-chosen">
          <p className="queue-waits__service">
            {serviceName(t, chosen.service, chosen.nameJa)} {waitText(t, chosen.estimatedWaitMinutes)}
          </p>
          <div className="queue-waits__actions">
            <button type="button" className="button button--secondary" onClick={() => setChosen(null)} disabled={busy} data-testid="queue-cancel">
              {t('queue.cancel')}
            </button>
            <button type="button" className="button button--primary" onClick={() => onTake(chosen.service)} disabled={busy} data-testid="queue-take">
              {t(busy ? 'queue.taking' : 'queue.take')}
            </button>
          </div>
        </div>
      ) : (
        <ul className="queue-waits__list">
          {state.waits.map((w) => (
            <li key={w.service}>
              <button
                type="button"
                className="queue-waits__service-button"
                onClick={() => {
                  onTouch();
                  setChosen(w);
                }}
                data-testid={`queue-service-${w.service}`}
              >
                <span className="queue-waits__name">{serviceName(t, w.service, w.nameJa)}</span>
                <span className="queue-waits__wait" data-testid={`queue-wait-${w.service}`}>
                  {waitText(t, w.estimatedWaitMinutes)}
                </span>
                <span className="queue-waits__count">{t('queue.waiting', { count: w.waiting })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {state.waits !== null && !chosen ? (
        <button type="button" className="button button--secondary button--outlined" onClick={onCheckIn} data-testid="queue-check-in">
          {t('queue.checkIn.open')}
        </button>
      ) : null}
    </section>
  );
}
