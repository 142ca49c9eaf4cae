/** The last steps: take the card (and change), printing, take the certificate. One sentence each, very large. */
import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../../../contract/certificate-journey';
import { HomeCountdown } from '../shared/HomeCountdown';
import { ReceiptToggle } from './ReceiptToggle';

type TakeCardView = Extract<CertificateView, { step: 'take-card' }>;
type TakeCertificateView = Extract<CertificateView, { step: 'take-certificate' }>;

/** Change the machine could not give: the amount and the voucher number (its slip follows the certificate). */
function ChangeOwed({ owedYen, voucher }: { owedYen: number; voucher: string | null }) {
  const { t } = useTranslation('certificate');
  return (
    <div className="step-message step-message--warning" data-testid="cert-change-owed">
      <p className="step-message__strong">{t('takeCard.changeOwed', { yen: owedYen })}</p>
      {voucher ? (
        <p className="cert-voucher" data-testid="cert-change-voucher">
          {t('failed.voucher', { voucher })}
        </p>
      ) : null}
    </div>
  );
}

export function TakeCardScreen({
  changeYen,
  owedYen = 0,
  voucher = null,
  receipt = false,
  onReceipt,
}: Pick<TakeCardView, 'changeYen'> & Partial<Pick<TakeCardView, 'owedYen' | 'voucher' | 'receipt'>> & { onReceipt?: (wanted: boolean) => void }) {
  const { t } = useTranslation('certificate');
  return (
    <section className="step-screen step-screen--center" aria-live="assertive" data-testid="cert-take-card">
      <h1 className="screen__title screen__title--huge">{t('takeCard.title')}</h1>
      {changeYen > 0 ? (
        <div className="step-message step-message--info">
          <p className="step-message__strong" data-testid="cert-change">
            {t('takeCard.change', { yen: changeYen })}
          </p>
          <p>{t('takeCard.changeHint')}</p>
        </div>
      ) : null}
      {owedYen > 0 ? <ChangeOwed owedYen={owedYen} voucher={voucher} /> : null}
      <p className="step-hint">{t('takeCard.next')}</p>
      {onReceipt ? <ReceiptToggle wanted={receipt} onReceipt={onReceipt} /> : null}
    </section>
  );
}

export function PrintingScreen({ pagesDone }: { pagesDone: number | null }) {
  const { t } = useTranslation('certificate');
  return (
    <section className="step-screen step-screen--center" aria-live="polite" aria-busy="true" data-testid="cert-printing">
      <div className="step-spinner" aria-hidden="true" />
      <h1 className="screen__title screen__title--big">{t('printing.title')}</h1>
      <p className="step-hint">{pagesDone ? t('printing.pages', { n: pagesDone }) : t('printing.wait')}</p>
    </section>
  );
}

/** The certificate is out: take it (and a voucher slip), with the countdown to the first screen. */
export function TakeCertificateScreen({
  owedYen = 0,
  voucher = null,
  voucherPrinted = false,
  receipt = null,
  remainingMs,
}: Partial<Pick<TakeCertificateView, 'owedYen' | 'voucher' | 'voucherPrinted' | 'receipt'>> & Pick<TakeCertificateView, 'remainingMs'>) {
  const { t } = useTranslation('certificate');
  return (
    <section className="step-screen step-screen--center" aria-live="assertive" data-testid="cert-take-certificate">
      <h1 className="screen__title screen__title--huge">{t('takeCertificate.title')}</h1>
      {owedYen > 0 ? (
        <>
          <ChangeOwed owedYen={owedYen} voucher={voucher} />
          <p className="screen__title--big" data-testid={voucherPrinted ? 'cert-voucher-slip' : 'cert-voucher-call-staff'}>
            {t(voucherPrinted ? 'takeCertificate.voucherSlip' : 'failed.voucherCallStaff')}
          </p>
        </>
      ) : null}
      {receipt ? (
        <p className={receipt === 'printed' ? 'screen__title--big' : 'step-message step-message--warning'} data-testid={`cert-receipt-${receipt}`}>
          {t(receipt === 'printed' ? 'takeCertificate.receipt' : 'takeCertificate.receiptFailed')}
        </p>
      ) : null}
      <p className="step-lead">{t('takeCertificate.thanks')}</p>
      <HomeCountdown remainingMs={remainingMs} />
    </section>
  );
}
