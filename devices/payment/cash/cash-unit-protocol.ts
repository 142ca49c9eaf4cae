/**
 * Madoguchi cash-unit report protocol, version 1 (MCU-1): THE one module that knows byte layouts.
 *
 * A coin/note recycler (coins 10/50/100/500 yen, notes 1000/5000/10000 yen) speaks it over
 * 64-byte HID reports. Everything above this module (CashUnit, the simulator model) works with
 * the typed `Command` / `DeviceEvent` values below; a vendor adapter replaces this file with one
 * exporting the same functions for its own wire format.
 *
 * ## Frame (every report is exactly 64 bytes, report ID included, as node-hid reads/writes it)
 *
 * | Offset | Size  | Field                                                                       |
 * |--------|-------|-----------------------------------------------------------------------------|
 * | 0      | 1     | HID report ID: 0x01 = command (host→device output), 0x02 = event (input)    |
 * | 1      | 1     | Sequence number 0-255, wrapping. Host and device number independently.      |
 * | 2      | 1     | Opcode (tables below)                                                       |
 * | 3      | 1     | Payload length N, 0..58                                                     |
 * | 4      | N     | Payload; integers big-endian (u16 = 2 bytes, u32 = 4 bytes)                 |
 * | 4+N    | 58-N  | Zero padding (non-zero padding is a framing error)                          |
 * | 62     | 2     | CRC-16/CCITT-FALSE over bytes 0..61, big-endian                             |
 *
 * ## Commands (report ID 0x01). The device answers every valid command with ACK or NAK
 * (echoing the command's seq) and then any result events. A command repeated with the same seq
 * and bytes is a host retry: the device re-sends its ACK but does not execute it again.
 *
 * | Op   | Name          | Payload                                  | Result events              |
 * |------|---------------|------------------------------------------|----------------------------|
 * | 0x10 | GET_STATUS    | -                                        | STATUS                     |
 * | 0x11 | ENABLE        | amountDue u32, denomination mask u16     | INSERTED / REJECTED ...    |
 * | 0x12 | DISABLE       | -                                        | -                          |
 * | 0x13 | COMMIT        | - (stack the escrow: it becomes takings) | ACCEPTED                   |
 * | 0x14 | RETURN_ESCROW | - (cancel: give the escrow back)         | RETURNED                   |
 * | 0x15 | DISPENSE      | amount u32                               | DISPENSE_PROGRESS*, _COMPLETE |
 * | 0x16 | RESET         | - (clears faults; escrow is kept)        | STATUS                     |
 * | 0x17 | GET_INVENTORY | -                                        | INVENTORY                  |
 *
 * ## Events (report ID 0x02)
 *
 * | Op   | Name              | Payload                                                          |
 * |------|-------------------|------------------------------------------------------------------|
 * | 0x80 | ACK               | ackSeq u8, command op u8                                         |
 * | 0x81 | NAK               | ackSeq u8, command op u8, reason u8                              |
 * | 0x82 | STATUS            | state u8, fault flags u8, escrowTotal u32, protocol version u8   |
 * | 0x83 | INSERTED          | denomination u16, kind u8, escrowTotal u32 (validated, in escrow)|
 * | 0x84 | REJECTED          | denomination u16 (0 = unrecognised), kind u8, reason u8          |
 * | 0x85 | ACCEPTED          | total u32 (escrow committed to the recycler/cash box)            |
 * | 0x86 | DISPENSE_PROGRESS | dispensed u32, requested u32                                     |
 * | 0x87 | DISPENSE_COMPLETE | dispensed u32, requested u32, result u8                          |
 * | 0x88 | RETURNED          | returned u32, result u8                                          |
 * | 0x89 | FAULT             | fault u8, unit u8, value u32 (yen involved, 0 = unknown)         |
 * | 0x8A | FAULT_CLEARED     | fault u8                                                         |
 * | 0x8B | INVENTORY         | n u8, n × (denomination u16, count u16), n ≤ 14                  |
 *
 * ENABLE: the device accepts the enabled denominations into escrow and stops accepting by itself
 * once the escrow total reaches amountDue (0 = no limit), so a citizen cannot overpay by racing
 * the host's DISABLE. INSERTED.escrowTotal is authoritative: a host that lost an event resyncs
 * from it (or from STATUS). A FAULT jam on insert carries the value of the stuck item when known;
 * that item is not in the escrow total.
 *
 * Codes: kind 1 coin, 2 note. Unit 0 device, 1 coin unit, 2 note unit. State 0 idle, 1 accepting,
 * 2 holding (escrow held, not accepting), 3 dispensing, 4 returning, 5 fault. Fault (u8 code /
 * flag bit): 1/0x01 jam, 2/0x02 cash box full, 3/0x04 low change, 4/0x08 door open, 5/0x10
 * device error. NAK reason 1 busy, 2 bad state, 3 bad parameter, 4 fault active. REJECTED
 * reason 1 denomination disabled, 2 unrecognised, 3 cash box full, 4 not accepting. Operation
 * result 0 ok, 1 cannot make change, 2 jam, 3 device error, 4 door open. Denomination mask bits
 * 0..6 = 10, 50, 100, 500, 1000, 5000, 10000. Amounts are whole yen, multiples of 10, ≤ 10,000,000.
 */
