/**
 * Command APDUs (ISO 7816-4): a plain record and its encoder. Short form whenever it fits,
 * extended form otherwise. Builders for the few commands the My Number Card needs live here
 * too, so the hex in one place matches the reference transcripts.
 */
import { CardError } from '../card-errors';

/** Instruction bytes used by this layer. */
export const Ins = {
  VERIFY: 0x20,
  COMPUTE_SIGNATURE: 0x2a,
  SELECT: 0xa4,
  READ_BINARY: 0xb0,
  GET_RESPONSE: 0xc0,
} as const;

/** One command APDU. */
export interface CommandApdu {
  /** Class byte. */
  readonly cla: number;
  /** Instruction byte. */
  readonly ins: number;
  /** Parameter 1. */
  readonly p1: number;
  /** Parameter 2. */
  readonly p2: number;
  /** Command data (Lc is derived from it); absent or empty = no data field. */
  readonly data?: Uint8Array;
  /** Expected response length 1..65536 (256 encodes as 00 in short form); absent = no Le. */
  readonly le?: number;
}

function byte(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 0 || v > 0xff) throw new CardError('invalid-argument', `${name} is not a byte`);
  return v;
}

/** Encodes a command APDU into bytes. Throws CardError `invalid-argument` on impossible fields. */
export function encodeCommand(c: CommandApdu): Uint8Array {
  const head = [byte('CLA', c.cla), byte('INS', c.ins), byte('P1', c.p1), byte('P2', c.p2)];
  const data = c.data ?? new Uint8Array(0);
  const le = c.le;
  if (data.length > 65535) throw new CardError('invalid-argument', 'command data too long');
  if (le !== undefined && (!Number.isInteger(le) || le < 1 || le > 65536)) {
    throw new CardError('invalid-argument', 'Le out of range');
  }
  const extended = data.length > 255 || (le !== undefined && le > 256);
  const out: number[] = [...head];
  if (!extended) {
    if (data.length > 0) out.push(data.length, ...data);
    if (le !== undefined) out.push(le === 256 ? 0 : le);
  } else {
    out.push(0);
    if (data.length > 0) out.push(data.length >> 8, data.length & 0xff, ...data);
    if (le !== undefined) out.push((le >> 8) & 0xff, le & 0xff); // 65536 encodes as 00 00
  }
  return Uint8Array.from(out);
}

/** `00 A4 04 0C Lc <AID>`: SELECT an application by AID, no FCI. */
export function selectAid(aid: Uint8Array): CommandApdu {
  return { cla: 0x00, ins: Ins.SELECT, p1: 0x04, p2: 0x0c, data: aid };
}

/** `00 A4 02 0C 02 <FID>`: SELECT an EF in the current application, no FCI. */
export function selectEf(fid: number): CommandApdu {
  return { cla: 0x00, ins: Ins.SELECT, p1: 0x02, p2: 0x0c, data: Uint8Array.of((fid >> 8) & 0xff, fid & 0xff) };
}

/** `00 B0 <off> Le`: READ BINARY of the selected EF at a 15-bit offset. */
export function readBinary(offset: number, le: number): CommandApdu {
  if (!Number.isInteger(offset) || offset < 0 || offset > 0x7fff) {
    throw new CardError('invalid-argument', 'READ BINARY offset out of range');
  }
  return { cla: 0x00, ins: Ins.READ_BINARY, p1: offset >> 8, p2: offset & 0xff, le };
}

/** `00 20 00 80 [Lc secret]`: VERIFY against the selected PIN EF; no data = ask for remaining tries. */
export function verify(secret?: Uint8Array): CommandApdu {
  return secret && secret.length > 0 ? { cla: 0x00, ins: Ins.VERIFY, p1: 0x00, p2: 0x80, data: secret } : { cla: 0x00, ins: Ins.VERIFY, p1: 0x00, p2: 0x80 };
}

/** `80 2A 00 80 Lc <DigestInfo> 00`: COMPUTE DIGITAL SIGNATURE (PKCS#1 v1.5 on card) with the selected key. */
export function computeSignature(digestInfo: Uint8Array): CommandApdu {
  return { cla: 0x80, ins: Ins.COMPUTE_SIGNATURE, p1: 0x00, p2: 0x80, data: digestInfo, le: 256 };
}

/** `00 C0 00 00 Le`: GET RESPONSE after a 61xx. */
export function getResponse(le: number): CommandApdu {
  return { cla: 0x00, ins: Ins.GET_RESPONSE, p1: 0x00, p2: 0x00, le: le === 0 ? 256 : le };
}
