/**
 * 基本4情報 (name, address, birth date, sex) as the text AP stores them in EF 0002:
 * `FF 20 <len> | DF21 08 <offsets> | DF22 name | DF23 address | DF24 08 YYYYMMDD | DF25 01 sex`.
 * UTF-8 text; name parts separated by U+3000; DF21 holds big-endian 16-bit offsets of the
 * DF22–DF25 tags counted from the start of the file.
 */
import type { Resident } from './card-fixture';
import { concatBytes, encodeLength, tlv, utf8 } from './card-tlv';

/**
 * The name as written on the card. Japanese residents: family U+3000 given. Foreign residents:
 * the alphabet name, and a registered 通称 after it in full-width brackets (our convention; the
 * real layout for 通称 in DF22 is not documented in our sources).
 */
export function basic4Name(r: Resident): string {
  if (r.alphabetName) return r.tsusho ? `${r.alphabetName}（${r.tsusho}）` : r.alphabetName;
  return `${r.familyName}\u3000${r.givenName}`;
}

/** The basic-4 TLV (no filler), with the DF21 offsets filled in. */
export function buildBasicFour(r: Resident): Uint8Array {
  const fields = [tlv(0xdf22, utf8(basic4Name(r))), tlv(0xdf23, utf8(r.address)), tlv(0xdf24, utf8(r.birthDate.replace(/-/g, ''))), tlv(0xdf25, utf8(r.sex))];
  const offsetsTlvLength = 3 + 8;
  const valueLength = offsetsTlvLength + fields.reduce((n, f) => n + f.length, 0);
  // Short length when it fits (the documented `FF 20 65`), otherwise the card's `82 HH LL`.
  const header = concatBytes(Uint8Array.of(0xff, 0x20), encodeLength(valueLength, valueLength < 0x80 ? 'minimal' : 'long2'));
  const offsets = new Uint8Array(8);
  let at = header.length + offsetsTlvLength;
  fields.forEach((f, i) => {
    offsets[2 * i] = at >> 8;
    offsets[2 * i + 1] = at & 0xff;
    at += f.length;
  });
  return concatBytes(header, tlv(0xdf21, offsets), ...fields);
}

/** Offset of the DF22 tag inside a file built by buildBasicFour (start of the DF32-hashed range). */
export function basicFourNameOffset(file: Uint8Array): number {
  return (file[2] === 0x82 ? 5 : 3) + 11;
}
