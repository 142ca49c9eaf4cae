/**
 * The basket on the certificate list (several certificates, one sale): each certificate chosen so
 * far with its copies and fee, a way to take one out, the running total, and 「お支払いへ進む」.
 * Items the back end refused are named with their reason, so the citizen knows why they went.
 */
import { useTranslation } from 'react-i18next';
import { basketTotalYen, itemTotalYen, type BasketItemView, type CertificateTypeId } from '../../../contract/certificate-journey';
import { messageText } from './message-text';

type Props = {
  items: BasketItemView[];
  removed: { type: CertificateTypeId; reasonKey: string }[];
  onRemove: (index: number) => void;
};

/** The basket's items (each removable) and the items the back end refused, in the screen's scrolling part. */
export function BasketPanel({ items, removed, onRemove }: Props) {
  const { t } = useTranslation('certificate');
  return (
    <section className="basket" aria-labelledby="basket-title" data-testid="basket">
      {removed.length > 0 ? (
        <ul className="step-message step-message--warning basket__removed" data-testid="basket-removed">
          {removed.map((r, i) => (
            <li key={`${r.type}-${i}`}>
              {t(`types.${r.type}`)}: {messageText(t, r.reasonKey)}
            </li>
          ))}
        </ul>
      ) : null}
      <h2 id="basket-title" className="basket__title">
        {t('basket.title')}
      </h2>
      {items.length === 0 ? <p className="step-hint">{t('basket.empty')}</p> : null}
      <ul className="basket__items">
        {items.map((item, i) => (
          <li key={`${item.choice.type}-${i}`} className="basket__item" data-testid={`basket-item-${i}`}>
            <span>{t('basket.item', { type: t(`types.${item.choice.type}`), copies: item.choice.copies, yen: itemTotalYen(item) })}</span>
            <button type="button" className="button button--secondary button--outlined" onClick={() => onRemove(i)} data-testid={`basket-remove-${i}`}>
              {t('basket.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The basket's total and 「お支払いへ進む」, in the screen's fixed action bar (in view however long the list). */
export function BasketCheckout({ items, onCheckout }: { items: BasketItemView[]; onCheckout: () => void }) {
  const { t } = useTranslation('certificate');
  const totalYen = basketTotalYen(items);
  return (
    <div className="step-actions">
      <p className="cert-total" data-testid="basket-total">
        {t('basket.total', { yen: totalYen })}
      </p>
      <button type="button" className="button button--primary button--wide" onClick={onCheckout} data-testid="basket-checkout">
        {t('basket.checkout')}
      </button>
    </div>
  );
}
