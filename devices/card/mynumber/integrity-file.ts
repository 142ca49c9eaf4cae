/**
 * Decodes text-AP EF 0003, the integrity record `FF30 { DF31, DF32, DF33 }` and checks its
 * hashes: DF31 = SHA-256 of the 17-byte My Number EF, DF32 = SHA-256 of the basic-4 record
 * from DF22 to its end. (DF33, the record signature, needs a CA key that is not on the card.)
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { CardError } from '../card-errors';
import { childrenOf, parseTlv, requireTag } from '../tlv/ber-tlv';

/** The integrity record's parts. */
export interface IntegrityRecord {
  /** SHA-256 of the My Number EF. */
  readonly myNumberHash: Uint8Array;
  /** SHA-256 of the basic-4 region. */
  readonly basicInfoHash: Uint8Array;
  /** The record signature (not verified here). */
  readonly signature: Uint8Array;
}

/** Decodes the integrity EF bytes; CardError `malformed-response` when the layout is wrong. */
export function decodeIntegrityFile(bytes: Uint8Array): IntegrityRecord {
  const outer = parseTlv(bytes)[0];
  if (!outer || outer.tag !== 0xff30) throw new CardError('malformed-response', 'integrity EF: tag FF30 expected');
  const kids = childrenOf(bytes, outer);
  const myNumberHash = requireTag(kids, 0xdf31).value;
  const basicInfoHash = requireTag(kids, 0xdf32).value;
  const signature = requireTag(kids, 0xdf33).value;
  if (myNumberHash.length !== 32 || basicInfoHash.length !== 32) {
    throw new CardError('malformed-response', 'integrity EF: SHA-256 hashes expected');
  }
  return { myNumberHash, basicInfoHash, signature };
}

function sameHash(data: Uint8Array, expected: Uint8Array): boolean {
  const actual = createHash('sha256').update(data).digest();
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}

/** Throws CardError `integrity-check-failed` unless both hashes match the data read. */
export function checkIntegrity(record: IntegrityRecord, myNumberFile: Uint8Array, basicInfoRegion: Uint8Array): void {
  if (!sameHash(myNumberFile, record.myNumberHash)) {
    throw new CardError('integrity-check-failed', 'My Number EF does not match its hash');
  }
  if (!sameHash(basicInfoRegion, record.basicInfoHash)) {
    throw new CardError('integrity-check-failed', 'basic-4 EF does not match its hash');
  }
}
