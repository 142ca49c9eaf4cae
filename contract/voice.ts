/**
 * Voice guidance: what the renderer may ask main to speak, and how the citizen's speech rate and
 * volume travel. Main synthesises a prompt (main/speech/) and serves its WAV from the page's own
 * origin under `/voice/`, so the page's CSP needs only `media-src 'self'`.
 *
 * Only generic prompts are ever spoken (what this screen is, what to do, how to go back): their
 * templates take no values (test/unit/i18n/voice-prompts.test.ts), and a text with a digit in it
 * is refused here, so no PIN, password digit or 個人番号 can reach the loudspeaker even by mistake.
 */
import { z } from 'zod';

/** Speech rate the citizen chose; the engine maps it to its own scale. */
export const voiceRateSchema = z.enum(['slow', 'normal', 'fast']);
export type VoiceRate = z.infer<typeof voiceRateSchema>;

/** Playback volume the citizen chose; applied by the page's audio element (a WAV serves every volume). */
export const voiceVolumeSchema = z.enum(['low', 'medium', 'high']);
export type VoiceVolume = z.infer<typeof voiceVolumeSchema>;

/** The audio element's volume for each level. */
export const VOLUME_LEVELS: Readonly<Record<VoiceVolume, number>> = { low: 0.4, medium: 0.7, high: 1 };

export const voiceSettingsSchema = z.object({ rate: voiceRateSchema, volume: voiceVolumeSchema }).strict();
export type VoiceSettings = z.infer<typeof voiceSettingsSchema>;

export const DEFAULT_VOICE_SETTINGS: VoiceSettings = { rate: 'normal', volume: 'medium' };

/** Where main serves a synthesised prompt: its cache key's hash, on the page's own origin. */
export const VOICE_AUDIO_PREFIX = '/voice/';
export const voiceAudioPathSchema = z.string().regex(/^\/voice\/[0-9a-f]{64}\.wav$/);

/** Digits, ASCII and full-width: never spoken (a PIN, a password's digits, a 個人番号). */
const DIGIT = /[0-9\uff10-\uff19]/;

export const MAX_PROMPT_CHARS = 600;

export const promptTextSchema = z
  .string()
  .min(1)
  .max(MAX_PROMPT_CHARS)
  .refine((text) => !DIGIT.test(text), 'a spoken prompt has no digits')
  .refine((text) => !text.includes('{{'), 'a spoken prompt is a finished text, not a template');
