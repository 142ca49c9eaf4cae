/**
 * Where a failure leaves the citizen: what happened, what money came back (「返却したお金」 to the
 * coin tray, or 「カードへの請求を取り消しました」 after a cashless refund), the voucher number for
 * what could not (「返金引換券をお取りください」 when the kiosk printed the slip, else
 * 「係員をお呼びください」, also when no voucher could be recorded), the card to take, and one way out.
 */
import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../../../contract/certificate-journey';
import { FailurePanel } from '../FailurePanel';
import { messageText } from './message-text';

type FailedView = Extract<CertificateView, { step: 'failed' }>;

/** The citizen stopped after paying (「手続きを中止しました」), rather than the kiosk failing. */
const CANCELLED_AFTER_PAYMENT = 'certificate.error.cancelledAfterPayment';

export function FailedScreen({ view, onHome }: { view: FailedView; onHome: () => void }) {
  const { t } = useTranslation('certificate');
  return (
    <FailurePanel
      prefix="cert"
      title={t(view.messageKey === CANCELLED_AFTER_PAYMENT ? 'failed.cancelledTitle' : 'failed.title')}
      message={messageText(t, view.messageKey)}
      takeCard={view.takeCard ? t('failed.takeCard') : null}
      homeLabel={t('failed.home')}
      onHome={onHome}
    >
      {view.refundedYen > 0 ? (
        <p className="step-lead" data-testid="cert-refunded">
          {t(view.refundedTo === 'cashless' ? 'failed.refundedCashless' : 'failed.refunded', { yen: view.refundedYen })}
        </p>
      ) : null}
      {view.owedYen > 0 ? (
        <div className="step-message step-message--warning" data-testid="cert-owed">
          <p className="step-message__strong">{t('failed.owed', { yen: view.owedYen })}</p>
          {view.voucher ? (
            <>
              <p className="cert-voucher" data-testid="cert-voucher">
                {t('failed.voucher', { voucher: view.voucher })}
              </p>
              {view.moreVouchers.map((voucher) => (
                // A basket's other items: each refunded on its own voucher.
                <p key={voucher} className="cert-voucher" data-testid="cert-voucher-more">
                  {t('failed.voucher', { voucher })}
                </p>
              ))}
              {view.voucherPrinted ? (
                <div data-testid="cert-voucher-slip">
                  <p className="screen__title--big">{t('failed.voucherSlip')}</p>
                  <p>{t('failed.voucherSlipHint')}</p>
                </div>
              ) : (
                <div data-testid="cert-voucher-call-staff">
                  <p className="screen__title--big">{t('failed.voucherCallStaff')}</p>
                  <p>{t('failed.voucherHint')}</p>
                </div>
              )}
            </>
          ) : (
            // Owed, but no voucher could be journaled: staff pay it by hand (they were alerted).
            <div data-testid="cert-voucher-call-staff">
              <p className="screen__title--big">{t('failed.voucherCallStaff')}</p>
              <p>{t('failed.owedNoVoucher')}</p>
            </div>
          )}
        </div>
      ) : null}
    </FailurePanel>
  );
}
