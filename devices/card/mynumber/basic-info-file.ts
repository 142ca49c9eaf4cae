/**
 * Decodes text-AP EF 0002, the basic 4 information (基本4情報):
 * `FF 20 { DF21 offsets, DF22 name, DF23 address, DF24 birth date, DF25 sex }`.
 * DF21 holds four big-endian 16-bit offsets (from the start of the file) of DF22–DF25; they must
 * agree with the objects found, so a corrupt or hostile file is refused rather than misread.
 * Text is UTF-8 (decoded strictly). Total: value or CardError `malformed-response`.
 */
import { CardError } from '../card-errors';
import { childrenOf, parseTlv, requireTag, type TlvNode } from '../tlv/ber-tlv';

/** Sex code as stored (ISO 5218 / JIS X 0303): 1 male, 2 female, 9 not applicable, 0 unknown. */
export type SexCode = '0' | '1' | '2' | '9';

/** The basic 4 information. Personal data: never log it. */
export interface BasicInfo {
  /** Full name; parts separated by U+3000. */
  readonly name: string;
  /** Address (full-width digits as on the card). */
  readonly address: string;
  /** Gregorian birth date, `YYYYMMDD`. */
  readonly birthDate: string;
  /** Sex code. */
  readonly sex: SexCode;
}

/** The decoded file plus where the integrity hash (DF32) starts. */
export interface BasicInfoFile {
  readonly info: BasicInfo;
  /** Bytes covered by DF32: from the DF22 header to the end of the FF20 object. */
  readonly hashedRegion: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function bad(why: string): CardError {
  return new CardError('malformed-response', `basic info EF: ${why}`);
}

function text(node: TlvNode, what: string): string {
  try {
    return utf8.decode(node.value);
  } catch {
    throw bad(`${what} is not UTF-8`);
  }
}

function isValidDate(yyyymmdd: string): boolean {
  if (!/^[0-9]{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Decodes the basic-4 EF bytes. */
export function decodeBasicInfoFile(bytes: Uint8Array): BasicInfoFile {
  const outer = parseTlv(bytes)[0];
  if (!outer || outer.tag !== 0xff20) throw bad('tag FF20 expected');
  const kids = childrenOf(bytes, outer);
  const offsets = requireTag(kids, 0xdf21).value;
  if (offsets.length !== 8) throw bad('DF21 must hold four offsets');
  const tags = [0xdf22, 0xdf23, 0xdf24, 0xdf25] as const;
  const nodes = tags.map((tag, i) => {
    const node = requireTag(kids, tag);
    const declared = ((offsets[2 * i] as number) << 8) | (offsets[2 * i + 1] as number);
    if (declared !== node.offset) throw bad('DF21 offsets disagree with the record');
    return node;
  }) as [TlvNode, TlvNode, TlvNode, TlvNode];
  const name = text(nodes[0], 'name');
  const address = text(nodes[1], 'address');
  const birthDate = text(nodes[2], 'birth date');
  const sex = text(nodes[3], 'sex');
  if (name.length === 0) throw bad('empty name');
  if (!isValidDate(birthDate)) throw bad('birth date is not YYYYMMDD');
  if (sex !== '0' && sex !== '1' && sex !== '2' && sex !== '9') throw bad('unknown sex code');
  return {
    info: { name, address, birthDate, sex },
    hashedRegion: bytes.subarray(nodes[0].offset, outer.end),
  };
}
