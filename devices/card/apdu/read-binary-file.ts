/**
 * Reads a whole BER-TLV file from the selected EF with chained READ BINARY: the first chunk
 * reveals the object's length in its header, the rest is read in chunks of at most 256 bytes.
 * Filler after the object is never read or returned.
 */
import { CardError } from '../card-errors';
import { readTlvHeader } from '../tlv/ber-tlv';
import type { ApduChannel } from './apdu-channel';
import { readBinary } from './command-apdu';

/** READ BINARY offsets are 15-bit. */
const MAX_OFFSET = 0x7fff;
const CHUNK = 256;

/** Options for `readTlvFile`. */
export interface ReadTlvFileOptions {
  /** Refuse (CardError `malformed-response`) a declared object longer than this many bytes. */
  readonly maxLength: number;
  /** Bytes to ask for first (default 256). Small files fit in one APDU. */
  readonly firstChunk?: number;
}

/** Reads the TLV object at the start of the selected EF and returns exactly its bytes (header included). */
export async function readTlvFile(channel: ApduChannel, opts: ReadTlvFileOptions): Promise<Uint8Array> {
  const first = await channel.sendOk(readBinary(0, opts.firstChunk ?? CHUNK));
  if (first.length === 0) throw new CardError('malformed-response', 'empty READ BINARY answer');
  const h = readTlvHeader(first);
  const total = h.headerLength + h.valueLength;
  if (total > opts.maxLength) throw new CardError('malformed-response', `declared length ${total} over the limit`);
  if (total > MAX_OFFSET + CHUNK) throw new CardError('malformed-response', 'declared length beyond READ BINARY reach');
  const out = new Uint8Array(total);
  out.set(first.subarray(0, Math.min(first.length, total)));
  let got = Math.min(first.length, total);
  while (got < total) {
    if (got > MAX_OFFSET) throw new CardError('malformed-response', 'file beyond READ BINARY reach');
    const chunk = await channel.sendOk(readBinary(got, Math.min(CHUNK, total - got)));
    // An empty answer would loop forever; the file is shorter than its header claims.
    if (chunk.length === 0) throw new CardError('malformed-response', 'file shorter than its header');
    const take = Math.min(chunk.length, total - got);
    out.set(chunk.subarray(0, take), got);
    got += take;
  }
  return out;
}
