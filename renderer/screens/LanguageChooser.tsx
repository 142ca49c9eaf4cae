/**
 * The list of languages the top bar opens: large buttons, each language named in its own script
 * (and marked with its `lang`, so the right font and reading apply), the current one marked.
 */
import { useOpeningFocus } from '../app/use-screen-start';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../contract/kiosk-api';
import { LANGUAGE_NAMES } from '../i18n/languages';

type Props = {
  languages: readonly Language[];
  current: Language;
  onChoose: (language: Language) => void;
  onClose: () => void;
};

export function LanguageChooser({ languages, current, onChoose, onClose }: Props) {
  const { t } = useTranslation();
  const currentButton = useOpeningFocus<HTMLButtonElement>();
  return (
    <div className="overlay">
      <div className="dialog dialog--wide" role="dialog" aria-modal="true" aria-labelledby="language-title" data-testid="language-chooser">
        <h2 id="language-title" className="dialog__title">
          {t('controls.languageTitle')}
        </h2>
        <ul className="language-list">
          {languages.map((language) => (
            <li key={language}>
              <button
                ref={language === current ? currentButton : undefined}
                type="button"
                className={`button button--wide ${language === current ? 'button--primary' : 'button--secondary'}`}
                lang={language}
                aria-current={language === current ? 'true' : undefined}
                onClick={() => onChoose(language)}
                data-testid={`language-${language}`}
              >
                {LANGUAGE_NAMES[language]}
              </button>
            </li>
          ))}
        </ul>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary button--wide" onClick={onClose} data-testid="language-close">
            {t('controls.languageClose')}
          </button>
        </div>
      </div>
    </div>
  );
}
