/**
 * Checks an engine's output is a PCM WAV before any of it reaches the page, and writes its true
 * sizes into the header: an engine writing to a pipe cannot seek back, so espeak-ng leaves
 * placeholder sizes (0x7ffff…) that some players read as a stream that never ends.
 */
import { SpeechError } from './speech-engine';

const HEADER_BYTES = 44;
const PCM = 1;

/** The checked WAV with its RIFF and data sizes set from the bytes that arrived; throws `bad-output`. */
export function checkedWav(bytes: Buffer): Buffer {
  if (bytes.length < HEADER_BYTES) throw new SpeechError('bad-output');
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') throw new SpeechError('bad-output');
  if (bytes.toString('ascii', 12, 16) !== 'fmt ') throw new SpeechError('bad-output');
  const fmtSize = bytes.readUInt32LE(16);
  const format = bytes.readUInt16LE(20);
  const channels = bytes.readUInt16LE(22);
  const sampleRate = bytes.readUInt32LE(24);
  const bitsPerSample = bytes.readUInt16LE(34);
  if (fmtSize < 16 || format !== PCM || channels < 1 || channels > 2 || sampleRate < 8000 || sampleRate > 48_000) throw new SpeechError('bad-output');
  if (bitsPerSample !== 8 && bitsPerSample !== 16) throw new SpeechError('bad-output');
  const dataAt = 20 + fmtSize;
  if (bytes.length < dataAt + 8 || bytes.toString('ascii', dataAt, dataAt + 4) !== 'data') throw new SpeechError('bad-output');
  const dataBytes = bytes.length - dataAt - 8;
  if (dataBytes === 0) throw new SpeechError('bad-output');
  const wav = Buffer.from(bytes);
  wav.writeUInt32LE(wav.length - 8, 4);
  wav.writeUInt32LE(dataBytes, dataAt + 4);
  return wav;
}
