/**
 * A speech engine turns one finished prompt text into WAV bytes, offline. The kiosk's default is
 * Debian's espeak-ng (espeak-engine.ts); a city plugs another engine through the configuration's
 * `voice.engine` (speech-config.ts), any program that reads the text on stdin and writes a WAV on
 * stdout (command-engine.ts). Every synthesis is time-limited and its output checked (wav.ts).
 */
import type { Language } from '../../contract/kiosk-api';
import type { VoiceRate } from '../../contract/voice';

export interface SynthesisOptions {
  lang: Language;
  rate: VoiceRate;
}

export interface SpeechEngine {
  /** Names the engine and its voices in the cache key: another engine never serves this one's audio. */
  readonly id: string;
  /** The languages this engine has a voice for. */
  readonly languages: readonly Language[];
  /** A complete, checked WAV; rejects with a `SpeechError` (unsupported language, timeout, bad output). */
  synthesize(text: string, options: SynthesisOptions): Promise<Buffer>;
}

export type SpeechErrorCode = 'unsupported-language' | 'timeout' | 'failed' | 'bad-output' | 'too-large';

/** Why a synthesis failed: a code only (the text may not be logged, nor the engine's stderr). */
export class SpeechError extends Error {
  constructor(readonly code: SpeechErrorCode) {
    super(`speech-${code}`);
    this.name = 'SpeechError';
  }
}