import { crc16Ccitt } from './crc16-ccitt';

export const REPORT_LENGTH = 64;
export const REPORT_ID_COMMAND = 0x01;
export const REPORT_ID_EVENT = 0x02;
export const PROTOCOL_VERSION = 1;
const HEADER = 4;
const MAX_PAYLOAD = REPORT_LENGTH - HEADER - 2;
const MAX_AMOUNT = 10_000_000;

export const DENOMINATIONS = [10, 50, 100, 500, 1000, 5000, 10000] as const;
export type Denomination = (typeof DENOMINATIONS)[number];
export type CashKind = 'coin' | 'note';
export const kindOf = (d: Denomination): CashKind => (d >= 1000 ? 'note' : 'coin');
export const isDenomination = (v: unknown): v is Denomination => DENOMINATIONS.includes(v as Denomination);

const COMMAND_OPS = {
  'get-status': 0x10,
  enable: 0x11,
  disable: 0x12,
  commit: 0x13,
  'return-escrow': 0x14,
  dispense: 0x15,
  reset: 0x16,
  'get-inventory': 0x17,
} as const;
export type CommandOp = keyof typeof COMMAND_OPS;
const EVENT_OPS = {
  ack: 0x80,
  nak: 0x81,
  status: 0x82,
  inserted: 0x83,
  rejected: 0x84,
  accepted: 0x85,
  'dispense-progress': 0x86,
  'dispense-complete': 0x87,
  returned: 0x88,
  fault: 0x89,
  'fault-cleared': 0x8a,
  inventory: 0x8b,
} as const;
export type EventType = keyof typeof EVENT_OPS;

const KINDS = [null, 'coin', 'note'] as const;
const UNITS = ['device', 'coin', 'note'] as const;
const STATES = ['idle', 'accepting', 'holding', 'dispensing', 'returning', 'fault'] as const;
const FAULTS = [null, 'jam', 'cash-box-full', 'low-change', 'door-open', 'device-error'] as const;
const NAK_REASONS = [null, 'busy', 'bad-state', 'bad-parameter', 'fault-active'] as const;
const REJECT_REASONS = [null, 'denomination-disabled', 'unrecognised', 'cash-box-full', 'not-accepting'] as const;
const RESULTS = ['ok', 'cannot-make-change', 'jam', 'device-error', 'door-open'] as const;
type NonNull<T extends readonly unknown[]> = Exclude<T[number], null>;
export type DeviceUnit = (typeof UNITS)[number];
export type DeviceState = (typeof STATES)[number];
export type FaultCode = NonNull<typeof FAULTS>;
export type NakReason = NonNull<typeof NAK_REASONS>;
export type RejectReason = NonNull<typeof REJECT_REASONS>;
export type OperationResult = (typeof RESULTS)[number];
export const FAULT_CODES: readonly FaultCode[] = FAULTS.filter((f): f is FaultCode => f !== null);

/** A host→device command. */
export type Command =
  | { op: 'get-status' }
  | { op: 'disable' }
  | { op: 'commit' }
  | { op: 'return-escrow' }
  | { op: 'reset' }
  | { op: 'get-inventory' }
  | { op: 'enable'; amountDue: number; accept: readonly Denomination[] }
  | { op: 'dispense'; amount: number };

/** A device→host event. */
export type DeviceEvent =
  | { type: 'ack'; ackSeq: number; op: CommandOp }
  | { type: 'nak'; ackSeq: number; op: CommandOp; reason: NakReason }
  | { type: 'status'; state: DeviceState; faults: FaultCode[]; escrowTotal: number; version: number }
  | { type: 'inserted'; denomination: Denomination; kind: CashKind; escrowTotal: number }
  | { type: 'rejected'; denomination: Denomination | null; kind: CashKind; reason: RejectReason }
  | { type: 'accepted'; total: number }
  | { type: 'dispense-progress'; dispensed: number; requested: number }
  | { type: 'dispense-complete'; dispensed: number; requested: number; result: OperationResult }
  | { type: 'returned'; returned: number; result: OperationResult }
  | { type: 'fault'; fault: FaultCode; unit: DeviceUnit; value: number }
  | { type: 'fault-cleared'; fault: FaultCode }
  | { type: 'inventory'; items: { denomination: Denomination; count: number }[] };

