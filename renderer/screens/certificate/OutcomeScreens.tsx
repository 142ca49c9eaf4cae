/** The last steps: take the card (and change), printing, take the certificate. One sentence each, very large. */
import { useTranslation } from 'react-i18next';

export function TakeCardScreen({ changeYen }: { changeYen: number }) {
  const { t } = useTranslation('certificate');
  return (
    <section className="cert-screen cert-screen--center" aria-live="assertive" data-testid="cert-take-card">
      <h1 className="screen__title cert-title--huge">{t('takeCard.title')}</h1>
      {changeYen > 0 ? (
        <div className="cert-message cert-message--info">
          <p className="cert-message__strong" data-testid="cert-change">
            {t('takeCard.change', { yen: changeYen })}
          </p>
          <p>{t('takeCard.changeHint')}</p>
        </div>
      ) : null}
      <p className="cert-hint">{t('takeCard.next')}</p>
    </section>
  );
}

export function PrintingScreen({ pagesDone }: { pagesDone: number | null }) {
  const { t } = useTranslation('certificate');
  return (
    <section className="cert-screen cert-screen--center" aria-live="polite" aria-busy="true" data-testid="cert-printing">
      <div className="cert-spinner" aria-hidden="true" />
      <h1 className="screen__title cert-title--big">{t('printing.title')}</h1>
      <p className="cert-hint">{pagesDone ? t('printing.pages', { n: pagesDone }) : t('printing.wait')}</p>
    </section>
  );
}

export function TakeCertificateScreen() {
  const { t } = useTranslation('certificate');
  return (
    <section className="cert-screen cert-screen--center" aria-live="assertive" data-testid="cert-take-certificate">
      <h1 className="screen__title cert-title--huge">{t('takeCertificate.title')}</h1>
      <p className="cert-lead">{t('takeCertificate.thanks')}</p>
    </section>
  );
}
