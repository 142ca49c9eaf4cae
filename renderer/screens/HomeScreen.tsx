/** The home screen: the two journeys, as two large buttons. */
import { useTranslation } from 'react-i18next';
import type { Journey } from '../../contract/kiosk-api';

export function HomeScreen({ onChoose }: { onChoose: (journey: Journey) => void }) {
  const { t } = useTranslation();
  return (
    <section className="home" aria-labelledby="home-title">
      <h1 id="home-title" className="screen__title">
        {t('home.title')}
      </h1>
      <div className="home__journeys">
        <button type="button" className="journey" onClick={() => onChoose('certificate')} data-testid="journey-certificate">
          <span className="journey__title">{t('home.certificate')}</span>
          <span className="journey__hint">{t('home.certificateHint')}</span>
        </button>
        <button type="button" className="journey" onClick={() => onChoose('application')} data-testid="journey-application">
          <span className="journey__title">{t('home.application')}</span>
          <span className="journey__hint">{t('home.applicationHint')}</span>
        </button>
      </div>
      <p className="home__help">{t('home.help')}</p>
    </section>
  );
}
