/**
 * The IPP message model shared by our encoder, decoder, client and simulator (RFC 8010, RFC 8011).
 *
 * Values keep their wire tag so a round trip is exact and a reader can check syntax before
 * trusting a value (a `printer-state` that arrives as text is a protocol error, not a state).
 */

/** Delimiter tags that open an attribute group (RFC 8010 section 3.5.1). */
export const GroupTag = {
  operation: 0x01,
  job: 0x02,
  printer: 0x04,
  unsupported: 0x05,
  subscription: 0x06,
  eventNotification: 0x07,
  document: 0x09,
} as const;

/** Value tags (RFC 8010 section 3.5.2). */
export const ValueTag = {
  unsupported: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  notSettable: 0x15,
  deleteAttribute: 0x16,
  adminDefine: 0x17,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  textWithoutLanguage: 0x41,
  nameWithoutLanguage: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
} as const;

/** Tags whose value is a US-ASCII string. */
export type AsciiTag =
  | typeof ValueTag.keyword
  | typeof ValueTag.uri
  | typeof ValueTag.uriScheme
  | typeof ValueTag.charset
  | typeof ValueTag.naturalLanguage
  | typeof ValueTag.mimeMediaType;

/** Tags whose value is a UTF-8 string without a language. */
export type TextTag = typeof ValueTag.textWithoutLanguage | typeof ValueTag.nameWithoutLanguage;

/** Out-of-band tags: the value is empty and the tag itself is the meaning. */
export type OutOfBandTag =
  | typeof ValueTag.unsupported
  | typeof ValueTag.unknown
  | typeof ValueTag.noValue
  | typeof ValueTag.notSettable
  | typeof ValueTag.deleteAttribute
  | typeof ValueTag.adminDefine;

/** One attribute value. `kind` names the syntax; `tag` is the exact wire tag. */
export type IppValue =
  | { kind: 'integer'; tag: typeof ValueTag.integer | typeof ValueTag.enum; value: number }
  | { kind: 'boolean'; tag: typeof ValueTag.boolean; value: boolean }
  | { kind: 'range'; tag: typeof ValueTag.rangeOfInteger; lower: number; upper: number }
  | { kind: 'resolution'; tag: typeof ValueTag.resolution; x: number; y: number; units: 'dpi' | 'dpcm' }
  | { kind: 'dateTime'; tag: typeof ValueTag.dateTime; bytes: Uint8Array }
  | { kind: 'octets'; tag: typeof ValueTag.octetString; bytes: Uint8Array }
  | { kind: 'string'; tag: AsciiTag | TextTag; value: string }
  | { kind: 'stringWithLanguage'; tag: typeof ValueTag.textWithLanguage | typeof ValueTag.nameWithLanguage; language: string; value: string }
  | { kind: 'collection'; tag: typeof ValueTag.begCollection; members: IppAttribute[] }
  | { kind: 'outOfBand'; tag: OutOfBandTag }
  /** A tag this codec does not interpret; kept as raw bytes so nothing is lost. */
  | { kind: 'other'; tag: number; bytes: Uint8Array };

/** A named attribute with one or more values (1setOf is just several values). */
export interface IppAttribute {
  /** Attribute name, e.g. `printer-state-reasons`. */
  name: string;
  /** At least one value; order is kept as on the wire. */
  values: IppValue[];
}

/** An attribute group such as operation-attributes-tag or printer-attributes-tag. */
export interface IppGroup {
  /** The delimiter tag (see `GroupTag`). */
  tag: number;
  /** The attributes in wire order. */
  attributes: IppAttribute[];
}

/** A whole IPP request or response. */
export interface IppMessage {
  /** Protocol version, e.g. `{ major: 2, minor: 0 }`. */
  version: { major: number; minor: number };
  /** Operation id in a request, status code in a response. */
  code: number;
  /** The request-id the client chose; a response echoes it. */
  requestId: number;
  /** The attribute groups in wire order. */
  groups: IppGroup[];
  /** Document data following the end-of-attributes tag (empty if none). */
  data: Uint8Array;
}
