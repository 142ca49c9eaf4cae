/**
 * Synthesised prompts kept in memory, keyed by (engine, language, rate, text), so a prompt heard
 * before (or prepared when its screen appeared) starts at once. The page fetches a WAV by the
 * hash of its key: the address says nothing about the text. Concurrent asks for one prompt share
 * one synthesis; a failure is not kept (the next ask tries again); the least recently used go first
 * past `maxEntries`.
 */
import { createHash } from 'node:crypto';
import type { SpeechEngine, SynthesisOptions } from './speech-engine';

export const DEFAULT_CACHE_ENTRIES = 400;

export function promptKeyHash(engineId: string, options: SynthesisOptions, text: string): string {
  // NUL never appears in any of the parts (config ids, enum values, a validated prompt text).
  return createHash('sha256').update([engineId, options.lang, options.rate, text].join('\0')).digest('hex');
}

export class PromptCache {
  private readonly ready = new Map<string, Buffer>();
  private readonly pending = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly engine: SpeechEngine,
    private readonly maxEntries: number = DEFAULT_CACHE_ENTRIES,
  ) {}

  /** The prompt's hash once its WAV is ready (synthesised now, or found). Rejects as the engine does. */
  async prepare(text: string, options: SynthesisOptions): Promise<string> {
    const hash = promptKeyHash(this.engine.id, options, text);
    const found = this.ready.get(hash);
    if (found) {
      this.keep(hash, found); // used again: the newest
      return hash;
    }
    let synthesis = this.pending.get(hash);
    if (!synthesis) {
      synthesis = this.engine.synthesize(text, options);
      this.pending.set(hash, synthesis);
    }
    try {
      this.keep(hash, await synthesis);
    } finally {
      this.pending.delete(hash);
    }
    return hash;
  }

  /** A ready WAV by its hash, or undefined (unknown, evicted, still synthesising). */
  wav(hash: string): Buffer | undefined {
    return this.ready.get(hash);
  }

  get size(): number {
    return this.ready.size;
  }

  private keep(hash: string, wav: Buffer): void {
    this.ready.delete(hash);
    this.ready.set(hash, wav);
    while (this.ready.size > this.maxEntries) {
      const oldest = this.ready.keys().next().value;
      if (oldest === undefined) break;
      this.ready.delete(oldest);
    }
  }
}
