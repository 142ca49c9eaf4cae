/**
 * Voice guidance on the main side: the contract's `voice.*` requests, the session's speech rate and
 * volume (back to the defaults at every wipe), and the WAVs the shells serve under `/voice/`.
 */
import { KioskError } from '../../contract/errors';
import { DEFAULT_VOICE_SETTINGS, VOICE_AUDIO_PREFIX, voiceAudioPathSchema, type VoiceSettings } from '../../contract/voice';
import { createLogger, errorCode } from '../../platform/log';
import type { RequestHandlers } from '../ipc/request-router';
import type { SessionManager } from '../session/session-manager';
import { PromptCache } from './prompt-cache';
import type { SpeechEngine } from './speech-engine';

const log = createLogger('voice');

export type VoiceHandlers = Pick<RequestHandlers, 'voice.getInfo' | 'voice.setSettings' | 'voice.prompt'>;

export interface VoiceGuidance {
  readonly handlers: VoiceHandlers;
  /** The WAV a `/voice/<hash>.wav` path names, or null (a bad path, unknown or evicted). */
  audio(path: string): Buffer | null;
}

export function createVoiceGuidance(options: { engine: SpeechEngine; cacheEntries: number; session: Pick<SessionManager, 'registerWiper'> }): VoiceGuidance {
  const { engine } = options;
  const cache = new PromptCache(engine, options.cacheEntries);
  let settings: VoiceSettings = { ...DEFAULT_VOICE_SETTINGS };
  // A citizen's rate and volume are theirs: the next citizen starts from the defaults.
  options.session.registerWiper('voice-settings', () => {
    settings = { ...DEFAULT_VOICE_SETTINGS };
  });
  const info = () => ({ languages: [...engine.languages], settings });

  return {
    handlers: {
      'voice.getInfo': async () => info(),
      'voice.setSettings': async (next) => {
        settings = { ...next };
        return info();
      },
      'voice.prompt': async ({ lang, text }) => {
        if (!engine.languages.includes(lang)) throw new KioskError('not-available');
        try {
          const hash = await cache.prepare(text, { lang, rate: settings.rate });
          return { audio: `${VOICE_AUDIO_PREFIX}${hash}.wav` };
        } catch (err) {
          log.warn({ engine: engine.id, lang, err: errorCode(err) }, 'a prompt could not be synthesised');
          throw new KioskError('not-available');
        }
      },
    },
    audio: (path) => {
      if (!voiceAudioPathSchema.safeParse(path).success) return null;
      return cache.wav(path.slice(VOICE_AUDIO_PREFIX.length, -'.wav'.length)) ?? null;
    },
  };
}