/** A decoded report: its sequence number and body. */
export interface Framed<T> {
  seq: number;
  body: T;
}

export type ProtocolErrorCode =
  'bad-length' | 'bad-report-id' | 'bad-checksum' | 'bad-payload-length' | 'nonzero-padding' | 'unknown-opcode' | 'bad-field' | 'bad-value';

/** The only error this module produces (returned by decoders, thrown by encoders on bad input). */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
  ) {
    super(message);
  }
}
export type DecodeResult<T> = { ok: true; value: Framed<T> } | { ok: false; error: ProtocolError };

// ---------- encoding ----------

function checkAmount(v: number, field: string): number {
  if (!Number.isInteger(v) || v < 0 || v > MAX_AMOUNT || v % 10 !== 0) throw new ProtocolError('bad-value', `${field} out of range`);
  return v;
}
function checkSeq(seq: number): number {
  if (!Number.isInteger(seq) || seq < 0 || seq > 255) throw new ProtocolError('bad-value', 'seq out of range');
  return seq;
}
const code = <T>(table: readonly T[], v: T, field: string): number => {
  const i = table.indexOf(v);
  if (i < 0) throw new ProtocolError('bad-value', `unknown ${field}`);
  return i;
};

class Writer {
  readonly bytes: number[] = [];
  u8(v: number): this {
    this.bytes.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v >>> 8).u8(v);
  }
  u32(v: number): this {
    return this.u16(v >>> 16).u16(v & 0xffff);
  }
}

function frame(reportId: number, seq: number, opcode: number, payload: number[]): Uint8Array {
  if (payload.length > MAX_PAYLOAD) throw new ProtocolError('bad-value', 'payload too long');
  const r = new Uint8Array(REPORT_LENGTH);
  r[0] = reportId;
  r[1] = checkSeq(seq);
  r[2] = opcode;
  r[3] = payload.length;
  r.set(payload, HEADER);
  const crc = crc16Ccitt(r, 0, REPORT_LENGTH - 2);
  r[62] = crc >>> 8;
  r[63] = crc & 0xff;
  return r;
}

export function denominationMask(accept: readonly Denomination[]): number {
  return accept.reduce((m, d) => m | (1 << code(DENOMINATIONS, d, 'denomination')), 0);
}

/** Encodes a host command as a 64-byte output report. Throws ProtocolError on out-of-range values. */
export function encodeCommand(seq: number, cmd: Command): Uint8Array {
  const w = new Writer();
  if (cmd.op === 'enable') w.u32(checkAmount(cmd.amountDue, 'amountDue')).u16(denominationMask(cmd.accept));
  else if (cmd.op === 'dispense') w.u32(checkAmount(cmd.amount, 'amount'));
  return frame(REPORT_ID_COMMAND, seq, COMMAND_OPS[cmd.op], w.bytes);
}

