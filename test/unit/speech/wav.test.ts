import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkedWav } from '../../../main/speech/wav';
import { streamedWav } from './fake-engine-host';

describe('the WAV check', () => {
  test('writes the true RIFF and data sizes over the placeholders a pipe leaves', () => {
    const wav = checkedWav(streamedWav(100));
    assert.equal(wav.readUInt32LE(4), wav.length - 8);
    assert.equal(wav.readUInt32LE(40), 200);
  });

  test('refuses what is not a PCM WAV with sound in it', () => {
    const bad: [string, Buffer][] = [
      ['empty', Buffer.alloc(0)],
      ['too short', streamedWav().subarray(0, 30)],
      ['not RIFF', Buffer.concat([Buffer.from('RIFX'), streamedWav().subarray(4)])],
      ['no samples', streamedWav(0)],
    ];
    const compressed = streamedWav();
    compressed.writeUInt16LE(85, 20); // MP3 in a WAV wrapper
    bad.push(['not PCM', compressed]);
    const noData = streamedWav();
    noData.write('LIST', 36, 'ascii');
    bad.push(['no data chunk', noData]);
    for (const [name, bytes] of bad) assert.throws(() => checkedWav(bytes), { name: 'SpeechError', message: 'speech-bad-output' }, name);
  });
});
