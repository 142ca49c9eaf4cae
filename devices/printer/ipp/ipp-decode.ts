/**
 * A total IPP decoder (RFC 8010 section 3): any byte string becomes either an `IppMessage` or a
 * typed `IppDecodeError`; it never throws and never logs. Bytes come from the network (a printer
 * or, in the simulator, a client), so every length is checked against what is really there and
 * every fixed-size value against its size.
 */
import { ValueTag, type IppAttribute, type IppGroup, type IppMessage, type IppValue } from './ipp-types';

/** Why a message could not be decoded. */
export type IppDecodeErrorCode =
  | 'ipp.truncated' // a length points past the end
  | 'ipp.bad-tag' // a tag where none may be (0x00, value before any group, stray end-collection)
  | 'ipp.bad-value' // a value of the wrong size or with bytes its syntax forbids
  | 'ipp.bad-structure' // e.g. an additional value with nothing before it, a collection not closed
  | 'ipp.too-large'; // nesting or value count beyond our limits

/** Typed decode failure with the byte offset where it was noticed. */
export class IppDecodeError extends Error {
  override readonly name = 'IppDecodeError';
  constructor(
    readonly code: IppDecodeErrorCode,
    readonly offset: number,
    detail: string,
  ) {
    super(`${code} at byte ${offset}: ${detail}`);
  }
}

export type IppDecodeResult = { ok: true; message: IppMessage } | { ok: false; error: IppDecodeError };

/** Limits that keep a hostile message from costing unbounded time or memory. */
const MAX_DEPTH = 8;
const MAX_VALUES = 20_000;

const ASCII_TAGS = new Set<number>([
  ValueTag.keyword,
  ValueTag.uri,
  ValueTag.uriScheme,
  ValueTag.charset,
  ValueTag.naturalLanguage,
  ValueTag.mimeMediaType,
  ValueTag.memberAttrName,
]);
const OUT_OF_BAND_TAGS = new Set<number>([
  ValueTag.unsupported,
  ValueTag.unknown,
  ValueTag.noValue,
  ValueTag.notSettable,
  ValueTag.deleteAttribute,
  ValueTag.adminDefine,
]);

const utf8 = new TextDecoder('utf-8', { fatal: true });

class Reader {
  pos = 0;
  values = 0;
  constructor(readonly buf: Uint8Array) {}
  fail(code: IppDecodeErrorCode, detail: string, at = this.pos): never {
    throw new IppDecodeError(code, at, detail);
  }
  need(n: number): void {
    if (this.pos + n > this.buf.length) this.fail('ipp.truncated', `need ${n} byte(s), ${this.buf.length - this.pos} left`);
  }
  u8(): number {
    this.need(1);
    return this.buf[this.pos++] as number;
  }
  peek(): number | undefined {
    return this.buf[this.pos];
  }
  u16(): number {
    this.need(2);
    const v = ((this.buf[this.pos] as number) << 8) | (this.buf[this.pos + 1] as number);
    this.pos += 2;
    return v;
  }
  i32(): number {
    this.need(4);
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return ((b[p] as number) << 24) | ((b[p + 1] as number) << 16) | ((b[p + 2] as number) << 8) | (b[p + 3] as number) | 0;
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
}

function ascii(r: Reader, bytes: Uint8Array, what: string): string {
  // An indexed loop: this runs for every name and keyword, and iterators/spread cost more here.
  let s = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 || b > 0x7e) r.fail('ipp.bad-value', `${what} is not printable US-ASCII`);
    s += String.fromCharCode(b);
  }
  return s;
}

function sized(r: Reader, tag: number, len: number, n: number, at: number): void {
  if (len !== n) r.fail('ipp.bad-value', `tag 0x${tag.toString(16)} needs ${n} bytes, has ${len}`, at);
}

function text(r: Reader, bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return r.fail('ipp.bad-value', 'text is not valid UTF-8');
  }
}

