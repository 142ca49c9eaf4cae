import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { configSchema } from '../../../main/config/config-schema';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { voiceConfigSchema } from '../../../main/speech/speech-config';

const cityEngine = {
  kind: 'command',
  id: 'city-tts',
  executable: '/opt/city-tts/bin/tts-wav',
  args: ['--voice', '{voice}', '--speed', '{rate}'],
  voices: { ja: 'mei', fil: 'tala' },
};

describe('the voice configuration', () => {
  test('without a voice section a kiosk speaks with espeak-ng', () => {
    const { voice: _voice, ...withoutVoice } = DEFAULT_CONFIG;
    const parsed = configSchema.parse(withoutVoice);
    assert.deepEqual(parsed.voice, { engine: { kind: 'espeak-ng' }, cacheEntries: 400 });
  });

  test("a city's own program is accepted with its defaults filled in", () => {
    const parsed = voiceConfigSchema.parse({ engine: cityEngine });
    assert.deepEqual(parsed.engine, { ...cityEngine, baseWpm: 160, timeoutMs: 5000 });
  });

  test('refuses an engine found on a PATH, shell-like arguments, unknown languages and unbounded time', () => {
    const refused: [string, unknown][] = [
      ['relative executable', { ...cityEngine, executable: 'tts-wav' }],
      ['argument with a space', { ...cityEngine, args: ['--voice {voice}'] }],
      ['argument with a shell character', { ...cityEngine, args: ['{voice};rm'] }],
      ['voice name with a space', { ...cityEngine, voices: { ja: 'mei happy' } }],
      ['unknown language', { ...cityEngine, voices: { xx: 'a' } }],
      ['time limit too long', { ...cityEngine, timeoutMs: 120_000 }],
      ['unknown field', { ...cityEngine, shell: true }],
    ];
    for (const [name, engine] of refused) assert.equal(voiceConfigSchema.safeParse({ engine }).success, false, name);
  });
});
