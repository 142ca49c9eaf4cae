/**
 * TLV encoding the way the My Number Card writes it (not strict DER): private-class tags in
 * their 2-byte form (`FF 20`, `DF 22`), and, where the real card does, a non-minimal 3-byte
 * length (`82 01 4B`, `82 00 9F`). Used to build EF contents byte-exactly.
 */

/** Length encodings the card uses. */
export type LengthForm = 'minimal' | 'long2';

/** Encodes a BER length: minimal (short form below 0x80, then 81/82), or always `82 HH LL`. */
export function encodeLength(length: number, form: LengthForm = 'minimal'): Uint8Array {
  if (length < 0 || length > 0xffff) throw new RangeError('TLV length out of range');
  if (form === 'long2') return Uint8Array.of(0x82, length >> 8, length & 0xff);
  if (length < 0x80) return Uint8Array.of(length);
  if (length <= 0xff) return Uint8Array.of(0x81, length);
  return Uint8Array.of(0x82, length >> 8, length & 0xff);
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One TLV: tag bytes as given (1 or 2 bytes), then the length, then the value. */
export function tlv(tag: number, value: Uint8Array, form: LengthForm = 'minimal'): Uint8Array {
  const tagBytes = tag > 0xff ? Uint8Array.of(tag >> 8, tag & 0xff) : Uint8Array.of(tag);
  return concatBytes(tagBytes, encodeLength(value.length, form), value);
}

/** Pads with FF filler to `size` bytes (the unused tail of a card EF); never truncates. */
export function padWithFiller(content: Uint8Array, size: number): Uint8Array {
  if (content.length >= size) return content;
  const out = new Uint8Array(size).fill(0xff);
  out.set(content);
  return out;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
