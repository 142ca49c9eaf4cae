/**
 * Voice guidance in the page: plays the current screen's prompt in the citizen's language, at the
 * session's rate (main synthesises) and volume (the audio element applies). In a language the
 * engine has no voice for (Filipino with espeak-ng) it says so and offers English speech.
 * Once the citizen has listened, each new screen's prompt is prepared in the background, so the
 * next 「音声」 starts from main's cache.
 */
import i18next from 'i18next';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Language, VoiceInfo } from '../../contract/kiosk-api';
import { VOLUME_LEVELS, type VoiceSettings } from '../../contract/voice';
import type { KioskClient } from '../kiosk-client/kiosk-client';
import { promptKeyOf, screenId, type VoiceScreen } from './voice-screen';

export type VoiceNotice = 'no-voice' | 'failed' | null;

export interface VoiceControl {
  info: VoiceInfo | null;
  notice: VoiceNotice;
  /** Plays the screen's prompt in the current language, or shows why it cannot. */
  play(): Promise<void>;
  /** Plays the screen's prompt in English (offered where the language has no voice). */
  playEnglish(): Promise<void>;
  changeSettings(next: VoiceSettings): Promise<void>;
  dismissNotice(): void;
  audioRef: RefObject<HTMLAudioElement | null>;
}

/** The prompt's finished text, in one language (templates take no values: nothing personal is spoken). */
function promptText(screen: VoiceScreen, lang: Language): string {
  return i18next.getFixedT(lang, 'voice')(promptKeyOf(screen));
}

export function useVoice(client: KioskClient, language: Language, screen: VoiceScreen, beforeChange: () => Promise<unknown>): VoiceControl {
  const [info, setInfo] = useState<VoiceInfo | null>(null);
  const [notice, setNotice] = useState<VoiceNotice>(null);
  const [listened, setListened] = useState(false);
  const audioRef = useRef<HTMLAudioElement | null>(null);
  // The screen as a ref, its id as the dependency: the object is new at every render.
  const screenRef = useRef(screen);
  screenRef.current = screen;

  useEffect(() => {
    let live = true;
    client.call('voice.getInfo', {}).then(
      (next) => live && setInfo(next),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const spokenLanguage = info && info.languages.includes(language) ? language : null;
  const id = screenId(screen);
  const rate = info?.settings.rate;
  // Prepared ahead once the citizen uses voice (and again at a new rate): main synthesises now, the button later only plays.
  useEffect(() => {
    if (!listened || !spokenLanguage) return;
    client.call('voice.prompt', { lang: spokenLanguage, text: promptText(screenRef.current, spokenLanguage) }).catch(() => undefined);
  }, [client, listened, spokenLanguage, id, rate]);

  const speak = useCallback(
    async (lang: Language) => {
      setListened(true);
      try {
        const { audio } = await client.call('voice.prompt', { lang, text: promptText(screenRef.current, lang) });
        const element = audioRef.current;
        if (!element) return;
        element.src = audio;
        element.volume = VOLUME_LEVELS[info?.settings.volume ?? 'medium'];
        setNotice(null);
        // A page with no sound device (a test's headless browser) refuses to play; the audio was still fetched.
        await element.play().catch(() => undefined);
      } catch {
        setNotice('failed');
      }
    },
    [client, info],
  );

  return {
    info,
    notice,
    play: async () => {
      if (!info) return;
      if (!spokenLanguage) return setNotice('no-voice');
      await speak(spokenLanguage);
    },
    playEnglish: () => speak('en'),
    changeSettings: async (next) => {
      await beforeChange();
      try {
        setInfo(await client.call('voice.setSettings', next));
      } catch {
        setNotice('failed');
      }
      if (audioRef.current) audioRef.current.volume = VOLUME_LEVELS[next.volume];
    },
    dismissNotice: () => setNotice(null),
    audioRef,
  };
}
