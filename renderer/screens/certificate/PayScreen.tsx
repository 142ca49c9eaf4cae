/**
 * The fee (of every certificate in the basket, listed when there are several): first how to pay (現金 / キャッシュレス), then for cash how much is in and how much
 * is still due, and which coins or notes the machine cannot take now (it lacks their change).
 * 「戻る」 goes back to the choice; money inserted so far comes back.
 */
import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../../../contract/certificate-journey';
import { messageText } from './message-text';
import { ReceiptToggle } from './ReceiptToggle';

type PayView = Extract<CertificateView, { step: 'pay' }>;

type Props = { view: PayView; onMethod: (method: 'cash' | 'cashless') => void; onBack: () => void; onReceipt: (wanted: boolean) => void };

export function PayScreen({ view, onMethod, onBack, onReceipt }: Props) {
  const { t } = useTranslation('certificate');
  const error = view.errorKey ? (
    <p className="step-message step-message--error" role="alert" data-testid="cert-pay-error">
      {messageText(t, view.errorKey)}
    </p>
  ) : null;
  const back = (
    <div className="step-actions">
      <ReceiptToggle wanted={view.receipt} onReceipt={onReceipt} />
      <button type="button" className="button button--secondary button--outlined" onClick={onBack} data-testid="pay-back">
        {t('pay.back')}
      </button>
      {view.method === 'cash' && view.insertedYen > 0 ? <p className="step-hint">{t('pay.backHint')}</p> : null}
    </div>
  );

  if (view.method === null) {
    return (
      <section className="step-screen" aria-labelledby="pay-title" data-testid="cert-pay-method">
        {view.items.length > 1 ? (
          <ul className="basket__items pay-items" data-testid="pay-items">
            {view.items.map((item, i) => (
              <li key={`${item.type}-${i}`} className="basket__item">
                {t('basket.item', { type: t(`types.${item.type}`), copies: item.copies, yen: item.feeYen })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="notice__context">
            {t(`types.${view.choice.type}`)} {t('choose.copiesValue', { count: view.choice.copies })}
          </p>
        )}
        <h1 id="pay-title" className="screen__title screen__title--big" data-testid="cert-fee">
          {t('pay.title', { yen: view.dueYen })}
        </h1>
        {error}
        <p className="step-lead">{t('pay.method')}</p>
        <div className="method-buttons">
          <button type="button" className="journey" onClick={() => onMethod('cash')} data-testid="pay-cash">
            <span className="journey__title">{t('pay.cash')}</span>
          </button>
          <button type="button" className="journey" onClick={() => onMethod('cashless')} data-testid="pay-cashless">
            <span className="journey__title">{t('pay.cashless')}</span>
          </button>
        </div>
        {back}
      </section>
    );
  }

  if (view.method === 'cashless') {
    return (
      <section className="step-screen step-screen--center" aria-labelledby="pay-title" data-testid="cert-pay-cashless">
        <p className="step-lead">{t('pay.title', { yen: view.dueYen })}</p>
        <h1 id="pay-title" className="screen__title screen__title--big">
          {t('pay.cashlessTitle')}
        </h1>
        {error}
        {back}
      </section>
    );
  }

  const remaining = Math.max(0, view.dueYen - view.insertedYen);
  return (
    <section className="step-screen pay-cash" aria-labelledby="pay-title" data-testid="cert-pay-cash">
      <h1 id="pay-title" className="screen__title screen__title--big">
        {t('pay.insertCash')}
      </h1>
      {error}
      <dl className="cash-table" aria-live="polite">
        <div className="cash-table__row">
          <dt>{t('pay.due')}</dt>
          <dd data-testid="cash-due">{t('pay.yen', { yen: view.dueYen })}</dd>
        </div>
        <div className="cash-table__row">
          <dt>{t('pay.inserted')}</dt>
          <dd data-testid="cash-inserted">{t('pay.yen', { yen: view.insertedYen })}</dd>
        </div>
        <div className="cash-table__row cash-table__row--remaining">
          <dt>{t('pay.remaining')}</dt>
          <dd data-testid="cash-remaining">{t('pay.yen', { yen: remaining })}</dd>
        </div>
      </dl>
      <p className="step-hint">{t('pay.cashHint')}</p>
      {view.refusedYen.length > 0 ? (
        <div className="step-message step-message--warning" role="status" data-testid="cash-refused">
          {view.refusedYen.map((yen) => (
            <p key={yen}>{t('pay.notAccepted', { money: t(`pay.money.${yen}`) })}</p>
          ))}
          <p>{t('pay.notAcceptedWhy')}</p>
        </div>
      ) : null}
      {back}
    </section>
  );
}