/** Decodes one value whose tag and length were already read; consumes exactly `len` bytes (plus members for a collection). */
function decodeValue(r: Reader, tag: number, len: number, depth: number): IppValue {
  if (++r.values > MAX_VALUES) r.fail('ipp.too-large', 'too many values');
  const start = r.pos;
  const raw = r.bytes(len);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  switch (tag) {
    case ValueTag.integer:
    case ValueTag.enum:
      sized(r, tag, len, 4, start);
      return { kind: 'integer', tag, value: view.getInt32(0) };
    case ValueTag.boolean:
      sized(r, tag, len, 1, start);
      if (raw[0] !== 0 && raw[0] !== 1) r.fail('ipp.bad-value', 'boolean must be 0 or 1', start);
      return { kind: 'boolean', tag, value: raw[0] === 1 };
    case ValueTag.rangeOfInteger:
      sized(r, tag, len, 8, start);
      return { kind: 'range', tag, lower: view.getInt32(0), upper: view.getInt32(4) };
    case ValueTag.resolution: {
      sized(r, tag, len, 9, start);
      const u = raw[8];
      if (u !== 3 && u !== 4) r.fail('ipp.bad-value', 'resolution units must be 3 or 4', start);
      return { kind: 'resolution', tag, x: view.getInt32(0), y: view.getInt32(4), units: u === 3 ? 'dpi' : 'dpcm' };
    }
    case ValueTag.dateTime:
      sized(r, tag, len, 11, start);
      return { kind: 'dateTime', tag, bytes: new Uint8Array(raw) };
    case ValueTag.octetString:
      return { kind: 'octets', tag, bytes: new Uint8Array(raw) };
    case ValueTag.textWithLanguage:
    case ValueTag.nameWithLanguage: {
      const inner = new Reader(raw);
      try {
        const language = ascii(r, inner.bytes(inner.u16()), 'language');
        const value = text(r, inner.bytes(inner.u16()));
        if (inner.pos !== raw.length) r.fail('ipp.bad-value', 'trailing bytes in string-with-language', start);
        return { kind: 'stringWithLanguage', tag, language, value };
      } catch (e) {
        if (e instanceof IppDecodeError && e.code === 'ipp.truncated') r.fail('ipp.bad-value', 'string-with-language shorter than its parts', start);
        throw e;
      }
    }
    case ValueTag.textWithoutLanguage:
    case ValueTag.nameWithoutLanguage:
      return { kind: 'string', tag, value: text(r, raw) };
    case ValueTag.begCollection:
      // RFC 8010 3.1.6: the begCollection value is empty and carries nothing; members follow.
      return { kind: 'collection', tag, members: decodeMembers(r, depth + 1) };
    default:
      if (ASCII_TAGS.has(tag) && tag !== ValueTag.memberAttrName) {
        return { kind: 'string', tag: tag as typeof ValueTag.keyword, value: ascii(r, raw, 'string') };
      }
      if (OUT_OF_BAND_TAGS.has(tag)) return { kind: 'outOfBand', tag: tag as typeof ValueTag.noValue };
      if (tag === ValueTag.memberAttrName || tag === ValueTag.endCollection) r.fail('ipp.bad-tag', 'collection tag outside a collection', start);
      return { kind: 'other', tag, bytes: new Uint8Array(raw) };
  }
}

/** Reads collection members up to and including the endCollection tag. */
function decodeMembers(r: Reader, depth: number): IppAttribute[] {
  if (depth > MAX_DEPTH) r.fail('ipp.too-large', 'collections nested too deep');
  const members: IppAttribute[] = [];
  let current: IppAttribute | undefined;
  for (;;) {
    if (r.pos >= r.buf.length) r.fail('ipp.bad-structure', 'collection not closed');
    const tagAt = r.pos;
    const tag = r.u8();
    if (tag < 0x10) r.fail('ipp.bad-structure', 'delimiter inside a collection', tagAt);
    const nameLen = r.u16();
    if (nameLen !== 0) r.fail('ipp.bad-structure', 'collection member values must have an empty name', tagAt);
    const len = r.u16();
    if (tag === ValueTag.endCollection) {
      r.bytes(len); // RFC 8010: may carry a value in future versions; ignore it
      if (current === undefined && members.length > 0) r.fail('ipp.bad-structure', 'member without a value', tagAt);
      return members;
    }
    if (tag === ValueTag.memberAttrName) {
      if (current && current.values.length === 0) r.fail('ipp.bad-structure', 'member without a value', tagAt);
      const name = ascii(r, r.bytes(len), 'member name');
      if (name.length === 0) r.fail('ipp.bad-value', 'empty member name', tagAt);
      current = { name, values: [] };
      members.push(current);
      continue;
    }
    if (!current) r.fail('ipp.bad-structure', 'collection value before its member name', tagAt);
    current.values.push(decodeValue(r, tag, len, depth));
  }
}

function parse(buf: Uint8Array): IppMessage {
  // A plain Uint8Array view: Buffer#subarray allocates a Buffer object per call, which dominates decoding time.
  const r: Reader = new Reader(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
  const version = { major: r.u8(), minor: r.u8() };
  const code = r.u16();
  const requestId = r.i32();
  const groups: IppGroup[] = [];
  let group: IppGroup | undefined;
  let attr: IppAttribute | undefined;
  for (;;) {
    const tagAt = r.pos;
    if (tagAt >= buf.length) r.fail('ipp.truncated', 'no end-of-attributes tag');
    const tag = r.u8();
    if (tag === 0x03) break; // end-of-attributes-tag
    if (tag < 0x10) {
      if (tag === 0x00) r.fail('ipp.bad-tag', 'reserved delimiter 0x00', tagAt);
      group = { tag, attributes: [] };
      groups.push(group);
      attr = undefined;
      continue;
    }
    if (!group) r.fail('ipp.bad-tag', 'attribute before any group', tagAt);
    const name = ascii(r, r.bytes(r.u16()), 'attribute name');
    const len = r.u16();
    const value = decodeValue(r, tag, len, 0);
    if (name.length > 0) {
      attr = { name, values: [value] };
      group.attributes.push(attr);
    } else {
      if (!attr) r.fail('ipp.bad-structure', 'additional value without an attribute', tagAt);
      attr.values.push(value);
    }
  }
  return { version, code, requestId, groups, data: buf.subarray(r.pos) };
}

/** Decodes a whole IPP message. Total: returns a typed error for any malformed input. */
export function decodeIppMessage(buf: Uint8Array): IppDecodeResult {
  try {
    return { ok: true, message: parse(buf) };
  } catch (e) {
    if (e instanceof IppDecodeError) return { ok: false, error: e };
    // Anything else would be a bug in this file; still answer with a typed error, never throw.
    return { ok: false, error: new IppDecodeError('ipp.bad-structure', -1, e instanceof Error ? e.message : 'unexpected') };
  }
}
