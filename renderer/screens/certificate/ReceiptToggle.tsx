/** 領収書 on request: one button on the fee and card screens; pressed, the receipt prints after the certificates. */
import { useTranslation } from 'react-i18next';

export function ReceiptToggle({ wanted, onReceipt }: { wanted: boolean; onReceipt: (wanted: boolean) => void }) {
  const { t } = useTranslation('certificate');
  return (
    <button
      type="button"
      className="button button--secondary button--outlined"
      aria-pressed={wanted}
      onClick={() => onReceipt(!wanted)}
      data-testid="receipt-toggle"
    >
      {wanted ? `☑ ${t('receipt.chosen')}` : `☐ ${t('receipt.ask')}`}
    </button>
  );
}
