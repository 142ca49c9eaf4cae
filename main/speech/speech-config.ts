/**
 * The configuration's `voice` section: which speech engine speaks, and how many prompts stay
 * cached. `espeak-ng` is the offline default; `command` plugs a city's own engine, any program that
 * reads the prompt (UTF-8) on stdin and writes a PCM WAV on stdout, with one voice per language
 * (see README, "Voice guidance").
 */
import { z } from 'zod';
import { languageSchema } from '../../contract/kiosk-api';
import { createCommandEngine, DEFAULT_SYNTHESIS_TIMEOUT_MS, type EngineHost, nodeEngineHost } from './command-engine';
import { ESPEAK_NG_SPEC } from './espeak-engine';
import { DEFAULT_CACHE_ENTRIES } from './prompt-cache';
import type { SpeechEngine } from './speech-engine';

// Plain names and values only: they become program arguments (never through a shell, but still).
const token = z.string().regex(/^[A-Za-z0-9._+:=/-]{1,128}$/);

export const commandEngineConfigSchema = z
  .object({
    kind: z.literal('command'),
    /** Part of the cache key: change it when the engine or its voices change. */
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    /** An absolute path: the engine is never looked up on a PATH someone else may change. */
    executable: z.string().regex(/^\/[^\0]{1,255}$/),
    /** Arguments with `{voice}`, `{wpm}` and `{rate}` placeholders (command-engine.ts). */
    args: z.array(z.string().regex(/^[A-Za-z0-9._+:=/{}-]{1,128}$/)).max(32),
    voices: z.partialRecord(languageSchema, token),
    baseWpm: z.number().int().min(60).max(400).default(ESPEAK_NG_SPEC.baseWpm),
    timeoutMs: z.number().int().min(500).max(30_000).default(DEFAULT_SYNTHESIS_TIMEOUT_MS),
  })
  .strict();

export const voiceConfigSchema = z
  .object({
    engine: z.discriminatedUnion('kind', [z.object({ kind: z.literal('espeak-ng') }).strict(), commandEngineConfigSchema]),
    cacheEntries: z.number().int().min(10).max(10_000).default(DEFAULT_CACHE_ENTRIES),
  })
  .strict();
export type VoiceConfig = z.infer<typeof voiceConfigSchema>;

export const DEFAULT_VOICE_CONFIG: VoiceConfig = { engine: { kind: 'espeak-ng' }, cacheEntries: DEFAULT_CACHE_ENTRIES };

export function createSpeechEngine(config: VoiceConfig['engine'], host: EngineHost = nodeEngineHost): SpeechEngine {
  if (config.kind === 'espeak-ng') return createCommandEngine(ESPEAK_NG_SPEC, host);
  const { id, executable, args, voices, baseWpm, timeoutMs } = config;
  return createCommandEngine({ id, executable, args, voices, baseWpm, timeoutMs }, host);
}
