/** Says plainly that a journey is not available yet, and how to get back. */
import { useTranslation } from 'react-i18next';
import type { Journey } from '../../contract/kiosk-api';

export function NotYetScreen({ journey, onBack }: { journey: Journey; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="notice" aria-labelledby="not-yet-title" data-testid={`not-yet-${journey}`}>
      <p className="notice__context">{t(journey === 'certificate' ? 'home.certificate' : 'home.application')}</p>
      <h1 id="not-yet-title" className="screen__title">
        {t('notYet.title')}
      </h1>
      <p className="notice__body">{t('notYet.body')}</p>
      <button type="button" className="button button--primary button--wide" onClick={onBack} data-testid="back-home">
        {t('notYet.back')}
      </button>
    </section>
  );
}
