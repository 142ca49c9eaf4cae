import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KioskError } from '../../../contract/errors';
import { requests } from '../../../contract/kiosk-api';
import { createVoiceGuidance } from '../../../main/speech/voice-guidance';
import type { SpeechEngine } from '../../../main/speech/speech-engine';
import type { Wiper } from '../../../main/session/session-manager';
import { streamedWav } from './fake-engine-host';

function guidance() {
  const wipers = new Map<string, Wiper>();
  const rates: string[] = [];
  const engine: SpeechEngine = {
    id: 'espeak-ng',
    languages: ['ja', 'en'],
    synthesize: async (_text, options) => {
      rates.push(options.rate);
      return streamedWav();
    },
  };
  const voice = createVoiceGuidance({
    engine,
    cacheEntries: 10,
    session: {
      registerWiper: (name, wiper) => {
        wipers.set(name, wiper);
        return () => wipers.delete(name);
      },
    },
  });
  const wipe = async () => {
    for (const wiper of wipers.values()) await wiper('cancel');
  };
  return { voice, rates, wipe };
}

describe('voice guidance in main', () => {
  test('a prompt is synthesised at the session rate and served by its path, nothing else is', async () => {
    const { voice, rates } = guidance();
    await voice.handlers['voice.setSettings']({ rate: 'slow', volume: 'high' });
    const { audio } = await voice.handlers['voice.prompt']({ lang: 'ja', text: 'おまちください。' });
    assert.match(audio, /^\/voice\/[0-9a-f]{64}\.wav$/);
    assert.deepEqual(rates, ['slow']);
    assert.equal(voice.audio(audio)?.toString('ascii', 0, 4), 'RIFF');
    assert.equal(voice.audio(audio.replace(/[0-9a-f]{8}\.wav$/, '00000000.wav')), null);
    assert.equal(voice.audio('/voice/../index.html'), null);
    assert.equal(voice.audio(`${audio}?x`), null);
  });

  test("the citizen's rate and volume go back to the defaults at the wipe", async () => {
    const { voice, wipe } = guidance();
    const changed = await voice.handlers['voice.setSettings']({ rate: 'fast', volume: 'low' });
    assert.deepEqual(changed.settings, { rate: 'fast', volume: 'low' });
    await wipe();
    assert.deepEqual((await voice.handlers['voice.getInfo']({})).settings, { rate: 'normal', volume: 'medium' });
  });

  test('a language the engine cannot speak is refused as not available, and the page is told which it can', async () => {
    const { voice } = guidance();
    assert.deepEqual((await voice.handlers['voice.getInfo']({})).languages, ['ja', 'en']);
    await assert.rejects(
      voice.handlers['voice.prompt']({ lang: 'fil', text: 'Pakipasok ang card.' }),
      (err) => err instanceof KioskError && err.code === 'not-available',
    );
  });

  test('the contract refuses a prompt with a digit in it (a PIN, a 個人番号) and an unfilled template', () => {
    const input = requests['voice.prompt'].input;
    assert.ok(input.safeParse({ lang: 'ja', text: 'あんしょうばんごうを いれて ください。' }).success);
    for (const text of ['ばんごうは 1234 です。', 'ばんごうは １２３４ です。', '{{name}} さま', '']) {
      assert.equal(input.safeParse({ lang: 'ja', text }).success, false, text);
    }
    assert.equal(input.safeParse({ lang: 'ja', text: 'あ'.repeat(601) }).success, false);
  });
});
