/**
 * IPP encoder (RFC 8010 section 3) and small value builders.
 *
 * Encoding is the inverse of `decodeIppMessage`: `decode(encode(m))` gives back `m`. The builders
 * keep call sites short and make the wire syntax of each attribute explicit.
 */
import { ValueTag, type AsciiTag, type IppAttribute, type IppMessage, type IppValue } from './ipp-types';

/** Thrown for a message that cannot be put on the wire (a bug in the caller, not network input). */
export class IppEncodeError extends Error {
  override readonly name = 'IppEncodeError';
  readonly code = 'ipp.unencodable';
}

class Writer {
  private chunks: Uint8Array[] = [];
  private size = 0;
  push(b: Uint8Array): void {
    this.chunks.push(b);
    this.size += b.length;
  }
  u8(v: number): void {
    this.push(Uint8Array.of(v & 0xff));
  }
  u16(v: number): void {
    if (v < 0 || v > 0xffff) throw new IppEncodeError(`length ${v} does not fit in 16 bits`);
    this.push(Uint8Array.of(v >> 8, v & 0xff));
  }
  i32(v: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, v);
    this.push(b);
  }
  /** A length-prefixed byte string. */
  lp(b: Uint8Array): void {
    this.u16(b.length);
    this.push(b);
  }
  result(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }
}

const enc = new TextEncoder();

function valueBytes(v: IppValue): Uint8Array {
  switch (v.kind) {
    case 'integer': {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setInt32(0, v.value);
      return b;
    }
    case 'boolean':
      return Uint8Array.of(v.value ? 1 : 0);
    case 'range': {
      const b = new Uint8Array(8);
      const d = new DataView(b.buffer);
      d.setInt32(0, v.lower);
      d.setInt32(4, v.upper);
      return b;
    }
    case 'resolution': {
      const b = new Uint8Array(9);
      const d = new DataView(b.buffer);
      d.setInt32(0, v.x);
      d.setInt32(4, v.y);
      b[8] = v.units === 'dpi' ? 3 : 4;
      return b;
    }
    case 'dateTime':
    case 'octets':
    case 'other':
      return v.bytes;
    case 'string':
      return enc.encode(v.value);
    case 'stringWithLanguage': {
      const w = new Writer();
      w.lp(enc.encode(v.language));
      w.lp(enc.encode(v.value));
      return w.result();
    }
    case 'outOfBand':
    case 'collection':
      return new Uint8Array(0);
  }
}

function writeValue(w: Writer, name: string, v: IppValue): void {
  w.u8(v.tag);
  w.lp(enc.encode(name));
  w.lp(valueBytes(v));
  if (v.kind === 'collection') {
    for (const m of v.members) {
      if (m.values.length === 0) throw new IppEncodeError(`member ${m.name} has no value`);
      w.u8(ValueTag.memberAttrName);
      w.u16(0);
      w.lp(enc.encode(m.name));
      for (const mv of m.values) writeValue(w, '', mv);
    }
    w.u8(ValueTag.endCollection);
    w.u16(0);
    w.u16(0);
  }
}

/** Encodes a whole message; throws `IppEncodeError` for an attribute without values or an oversized string. */
export function encodeIppMessage(m: IppMessage): Buffer {
  const w = new Writer();
  w.u8(m.version.major);
  w.u8(m.version.minor);
  w.u16(m.code);
  w.i32(m.requestId);
  for (const g of m.groups) {
    w.u8(g.tag);
    for (const a of g.attributes) {
      if (a.values.length === 0) throw new IppEncodeError(`attribute ${a.name} has no value`);
      a.values.forEach((v, i) => writeValue(w, i === 0 ? a.name : '', v));
    }
  }
  w.u8(0x03);
  w.push(m.data);
  return w.result();
}

// ---- builders -------------------------------------------------------------------------------

/** An attribute of US-ASCII syntax (keyword, uri, charset, naturalLanguage, mimeMediaType...). */
export function asciiAttr(tag: AsciiTag, name: string, ...values: string[]): IppAttribute {
  return { name, values: values.map((value) => ({ kind: 'string', tag, value })) };
}
export const keywordAttr = (name: string, ...v: string[]): IppAttribute => asciiAttr(ValueTag.keyword, name, ...v);
export const uriAttr = (name: string, ...v: string[]): IppAttribute => asciiAttr(ValueTag.uri, name, ...v);
export const charsetAttr = (name: string, ...v: string[]): IppAttribute => asciiAttr(ValueTag.charset, name, ...v);
export const languageAttr = (name: string, ...v: string[]): IppAttribute => asciiAttr(ValueTag.naturalLanguage, name, ...v);
export const mimeAttr = (name: string, ...v: string[]): IppAttribute => asciiAttr(ValueTag.mimeMediaType, name, ...v);
export const uriSchemeAttr = (name: string, ...v: string[]): IppAttribute => asciiAttr(ValueTag.uriScheme, name, ...v);

/** A UTF-8 name (nameWithoutLanguage). */
export function nameAttr(name: string, ...values: string[]): IppAttribute {
  return { name, values: values.map((value) => ({ kind: 'string', tag: ValueTag.nameWithoutLanguage, value })) };
}
/** A UTF-8 text (textWithoutLanguage). */
export function textAttr(name: string, ...values: string[]): IppAttribute {
  return { name, values: values.map((value) => ({ kind: 'string', tag: ValueTag.textWithoutLanguage, value })) };
}
export function integerAttr(name: string, ...values: number[]): IppAttribute {
  return { name, values: values.map((value) => ({ kind: 'integer', tag: ValueTag.integer, value })) };
}
export function enumAttr(name: string, ...values: number[]): IppAttribute {
  return { name, values: values.map((value) => ({ kind: 'integer', tag: ValueTag.enum, value })) };
}
export function booleanAttr(name: string, value: boolean): IppAttribute {
  return { name, values: [{ kind: 'boolean', tag: ValueTag.boolean, value }] };
}
export function rangeAttr(name: string, lower: number, upper: number): IppAttribute {
  return { name, values: [{ kind: 'range', tag: ValueTag.rangeOfInteger, lower, upper }] };
}
export function resolutionAttr(name: string, x: number, y: number): IppAttribute {
  return { name, values: [{ kind: 'resolution', tag: ValueTag.resolution, x, y, units: 'dpi' }] };
}
export function noValueAttr(name: string): IppAttribute {
  return { name, values: [{ kind: 'outOfBand', tag: ValueTag.noValue }] };
}
/** A collection attribute; each entry of `values` is one collection value. */
export function collectionAttr(name: string, ...values: IppAttribute[][]): IppAttribute {
  return { name, values: values.map((members) => ({ kind: 'collection', tag: ValueTag.begCollection, members })) };
}
/** RFC 2579 DateAndTime in UTC, as `printer-current-time` and `time-at-*` need. */
export function dateTimeAttr(name: string, date: Date): IppAttribute {
  const b = new Uint8Array(11);
  const d = new DataView(b.buffer);
  d.setUint16(0, date.getUTCFullYear());
  b[2] = date.getUTCMonth() + 1;
  b[3] = date.getUTCDate();
  b[4] = date.getUTCHours();
  b[5] = date.getUTCMinutes();
  b[6] = date.getUTCSeconds();
  b[7] = Math.floor(date.getUTCMilliseconds() / 100);
  b[8] = '+'.charCodeAt(0);
  return { name, values: [{ kind: 'dateTime', tag: ValueTag.dateTime, bytes: b }] };
}
