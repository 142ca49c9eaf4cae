/**
 * Total parser of ISO 7816-4 command APDUs (cases 1–4, short and extended), as the card sees them.
 */
import { SW } from './status-words';

/** A parsed command APDU. */
export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  /** The command data; null when there is no Lc field (cases 1 and 2). */
  readonly data: Uint8Array | null;
  /** Ne, the maximum response length: null when Le is absent; 256 / 65536 for Le = 00 / 0000. */
  readonly le: number | null;
  /** True for the extended-length form. */
  readonly extended: boolean;
}

/** Result of parsing: the command, or the status word the card answers to malformed bytes. */
export type ParsedApdu = { readonly ok: true; readonly apdu: CommandApdu } | { readonly ok: false; readonly sw: number };

/** Parses a command APDU; any byte sequence gives a command or 6700. */
export function parseCommandApdu(bytes: Uint8Array): ParsedApdu {
  if (bytes.length < 4) return { ok: false, sw: SW.WRONG_LENGTH };
  const [cla, ins, p1, p2] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  const head = { cla, ins, p1, p2 };
  const n = bytes.length;
  if (n === 4) return { ok: true, apdu: { ...head, data: null, le: null, extended: false } };
  const b4 = bytes[4]!;
  if (n === 5) return { ok: true, apdu: { ...head, data: null, le: b4 === 0 ? 256 : b4, extended: false } };
  if (b4 !== 0) {
    const data = bytes.slice(5, 5 + b4);
    if (n === 5 + b4) return { ok: true, apdu: { ...head, data, le: null, extended: false } };
    if (n === 6 + b4) {
      const le = bytes[n - 1]!;
      return { ok: true, apdu: { ...head, data, le: le === 0 ? 256 : le, extended: false } };
    }
    return { ok: false, sw: SW.WRONG_LENGTH };
  }
  // Extended length: 00 then two bytes.
  if (n < 7) return { ok: false, sw: SW.WRONG_LENGTH };
  const l = (bytes[5]! << 8) | bytes[6]!;
  if (n === 7) return { ok: true, apdu: { ...head, data: null, le: l === 0 ? 65536 : l, extended: true } };
  if (l === 0) return { ok: false, sw: SW.WRONG_LENGTH };
  const data = bytes.slice(7, 7 + l);
  if (n === 7 + l) return { ok: true, apdu: { ...head, data, le: null, extended: true } };
  if (n === 9 + l) {
    const le = (bytes[n - 2]! << 8) | bytes[n - 1]!;
    return { ok: true, apdu: { ...head, data, le: le === 0 ? 65536 : le, extended: true } };
  }
  return { ok: false, sw: SW.WRONG_LENGTH };
}
