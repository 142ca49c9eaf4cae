/**
 * Controls for simulated devices (demos, technicians), clearly marked as not for citizens.
 * Shown only when the main side says that device is a simulator. The card list appears
 * while the journey waits for a card; "remove the card" stays on every screen so the demo
 * can always "take the card"; coins and notes appear while cash is being taken; the cashless
 * terminal's next answer (approve / decline) can be chosen while the citizen picks how to pay;
 * device and back-end faults can be injected on any journey screen (SimulatorFaults).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../contract/application-journey';
import type { CertificateView } from '../../../contract/certificate-journey';
import type { KioskInfo } from '../../../contract/kiosk-api';
import type { CertificateViewState } from '../../app/use-certificate-view';
import { SimulatorFaults } from './SimulatorFaults';

const CASH_YEN = [10, 50, 100, 500, 1000] as const;

type SimCard = { cardId: string; label: string };

/** Either journey's view: the card list shows while it waits for a card (`insert-card`). */
type Props = { view: CertificateView | ApplicationView | null; simulated: KioskInfo['simulated']; call: CertificateViewState['call'] };

export function SimulatorPanel({ view, simulated, call }: Props) {
  const { t } = useTranslation('certificate');
  const [cards, setCards] = useState<SimCard[]>([]);
  const waitingForCard = view?.step === 'insert-card';
  const takingCash = simulated.cash && view?.step === 'pay' && view.method === 'cash';
  // The simulated terminal answers within a moment of the tap, so its answer is chosen beforehand.
  const choosingMethod = simulated.cashless && view?.step === 'pay' && view.method === null;
  const [nextCashless, setNextCashless] = useState<'approve' | 'decline' | null>(null);

  useEffect(() => {
    if (!choosingMethod) setNextCashless(null);
  }, [choosingMethod]);

  useEffect(() => {
    if (!simulated.card || !waitingForCard) return;
    let live = true;
    void call('simulator.listCards', {}).then((list) => {
      if (live && list) setCards(list);
    });
    return () => {
      live = false;
    };
  }, [simulated.card, waitingForCard, call]);

  const faultsToInject = simulated.printer || simulated.cash || simulated.cashless;
  if (!simulated.card && !takingCash && !choosingMethod && !faultsToInject) return null;
  return (
    <aside className="sim-panel" aria-labelledby="sim-title" data-testid="sim-panel">
      <h2 id="sim-title" className="sim-panel__title">
        {t('simulator.title')}
      </h2>
      {simulated.card && waitingForCard && cards.length > 0 ? (
        <>
          <p className="sim-panel__label">{t('simulator.cards')}</p>
          <ul className="sim-panel__list">
            {cards.map((c) => (
              <li key={c.cardId}>
                <button
                  type="button"
                  className="button sim-button"
                  onClick={() => void call('simulator.insertCard', { cardId: c.cardId })}
                  data-testid={`sim-insert-${c.cardId}`}
                >
                  {t('simulator.insert', { label: c.label })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {takingCash ? (
        <>
          <p className="sim-panel__label">{t('simulator.cash')}</p>
          <div className="sim-panel__row">
            {CASH_YEN.map((yen) => (
              <button
                key={yen}
                type="button"
                className="button sim-button"
                onClick={() => void call('simulator.insertCash', { yen })}
                data-testid={`sim-cash-${yen}`}
              >
                {t('simulator.coin', { yen })}
              </button>
            ))}
          </div>
        </>
      ) : null}
      {choosingMethod ? (
        <>
          <p className="sim-panel__label">{t('simulator.cashless')}</p>
          <div className="sim-panel__row">
            {(['approve', 'decline'] as const).map((outcome) => (
              <button
                key={outcome}
                type="button"
                className="button sim-button"
                aria-pressed={nextCashless === outcome}
                onClick={() =>
                  void call('simulator.cashlessNext', { outcome }).then((ok) => {
                    if (ok) setNextCashless(outcome);
                  })
                }
                data-testid={`sim-cashless-${outcome}`}
              >
                {t(outcome === 'approve' ? 'simulator.cashlessApprove' : 'simulator.cashlessDecline')}
              </button>
            ))}
          </div>
        </>
      ) : null}
      {simulated.card ? (
        <div className="sim-panel__row">
          <button type="button" className="button sim-button" onClick={() => void call('simulator.removeCard', {})} data-testid="sim-remove-card">
            {t('simulator.remove')}
          </button>
        </div>
      ) : null}
      {faultsToInject ? <SimulatorFaults simulated={simulated} call={call} /> : null}
    </aside>
  );
}