/** Encodes a device event as a 64-byte input report. Throws ProtocolError on out-of-range values. */
export function encodeEvent(seq: number, ev: DeviceEvent): Uint8Array {
  const w = new Writer();
  switch (ev.type) {
    case 'ack':
      w.u8(checkSeq(ev.ackSeq)).u8(COMMAND_OPS[ev.op]);
      break;
    case 'nak':
      w.u8(checkSeq(ev.ackSeq))
        .u8(COMMAND_OPS[ev.op])
        .u8(code(NAK_REASONS, ev.reason, 'nak reason'));
      break;
    case 'status':
      w.u8(code(STATES, ev.state, 'state'))
        .u8(ev.faults.reduce((m, f) => m | (1 << (code(FAULTS, f, 'fault') - 1)), 0))
        .u32(checkAmount(ev.escrowTotal, 'escrowTotal'))
        .u8(ev.version);
      break;
    case 'inserted':
      w.u16(ev.denomination)
        .u8(code(KINDS, ev.kind, 'kind'))
        .u32(checkAmount(ev.escrowTotal, 'escrowTotal'));
      break;
    case 'rejected':
      w.u16(ev.denomination ?? 0)
        .u8(code(KINDS, ev.kind, 'kind'))
        .u8(code(REJECT_REASONS, ev.reason, 'reject reason'));
      break;
    case 'accepted':
      w.u32(checkAmount(ev.total, 'total'));
      break;
    case 'dispense-progress':
      w.u32(checkAmount(ev.dispensed, 'dispensed')).u32(checkAmount(ev.requested, 'requested'));
      break;
    case 'dispense-complete':
      w.u32(checkAmount(ev.dispensed, 'dispensed'))
        .u32(checkAmount(ev.requested, 'requested'))
        .u8(code(RESULTS, ev.result, 'result'));
      break;
    case 'returned':
      w.u32(checkAmount(ev.returned, 'returned')).u8(code(RESULTS, ev.result, 'result'));
      break;
    case 'fault':
      w.u8(code(FAULTS, ev.fault, 'fault'))
        .u8(code(UNITS, ev.unit, 'unit'))
        .u32(checkAmount(ev.value, 'value'));
      break;
    case 'fault-cleared':
      w.u8(code(FAULTS, ev.fault, 'fault'));
      break;
    case 'inventory':
      if (ev.items.length > 14) throw new ProtocolError('bad-value', 'too many inventory items');
      w.u8(ev.items.length);
      for (const it of ev.items) {
        if (!Number.isInteger(it.count) || it.count < 0 || it.count > 0xffff) throw new ProtocolError('bad-value', 'count out of range');
        code(DENOMINATIONS, it.denomination, 'denomination');
        w.u16(it.denomination).u16(it.count);
      }
      break;
  }
  return frame(REPORT_ID_EVENT, seq, EVENT_OPS[ev.type], w.bytes);
}

// ---------- decoding (total: any bytes → value or ProtocolError, never throws) ----------

/** Thrown only inside this module and turned into a DecodeResult before leaving it. */
class Reader {
  private pos = HEADER;
  constructor(
    private readonly r: Uint8Array,
    private readonly end: number,
  ) {}
  u8(): number {
    if (this.pos + 1 > this.end) throw new ProtocolError('bad-payload-length', 'payload too short');
    return this.r[this.pos++] ?? 0;
  }
  u16(): number {
    return (this.u8() << 8) | this.u8();
  }
  u32(): number {
    return this.u16() * 0x10000 + this.u16();
  }
  amount(): number {
    const v = this.u32();
    if (v > MAX_AMOUNT || v % 10 !== 0) throw new ProtocolError('bad-field', 'amount out of range');
    return v;
  }
  pick<T>(table: readonly (T | null)[], field: string, v = this.u8()): T {
    const x = table[v];
    if (x === undefined || x === null) throw new ProtocolError('bad-field', `unknown ${field} ${v}`);
    return x;
  }
  denomination(): Denomination {
    const d = this.u16();
    if (!isDenomination(d)) throw new ProtocolError('bad-field', `unknown denomination ${d}`);
    return d;
  }
  done(): void {
    if (this.pos !== this.end) throw new ProtocolError('bad-payload-length', 'payload longer than its fields');
  }
}

function unframe(r: unknown, reportId: number): { seq: number; opcode: number; rd: Reader } {
  if (!(r instanceof Uint8Array)) throw new ProtocolError('bad-length', 'not a byte array');
  if (r.length !== REPORT_LENGTH) throw new ProtocolError('bad-length', `report is ${r.length} bytes, want ${REPORT_LENGTH}`);
  if (r[0] !== reportId) throw new ProtocolError('bad-report-id', `report id ${r[0]}`);
  const crc = ((r[62] ?? 0) << 8) | (r[63] ?? 0);
  if (crc !== crc16Ccitt(r, 0, REPORT_LENGTH - 2)) throw new ProtocolError('bad-checksum', 'CRC mismatch');
  const len = r[3] ?? 0;
  if (len > MAX_PAYLOAD) throw new ProtocolError('bad-payload-length', `payload length ${len}`);
  for (let i = HEADER + len; i < REPORT_LENGTH - 2; i++) {
    if (r[i] !== 0) throw new ProtocolError('nonzero-padding', 'padding not zero');
  }
  return { seq: r[1] ?? 0, opcode: r[2] ?? 0, rd: new Reader(r, HEADER + len) };
}

const byOpcode = <K extends string>(ops: Record<K, number>): Map<number, K> => new Map(Object.entries(ops).map(([k, v]) => [v as number, k as K]));
const COMMAND_BY_OPCODE = byOpcode(COMMAND_OPS);
const EVENT_BY_OPCODE = byOpcode(EVENT_OPS);

