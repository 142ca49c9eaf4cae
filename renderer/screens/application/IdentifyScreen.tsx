/** How the citizen identifies: read the card's 券面事項 (recommended, less typing) or type everything. */
import { useTranslation } from 'react-i18next';

type Props = {
  /** Why the card path ended here (PIN locked, card unreadable...): shown above the two ways. */
  message?: string;
  onCard: () => void;
  onManual: () => void;
  onBack: () => void;
};

export function IdentifyScreen({ message, onCard, onManual, onBack }: Props) {
  const { t } = useTranslation('application');
  return (
    <section className="step-screen" aria-labelledby="identify-title" data-testid="app-identify">
      <h1 id="identify-title" className="screen__title">
        {t('identify.title')}
      </h1>
      {message ? (
        <p className="step-message step-message--warning" role="alert" data-testid="identify-message">
          {message}
        </p>
      ) : null}
      <div className="app-identify">
        <button type="button" className="journey app-identify__card" onClick={onCard} data-testid="identify-card">
          <span className="app-badge">{t('identify.recommended')}</span>
          <span className="journey__title">{t('identify.card')}</span>
          <span className="journey__hint">{t('identify.cardHint')}</span>
        </button>
        <button type="button" className="journey" onClick={onManual} data-testid="identify-manual">
          <span className="journey__title">{t('identify.manual')}</span>
          <span className="journey__hint">{t('identify.manualHint')}</span>
        </button>
      </div>
      <div className="step-actions app-actions">
        <button type="button" className="button button--secondary button--outlined" onClick={onBack} data-testid="app-back">
          {t('identify.back')}
        </button>
      </div>
    </section>
  );
}
