/**
 * A lenient, total BER-TLV parser for what the My Number Card actually writes:
 *  - private-class tags in the 2-byte form even for tag numbers under 31 (`FF 10`, `DF 21`),
 *    which strict DER decoders reject;
 *  - non-minimal long-form lengths (`82 00 9F`);
 *  - `FF` (and `00`) filler after the last object of a file.
 * Any byte string gives nodes or a CardError `malformed-response`; never another throw, never a
 * loop that does not consume input. Tags are numbers built from their bytes: `FF 20` → 0xFF20.
 */
import { CardError } from '../card-errors';

/** Longest tag accepted, in bytes (first byte + up to 3 continuation bytes). */
const MAX_TAG_BYTES = 4;
/** Longest length field accepted after 0x8N (lengths never exceed 2^32 on a card). */
const MAX_LENGTH_BYTES = 4;

/** The header of one TLV object. */
export interface TlvHeader {
  /** The tag, its bytes read as one big-endian number (e.g. 0xDF21). */
  readonly tag: number;
  /** True when bit 6 of the first tag byte is set (the value holds TLV objects). */
  readonly constructed: boolean;
  /** Bytes taken by tag + length fields. */
  readonly headerLength: number;
  /** Length of the value, as declared. */
  readonly valueLength: number;
}

/** One parsed TLV object. Offsets are absolute within the buffer handed to `parseTlv`. */
export interface TlvNode extends TlvHeader {
  /** Offset of the first tag byte. */
  readonly offset: number;
  /** Offset of the first value byte. */
  readonly valueOffset: number;
  /** Offset just past the value. */
  readonly end: number;
  /** The value bytes (a view, not a copy). */
  readonly value: Uint8Array;
}

function malformed(why: string): CardError {
  return new CardError('malformed-response', `TLV: ${why}`);
}

/**
 * Reads one TLV header at `offset`. Needs only the header bytes, so it also works on the first
 * chunk of a long file (to learn the file's length). Throws CardError `malformed-response`.
 */
export function readTlvHeader(bytes: Uint8Array, offset = 0): TlvHeader {
  let pos = offset;
  const first = bytes[pos++];
  if (first === undefined) throw malformed('no tag');
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    // Multi-byte tag: accepted even when the number would fit in the first byte (the card does that).
    for (;;) {
      const b = bytes[pos++];
      if (b === undefined) throw malformed('truncated tag');
      tag = tag * 256 + b;
      if (pos - offset > MAX_TAG_BYTES) throw malformed('tag too long');
      if ((b & 0x80) === 0) break;
    }
  }
  const lenByte = bytes[pos++];
  if (lenByte === undefined) throw malformed('no length');
  let valueLength: number;
  if (lenByte < 0x80) {
    valueLength = lenByte;
  } else if (lenByte === 0x80) {
    throw malformed('indefinite length');
  } else {
    const n = lenByte & 0x7f;
    if (n > MAX_LENGTH_BYTES) throw malformed('length field too long');
    valueLength = 0;
    for (let i = 0; i < n; i++) {
      const b = bytes[pos++];
      if (b === undefined) throw malformed('truncated length');
      valueLength = valueLength * 256 + b; // non-minimal forms (82 00 9F) are fine
    }
  }
  return { tag, constructed: (first & 0x20) !== 0, headerLength: pos - offset, valueLength };
}

/** True when the bytes from `pos` on are filler rather than another object. */
function atFiller(bytes: Uint8Array, pos: number): boolean {
  const b = bytes[pos];
  if (b === 0x00) return bytes.subarray(pos).every((x) => x === 0x00 || x === 0xff);
  // `FF FF` cannot start a real object on this card; a lone trailing FF is filler too.
  return b === 0xff && (pos + 1 >= bytes.length || bytes[pos + 1] === 0xff);
}

/**
 * Parses consecutive TLV objects from `bytes[start, end)`, stopping at filler.
 * Throws CardError `malformed-response` if an object overruns the range.
 */
export function parseTlv(bytes: Uint8Array, start = 0, end = bytes.length): TlvNode[] {
  const nodes: TlvNode[] = [];
  const view = bytes.subarray(0, Math.min(end, bytes.length));
  let pos = start;
  while (pos < view.length && !atFiller(view, pos)) {
    const h = readTlvHeader(view, pos);
    const valueOffset = pos + h.headerLength;
    const nodeEnd = valueOffset + h.valueLength;
    if (nodeEnd > view.length) throw malformed('value overruns its container');
    nodes.push({ ...h, offset: pos, valueOffset, end: nodeEnd, value: view.subarray(valueOffset, nodeEnd) });
    pos = nodeEnd; // always advances: headerLength >= 2
  }
  return nodes;
}

/**
 * Parses the objects inside a node's value (offsets stay absolute in `source`). Parsing is one
 * level at a time on purpose: no recursion, so hostile nesting cannot exhaust the stack.
 */
export function childrenOf(source: Uint8Array, node: TlvNode): TlvNode[] {
  return parseTlv(source, node.valueOffset, node.end);
}

/** The first node with `tag`, or undefined. */
export function findTag(nodes: readonly TlvNode[], tag: number): TlvNode | undefined {
  return nodes.find((n) => n.tag === tag);
}

/** The first node with `tag`, or CardError `malformed-response` naming the missing tag. */
export function requireTag(nodes: readonly TlvNode[], tag: number): TlvNode {
  const n = findTag(nodes, tag);
  if (!n) throw malformed(`missing tag ${tag.toString(16).toUpperCase()}`);
  return n;
}

/**
 * Parses a whole file that must hold exactly one top-level object with `outerTag`
 * (filler after it is allowed) and returns the outer node and its children.
 */
export function parseRecordFile(bytes: Uint8Array, outerTag: number): { outer: TlvNode; children: TlvNode[] } {
  const top = parseTlv(bytes);
  const outer = top[0];
  if (!outer || outer.tag !== outerTag) throw malformed(`expected outer tag ${outerTag.toString(16).toUpperCase()}`);
  return { outer, children: childrenOf(bytes, outer) };
}