function decodeWith<T>(bytes: unknown, reportId: number, body: (op: number, rd: Reader) => T): DecodeResult<T> {
  try {
    const { seq, opcode, rd } = unframe(bytes, reportId);
    const value = body(opcode, rd);
    rd.done();
    return { ok: true, value: { seq, body: value } };
  } catch (e) {
    if (e instanceof ProtocolError) return { ok: false, error: e };
    return { ok: false, error: new ProtocolError('bad-field', 'undecodable report') };
  }
}

function commandOp(rd: Reader): CommandOp {
  const v = rd.u8();
  const op = COMMAND_BY_OPCODE.get(v);
  if (!op) throw new ProtocolError('bad-field', `unknown command op ${v}`);
  return op;
}

function maskToDenominations(mask: number): Denomination[] {
  if (mask >> DENOMINATIONS.length !== 0) throw new ProtocolError('bad-field', 'unknown denomination bit');
  return DENOMINATIONS.filter((_, i) => (mask & (1 << i)) !== 0);
}

function kindFor(d: Denomination | null, k: CashKind): CashKind {
  if (d !== null && kindOf(d) !== k) throw new ProtocolError('bad-field', 'kind does not match denomination');
  return k;
}

/** Decodes a 64-byte command report (device side). Never throws. */
export function decodeCommand(bytes: unknown): DecodeResult<Command> {
  return decodeWith(bytes, REPORT_ID_COMMAND, (opcode, rd): Command => {
    const op = COMMAND_BY_OPCODE.get(opcode);
    if (!op) throw new ProtocolError('unknown-opcode', `command opcode ${opcode}`);
    if (op === 'enable') return { op, amountDue: rd.amount(), accept: maskToDenominations(rd.u16()) };
    if (op === 'dispense') return { op, amount: rd.amount() };
    return { op };
  });
}

/** Decodes a 64-byte event report (host side). Never throws. */
export function decodeEvent(bytes: unknown): DecodeResult<DeviceEvent> {
  return decodeWith(bytes, REPORT_ID_EVENT, (opcode, rd): DeviceEvent => {
    const type = EVENT_BY_OPCODE.get(opcode);
    switch (type) {
      case 'ack':
        return { type, ackSeq: rd.u8(), op: commandOp(rd) };
      case 'nak':
        return { type, ackSeq: rd.u8(), op: commandOp(rd), reason: rd.pick(NAK_REASONS, 'nak reason') };
      case 'status': {
        const state = rd.pick(STATES, 'state');
        const flags = rd.u8();
        if (flags >> FAULT_CODES.length !== 0) throw new ProtocolError('bad-field', 'unknown fault flag');
        const faults = FAULT_CODES.filter((_, i) => (flags & (1 << i)) !== 0);
        return { type, state, faults, escrowTotal: rd.amount(), version: rd.u8() };
      }
      case 'inserted': {
        const denomination = rd.denomination();
        return { type, denomination, kind: kindFor(denomination, rd.pick(KINDS, 'kind')), escrowTotal: rd.amount() };
      }
      case 'rejected': {
        const raw = rd.u16();
        if (raw !== 0 && !isDenomination(raw)) throw new ProtocolError('bad-field', 'unknown denomination');
        const denomination = raw === 0 ? null : (raw as Denomination);
        return { type, denomination, kind: kindFor(denomination, rd.pick(KINDS, 'kind')), reason: rd.pick(REJECT_REASONS, 'reject reason') };
      }
      case 'accepted':
        return { type, total: rd.amount() };
      case 'dispense-progress':
        return { type, dispensed: rd.amount(), requested: rd.amount() };
      case 'dispense-complete':
        return { type, dispensed: rd.amount(), requested: rd.amount(), result: rd.pick(RESULTS, 'result') };
      case 'returned':
        return { type, returned: rd.amount(), result: rd.pick(RESULTS, 'result') };
      case 'fault':
        return { type, fault: rd.pick(FAULTS, 'fault'), unit: rd.pick(UNITS, 'unit'), value: rd.amount() };
      case 'fault-cleared':
        return { type, fault: rd.pick(FAULTS, 'fault') };
      case 'inventory': {
        const n = rd.u8();
        const items: { denomination: Denomination; count: number }[] = [];
        for (let i = 0; i < n; i++) items.push({ denomination: rd.denomination(), count: rd.u16() });
        return { type, items };
      }
      default:
        throw new ProtocolError('unknown-opcode', `event opcode ${opcode}`);
    }
  });
}

/** Lower-case hex of a report, for tests and fixtures (never logged: reports are payment data). */
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
