/**
 * 「音声」 on every screen (in the top bar): plays the screen's spoken prompt; beside it the
 * citizen's speech rate and volume. Where the language has no voice the kiosk says so and offers
 * English speech. The audio comes from main, from the page's own origin (`/voice/…`).
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Journey, Language } from '../../contract/kiosk-api';
import { voiceRateSchema, voiceVolumeSchema, type VoiceRate, type VoiceSettings, type VoiceVolume } from '../../contract/voice';
import { useKiosk } from '../app/kiosk-context';
import { useOpeningFocus } from '../app/use-screen-start';
import { useVoice } from '../app/use-voice';
import { useVoiceScreen } from '../app/use-voice-screen';

const RATE_LABELS: Readonly<Record<VoiceRate, string>> = { slow: 'voice.rateSlow', normal: 'voice.rateNormal', fast: 'voice.rateFast' };
const VOLUME_LABELS: Readonly<Record<VoiceVolume, string>> = { low: 'voice.volumeLow', medium: 'voice.volumeMedium', high: 'voice.volumeHigh' };

type Props = {
  language: Language;
  /** Where the citizen is (the step is followed here, so only the bar re-renders as it changes). */
  journey: Journey | null;
  ending: boolean;
  /** Starts the session first: a citizen's settings are wiped with their session. */
  beforeChange: () => Promise<unknown>;
};

export function VoiceControls({ language, journey, ending, beforeChange }: Props) {
  const { t } = useTranslation();
  const { client } = useKiosk();
  const screen = useVoiceScreen(client, journey, ending);
  const voice = useVoice(client, language, screen, beforeChange);
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--secondary top-bar__icon-button"
        onClick={() => void voice.play()}
        disabled={!voice.info}
        data-testid="voice-play"
      >
        <SpeakerIcon />
        {t('voice.button')}
      </button>
      {/* An icon only, named for assistive technology: the bar must stay one row (every-question-fits). */}
      <button
        type="button"
        className="button button--secondary top-bar__icon-button"
        onClick={() => setSettingsOpen(true)}
        aria-haspopup="dialog"
        aria-label={t('voice.settings')}
        title={t('voice.settings')}
        data-testid="voice-settings"
      >
        <SlidersIcon />
      </button>
      {/* Never shown: the page plays it (the prompt is also on screen as the screen itself). */}
      <audio ref={voice.audioRef} preload="none" data-testid="voice-audio" />
      {voice.notice ? <VoiceNotice notice={voice.notice} onEnglish={() => void voice.playEnglish()} onClose={voice.dismissNotice} /> : null}
      {settingsOpen && voice.info ? (
        <VoiceSettingsDialog settings={voice.info.settings} onChange={(next) => void voice.changeSettings(next)} onClose={() => setSettingsOpen(false)} />
      ) : null}
    </>
  );
}

function VoiceNotice({ notice, onEnglish, onClose }: { notice: 'no-voice' | 'failed'; onEnglish: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const first = useOpeningFocus<HTMLButtonElement>();
  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="voice-notice" data-testid={`voice-notice-${notice}`}>
        <p id="voice-notice" className="dialog__body">
          {t(notice === 'no-voice' ? 'voice.noVoice' : 'voice.failed')}
        </p>
        <div className="dialog__actions">
          {notice === 'no-voice' ? (
            <button ref={first} type="button" className="button button--primary button--wide" onClick={onEnglish} data-testid="voice-english">
              {t('voice.listenEnglish')}
            </button>
          ) : null}
          <button
            ref={notice === 'no-voice' ? undefined : first}
            type="button"
            className="button button--secondary button--wide"
            onClick={onClose}
            data-testid="voice-notice-close"
          >
            {t('voice.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

type SettingsProps = { settings: VoiceSettings; onChange: (next: VoiceSettings) => void; onClose: () => void };

function VoiceSettingsDialog({ settings, onChange, onClose }: SettingsProps) {
  const { t } = useTranslation();
  const close = useOpeningFocus<HTMLButtonElement>();
  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="voice-settings-title" data-testid="voice-settings-dialog">
        <h2 id="voice-settings-title" className="dialog__title">
          {t('voice.settingsTitle')}
        </h2>
        <Choice
          label={t('voice.rate')}
          options={voiceRateSchema.options.map((rate) => ({ value: rate, text: t(RATE_LABELS[rate]) }))}
          current={settings.rate}
          onChoose={(rate) => onChange({ ...settings, rate })}
          testId="voice-rate"
        />
        <Choice
          label={t('voice.volume')}
          options={voiceVolumeSchema.options.map((volume) => ({ value: volume, text: t(VOLUME_LABELS[volume]) }))}
          current={settings.volume}
          onChoose={(volume) => onChange({ ...settings, volume })}
          testId="voice-volume"
        />
        <div className="dialog__actions">
          <button ref={close} type="button" className="button button--secondary button--wide" onClick={onClose} data-testid="voice-settings-close">
            {t('voice.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

type ChoiceProps<V extends string> = { label: string; options: { value: V; text: string }[]; current: V; onChoose: (value: V) => void; testId: string };

function Choice<V extends string>({ label, options, current, onChoose, testId }: ChoiceProps<V>) {
  return (
    <div role="group" aria-label={label} className="voice-choice">
      <p className="voice-choice__label">{label}</p>
      <div className="voice-choice__options">
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            className={`button ${option.value === current ? 'button--primary' : 'button--secondary'}`}
            aria-pressed={option.value === current}
            onClick={() => onChoose(option.value)}
            data-testid={`${testId}-${option.value}`}
          >
            {option.text}
          </button>
        ))}
      </div>
    </div>
  );
}

/** A loudspeaker: "sound" understood without reading. */
function SpeakerIcon() {
  return (
    <BarIcon>
      <path d="M3 9h4l5-4v14l-5-4H3z" />
      <path d="M16 8.5a5 5 0 0 1 0 7M19 5.5a9 9 0 0 1 0 13" />
    </BarIcon>
  );
}

/** Sliders: "adjust" (speed and volume). */
function SlidersIcon() {
  return (
    <BarIcon>
      <path d="M4 7h16M4 17h16" />
      <circle cx="9" cy="7" r="2.5" fill="currentColor" />
      <circle cx="15" cy="17" r="2.5" fill="currentColor" />
    </BarIcon>
  );
}

function BarIcon({ children }: { children: ReactNode }) {
  return (
    <svg className="top-bar__icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        {children}
      </g>
    </svg>
  );
}
