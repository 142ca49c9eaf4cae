/**
 * The offline default engine for real: Debian's espeak-ng (build/system-packages.txt) speaks the
 * authored prompts, and what it writes passes the WAV check with sound in it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Language } from '../../../contract/kiosk-api';
import { createSpeechEngine } from '../../../main/speech/speech-config';
import { readNamespace } from '../../unit/i18n/locale-strings';

const engine = createSpeechEngine({ kind: 'espeak-ng' });

/** Seconds of sound in a checked 16-bit WAV. */
function seconds(wav: Buffer): number {
  const sampleRate = wav.readUInt32LE(24);
  const channels = wav.readUInt16LE(22);
  return wav.readUInt32LE(40) / (sampleRate * channels * 2);
}

describe('espeak-ng speaks the authored prompts', () => {
  for (const lang of ['ja', 'zh-Hans', 'ne'] as const satisfies readonly Language[]) {
    test(`${lang}: the first screen's prompt becomes a WAV of a few seconds`, async () => {
      const text = readNamespace(lang, 'voice').get('voice:home');
      assert.ok(text);
      const wav = await engine.synthesize(text, { lang, rate: 'normal' });
      assert.equal(wav.toString('ascii', 0, 4), 'RIFF');
      assert.equal(wav.readUInt32LE(4), wav.length - 8, 'the true size, not the pipe placeholder');
      // A kana prompt of some sixty syllables: several seconds, not a spelled-out "Chinese letter".
      assert.ok(seconds(wav) > 3 && seconds(wav) < 60, `${seconds(wav)} s`);
    });
  }

  test('slower speech is longer', async () => {
    const text = 'カードを いれて ください。';
    const slow = await engine.synthesize(text, { lang: 'ja', rate: 'slow' });
    const fast = await engine.synthesize(text, { lang: 'ja', rate: 'fast' });
    assert.ok(seconds(slow) > seconds(fast));
  });
});
