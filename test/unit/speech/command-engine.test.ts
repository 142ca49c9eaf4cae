import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commandArgs, createCommandEngine } from '../../../main/speech/command-engine';
import { ESPEAK_NG_SPEC } from '../../../main/speech/espeak-engine';
import { createSpeechEngine } from '../../../main/speech/speech-config';
import { SpeechError } from '../../../main/speech/speech-engine';
import { fakeEngineHost, streamedWav } from './fake-engine-host';

const PROMPT = '-v en --stdout しょうめいしょを えらんで ください。';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof SpeechError, 'a SpeechError');
    return err.code;
  }
  assert.fail('resolved');
}

describe('the espeak-ng engine', () => {
  test('spawns espeak-ng with an argument array and no shell; the text goes to stdin, never on the command line', async () => {
    const host = fakeEngineHost();
    const engine = createCommandEngine(ESPEAK_NG_SPEC, host);
    const synthesis = engine.synthesize(PROMPT, { lang: 'ja', rate: 'fast' });
    const [run] = host.spawned;
    assert.ok(run);
    assert.equal(run.command, 'espeak-ng');
    assert.deepEqual(run.args, ['-v', 'ja', '-s', '200', '-b', '1', '--stdin', '--stdout']);
    assert.equal(run.options.shell, false);
    assert.ok(!run.args.some((arg) => arg.includes('しょうめいしょ')));
    assert.equal(run.process.stdinText, PROMPT);
    run.process.finish(streamedWav());
    const wav = await synthesis;
    assert.equal(wav.toString('ascii', 0, 4), 'RIFF');
  });

  test('each language has its voice and each rate its speed; Filipino has no voice', () => {
    assert.deepEqual(commandArgs(ESPEAK_NG_SPEC, 'cmn-latn-pinyin', 'slow').slice(0, 4), ['-v', 'cmn-latn-pinyin', '-s', '128']);
    assert.deepEqual(commandArgs(ESPEAK_NG_SPEC, 'en-us', 'normal').slice(0, 4), ['-v', 'en-us', '-s', '160']);
    const engine = createSpeechEngine({ kind: 'espeak-ng' }, fakeEngineHost());
    assert.ok(engine.languages.includes('ja-x-easy'));
    assert.ok(!engine.languages.includes('fil'));
    assert.equal(engine.languages.length, 10);
  });

  test('a language with no voice is refused before anything is spawned', async () => {
    const host = fakeEngineHost();
    const engine = createCommandEngine(ESPEAK_NG_SPEC, host);
    assert.equal(await refusal(engine.synthesize('Magandang araw.', { lang: 'fil', rate: 'normal' })), 'unsupported-language');
    assert.equal(host.spawned.length, 0);
  });

  test('past its time limit the process is stopped by its pid and the synthesis refused', async () => {
    const host = fakeEngineHost();
    const engine = createCommandEngine({ ...ESPEAK_NG_SPEC, timeoutMs: 1234 }, host);
    const synthesis = engine.synthesize(PROMPT, { lang: 'ja', rate: 'normal' });
    assert.deepEqual(host.pendingTimers(), [1234]);
    host.expire();
    assert.equal(await refusal(synthesis), 'timeout');
    assert.deepEqual(host.killed, [{ pid: host.spawned[0]!.process.pid, signal: 'SIGKILL' }]);
    // The output arriving late changes nothing.
    host.spawned[0]!.process.finish(streamedWav());
  });

  test('a synthesis that ends in time clears its time limit and kills nothing', async () => {
    const host = fakeEngineHost();
    const synthesis = createCommandEngine(ESPEAK_NG_SPEC, host).synthesize(PROMPT, { lang: 'ja', rate: 'normal' });
    host.spawned[0]!.process.finish(streamedWav());
    await synthesis;
    assert.deepEqual(host.pendingTimers(), []);
    assert.deepEqual(host.killed, []);
  });

  test('output that is not a WAV is refused', async () => {
    const host = fakeEngineHost();
    const synthesis = createCommandEngine(ESPEAK_NG_SPEC, host).synthesize(PROMPT, { lang: 'ja', rate: 'normal' });
    host.spawned[0]!.process.finish(Buffer.from('<html>not audio</html>'.padEnd(200, ' ')));
    assert.equal(await refusal(synthesis), 'bad-output');
  });

  test('a program that fails is refused even with audio on stdout', async () => {
    const host = fakeEngineHost();
    const synthesis = createCommandEngine(ESPEAK_NG_SPEC, host).synthesize(PROMPT, { lang: 'ja', rate: 'normal' });
    host.spawned[0]!.process.finish(streamedWav(), 1);
    assert.equal(await refusal(synthesis), 'failed');
  });

  test('a program that cannot start is refused', async () => {
    const host = fakeEngineHost();
    const synthesis = createCommandEngine(ESPEAK_NG_SPEC, host).synthesize(PROMPT, { lang: 'ja', rate: 'normal' });
    host.spawned[0]!.process.emit('error', new Error('ENOENT'));
    assert.equal(await refusal(synthesis), 'failed');
  });

  test('output past the size bound stops the process by its pid', async () => {
    const host = fakeEngineHost();
    const synthesis = createCommandEngine({ ...ESPEAK_NG_SPEC, maxBytes: 100 }, host).synthesize(PROMPT, { lang: 'ja', rate: 'normal' });
    const { process } = host.spawned[0]!;
    process.stdout.emit('data', streamedWav(100));
    assert.equal(await refusal(synthesis), 'too-large');
    assert.deepEqual(host.killed, [{ pid: process.pid, signal: 'SIGKILL' }]);
  });
});

describe("a city's own engine (voice.engine.kind = command)", () => {
  test('runs the configured program with its voices, placeholders filled from the config and the rate only', async () => {
    const host = fakeEngineHost();
    const engine = createSpeechEngine(
      {
        kind: 'command',
        id: 'city-tts',
        executable: '/opt/city-tts/bin/tts',
        args: ['--voice={voice}', '--speed', '{rate}'],
        voices: { ja: 'mei', fil: 'tagalog-1' },
        baseWpm: 160,
        timeoutMs: 3000,
      },
      host,
    );
    assert.equal(engine.id, 'city-tts');
    assert.deepEqual([...engine.languages].sort(), ['fil', 'ja']);
    const synthesis = engine.synthesize('Pakipasok ang iyong card.', { lang: 'fil', rate: 'slow' });
    const [run] = host.spawned;
    assert.equal(run!.command, '/opt/city-tts/bin/tts');
    assert.deepEqual(run!.args, ['--voice=tagalog-1', '--speed', '0.8']);
    assert.deepEqual(host.pendingTimers(), [3000]);
    run!.process.finish(streamedWav());
    await synthesis;
  });
});
