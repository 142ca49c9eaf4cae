/** The bar every screen shares: where you are, 「音声」, language, text size, and "start over". */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Journey, Language } from '../../contract/kiosk-api';
import { LanguageChooser } from './LanguageChooser';
import type { TextSize } from '../app/text-size';
import { useKiosk } from '../app/kiosk-context';
import { VoiceControls } from './VoiceControls';

const KANJI_READERS: readonly Language[] = ['ja', 'ja-x-easy', 'zh-Hans', 'zh-Hant'];

type Props = {
  textSize: TextSize;
  language: Language;
  /** The config's languages; with one only, no chooser. */
  languages: readonly Language[];
  onChooseLanguage: (language: Language) => void;
  onToggleTextSize: () => void;
  /** Null on the home screen, where there is nothing to start over. */
  onStartOver: (() => void) | null;
  /** The journey below the bar (null: the first screen or an ending), whose prompt 「音声」 speaks. */
  journey: Journey | null;
  ending: boolean;
  /** Starts the citizen's session (settings they change are wiped with it). */
  ensureSession: () => Promise<unknown>;
};

export function TopBar({ textSize, language, languages, onChooseLanguage, onToggleTextSize, onStartOver, journey, ending, ensureSession }: Props) {
  const { t } = useTranslation();
  const { info } = useKiosk();
  const [choosing, setChoosing] = useState(false);
  // In Japanese and Chinese the ward's name as on the office's signs (小倉北区); elsewhere romanised.
  const ward = KANJI_READERS.includes(language) ? info.ward.nameJa : info.ward.nameEn;
  return (
    <header className="top-bar">
      <div className="top-bar__place">
        <span className="top-bar__app">{t('app.name')}</span>
        <span className="top-bar__ward">{t('app.kioskOf', { ward })}</span>
      </div>
      {/* Beside the place, not among the controls: in portrait with larger text the controls fill their row. */}
      <div className="top-bar__voice">
        <VoiceControls language={language} journey={journey} ending={ending} beforeChange={ensureSession} />
      </div>
      <nav className="top-bar__controls" aria-label="settings">
        {onStartOver ? (
          <button type="button" className="button button--secondary" onClick={onStartOver} data-testid="start-over">
            {t('controls.startOver')}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onToggleTextSize} aria-pressed={textSize === 'large'} data-testid="text-size">
          {textSize === 'large' ? t('controls.textStandard') : t('controls.textLarger')}
        </button>
        {languages.length > 1 ? (
          <button
            type="button"
            className="button button--secondary top-bar__language"
            onClick={() => setChoosing(true)}
            aria-haspopup="dialog"
            data-testid="language"
          >
            <GlobeIcon />
            {/* Each language's text adds the English word: the one most visitors know. */}
            {t('controls.language')}
          </button>
        ) : null}
      </nav>
      {choosing ? (
        <LanguageChooser
          languages={languages}
          current={language}
          onChoose={(next) => {
            setChoosing(false);
            onChooseLanguage(next);
          }}
          onClose={() => setChoosing(false)}
        />
      ) : null}
    </header>
  );
}

/** The usual sign for "language", understood without reading any. */
function GlobeIcon() {
  return (
    <svg className="top-bar__globe" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="12" cy="12" r="10" />
        <ellipse cx="12" cy="12" rx="4.5" ry="10" />
        <path d="M2 12h20M4 6.5h16M4 17.5h16" />
      </g>
    </svg>
  );
}
