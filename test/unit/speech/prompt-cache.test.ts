import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PromptCache, promptKeyHash } from '../../../main/speech/prompt-cache';
import { SpeechError, type SpeechEngine, type SynthesisOptions } from '../../../main/speech/speech-engine';
import { streamedWav } from './fake-engine-host';

/** An engine that records each synthesis and answers when the test says so. */
function recordingEngine(id = 'espeak-ng') {
  const calls: { text: string; options: SynthesisOptions; resolve: (wav: Buffer) => void; reject: (err: Error) => void }[] = [];
  const engine: SpeechEngine = {
    id,
    languages: ['ja', 'en'],
    synthesize: (text, options) => new Promise<Buffer>((resolve, reject) => calls.push({ text, options, resolve, reject })),
  };
  return { engine, calls };
}

const JA = { lang: 'ja', rate: 'normal' } as const;

describe('the prompt cache', () => {
  test('a prompt synthesised once is found again by (engine, language, rate, text) without the engine', async () => {
    const { engine, calls } = recordingEngine();
    const cache = new PromptCache(engine);
    const first = cache.prepare('カードを いれて ください。', JA);
    calls[0]!.resolve(streamedWav());
    const hash = await first;
    assert.equal(await cache.prepare('カードを いれて ください。', JA), hash);
    assert.equal(calls.length, 1);
    assert.equal(cache.wav(hash)?.toString('ascii', 0, 4), 'RIFF');
  });

  test('another language, rate, text or engine is another prompt', () => {
    const base = promptKeyHash('espeak-ng', JA, 'はい');
    assert.match(base, /^[0-9a-f]{64}$/);
    const others = [
      promptKeyHash('espeak-ng', { lang: 'ja-x-easy', rate: 'normal' }, 'はい'),
      promptKeyHash('espeak-ng', { lang: 'ja', rate: 'slow' }, 'はい'),
      promptKeyHash('espeak-ng', JA, 'いいえ'),
      promptKeyHash('city-tts', JA, 'はい'),
    ];
    assert.equal(new Set([base, ...others]).size, 5);
  });

  test('two asks for one prompt while it is synthesised share one synthesis', async () => {
    const { engine, calls } = recordingEngine();
    const cache = new PromptCache(engine);
    const a = cache.prepare('おまちください。', JA);
    const b = cache.prepare('おまちください。', JA);
    assert.equal(calls.length, 1);
    calls[0]!.resolve(streamedWav());
    assert.equal(await a, await b);
  });

  test('a failed synthesis is not kept: the next ask tries again', async () => {
    const { engine, calls } = recordingEngine();
    const cache = new PromptCache(engine);
    const failed = cache.prepare('おまちください。', JA);
    calls[0]!.reject(new SpeechError('timeout'));
    await assert.rejects(failed, { message: 'speech-timeout' });
    assert.equal(cache.size, 0);
    const retried = cache.prepare('おまちください。', JA);
    assert.equal(calls.length, 2);
    calls[1]!.resolve(streamedWav());
    assert.ok(cache.wav(await retried));
  });

  test('past its size the least recently prepared prompt goes first', async () => {
    const { engine, calls } = recordingEngine();
    const cache = new PromptCache(engine, 2);
    const ready = async (text: string) => {
      const p = cache.prepare(text, JA);
      calls.at(-1)!.resolve(streamedWav());
      return p;
    };
    const a = await ready('あ');
    const b = await ready('い');
    await cache.prepare('あ', JA); // used again: now the newest
    const c = await ready('う');
    assert.ok(cache.wav(a));
    assert.equal(cache.wav(b), undefined);
    assert.ok(cache.wav(c));
    assert.equal(cache.size, 2);
  });
});
