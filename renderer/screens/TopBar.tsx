/** The bar every screen shares: where you are, language, text size, and "start over". */
import { useTranslation } from 'react-i18next';
import type { TextSize } from '../app/text-size';
import { useKiosk } from '../app/kiosk-context';

type Props = {
  textSize: TextSize;
  canSwitchLanguage: boolean;
  onToggleLanguage: () => void;
  onToggleTextSize: () => void;
  /** Null on the home screen, where there is nothing to start over. */
  onStartOver: (() => void) | null;
};

export function TopBar({ textSize, canSwitchLanguage, onToggleLanguage, onToggleTextSize, onStartOver }: Props) {
  const { t, i18n } = useTranslation();
  const { info } = useKiosk();
  const ward = i18n.language === 'ja' ? info.ward.nameJa : info.ward.nameEn;
  return (
    <header className="top-bar">
      <div className="top-bar__place">
        <span className="top-bar__app">{t('app.name')}</span>
        <span className="top-bar__ward">{t('app.kioskOf', { ward })}</span>
      </div>
      <nav className="top-bar__controls" aria-label="settings">
        {onStartOver ? (
          <button type="button" className="button button--secondary" onClick={onStartOver} data-testid="start-over">
            {t('controls.startOver')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          onClick={onToggleTextSize}
          aria-pressed={textSize === 'large'}
          data-testid="text-size"
        >
          {textSize === 'large' ? t('controls.textStandard') : t('controls.textLarger')}
        </button>
        {canSwitchLanguage ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={onToggleLanguage}
            aria-label={t('controls.languageLabel')}
            lang={i18n.language === 'ja' ? 'en' : 'ja'}
            data-testid="language"
          >
            {t('controls.language')}
          </button>
        ) : null}
      </nav>
    </header>
  );
}
