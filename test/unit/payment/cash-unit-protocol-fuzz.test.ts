/**
 * Fuzzes the MCU-1 decoders with 60,000+ random and mutated reports (fast-check, fixed seeds).
 * Properties: decoding is total (a value or a typed ProtocolError, never a throw); whatever
 * decodes re-encodes to the identical 64 bytes (so no two byte strings mean the same thing);
 * valid events and commands round-trip.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DENOMINATIONS,
  FAULT_CODES,
  ProtocolError,
  decodeCommand,
  decodeEvent,
  encodeCommand,
  encodeEvent,
  kindOf,
  type Command,
  type DeviceEvent,
} from '../../../devices/payment/cash/cash-unit-protocol';
import { crc16Ccitt } from '../../../devices/payment/cash/crc16-ccitt';

const amount = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n * 10);
const denom = fc.constantFrom(...DENOMINATIONS);
const fault = fc.constantFrom(...FAULT_CODES);
const seq = fc.integer({ min: 0, max: 255 });
const op = fc.constantFrom('get-status', 'enable', 'disable', 'commit', 'return-escrow', 'dispense', 'reset', 'get-inventory' as const);
const result = fc.constantFrom('ok', 'cannot-make-change', 'jam', 'device-error', 'door-open' as const);

const eventArb: fc.Arbitrary<DeviceEvent> = fc.oneof(
  fc.record({ type: fc.constant('ack' as const), ackSeq: seq, op }),
  fc.record({ type: fc.constant('nak' as const), ackSeq: seq, op, reason: fc.constantFrom('busy', 'bad-state', 'bad-parameter', 'fault-active' as const) }),
  fc.record({
    type: fc.constant('status' as const),
    state: fc.constantFrom('idle', 'accepting', 'holding', 'dispensing', 'returning', 'fault' as const),
    faults: fc.subarray([...FAULT_CODES]),
    escrowTotal: amount,
    version: fc.integer({ min: 0, max: 255 }),
  }),
  denom.chain((d) => fc.record({ type: fc.constant('inserted' as const), denomination: fc.constant(d), kind: fc.constant(kindOf(d)), escrowTotal: amount })),
  fc.option(denom, { nil: null }).chain((d) =>
    fc.record({
      type: fc.constant('rejected' as const),
      denomination: fc.constant(d),
      kind: d === null ? fc.constantFrom('coin', 'note' as const) : fc.constant(kindOf(d)),
      reason: fc.constantFrom('denomination-disabled', 'unrecognised', 'cash-box-full', 'not-accepting' as const),
    }),
  ),
  fc.record({ type: fc.constant('accepted' as const), total: amount }),
  fc.record({ type: fc.constant('dispense-progress' as const), dispensed: amount, requested: amount }),
  fc.record({ type: fc.constant('dispense-complete' as const), dispensed: amount, requested: amount, result }),
  fc.record({ type: fc.constant('returned' as const), returned: amount, result }),
  fc.record({ type: fc.constant('fault' as const), fault, unit: fc.constantFrom('device', 'coin', 'note' as const), value: amount }),
  fc.record({ type: fc.constant('fault-cleared' as const), fault }),
  fc.record({
    type: fc.constant('inventory' as const),
    items: fc.array(fc.record({ denomination: denom, count: fc.integer({ min: 0, max: 0xffff }) }), { maxLength: 14 }),
  }),
);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.constantFrom<Command>({ op: 'get-status' }, { op: 'disable' }, { op: 'commit' }, { op: 'return-escrow' }, { op: 'reset' }, { op: 'get-inventory' }),
  fc.record({ op: fc.constant('enable' as const), amountDue: amount, accept: fc.subarray([...DENOMINATIONS]) }),
  fc.record({ op: fc.constant('dispense' as const), amount }),
);

/** fast-check records have a null prototype; strict deepEqual compares prototypes. */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** A few byte edits; `fixCrc` recomputes the CRC so the edits reach the payload parser. */
const mutation = fc.record({
  edits: fc.array(fc.record({ at: fc.integer({ min: 0, max: 63 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }),
  fixCrc: fc.boolean(),
});
function mutate(report: Uint8Array, m: { edits: { at: number; value: number }[]; fixCrc: boolean }): Uint8Array {
  const b = Uint8Array.from(report);
  for (const e of m.edits) b[e.at] = e.value;
  if (m.fixCrc) {
    const c = crc16Ccitt(b, 0, 62);
    b[62] = c >>> 8;
    b[63] = c & 0xff;
  }
  return b;
}

/** Total + canonical: a typed error, or a value that re-encodes to exactly the input. */
function checkTotal(bytes: Uint8Array, side: 'event' | 'command'): boolean {
  const r = side === 'event' ? decodeEvent(bytes) : decodeCommand(bytes);
  if (!r.ok) return r.error instanceof ProtocolError && typeof r.error.code === 'string';
  const again = side === 'event' ? encodeEvent(r.value.seq, r.value.body as DeviceEvent) : encodeCommand(r.value.seq, r.value.body as Command);
  return Buffer.compare(Buffer.from(again), Buffer.from(bytes)) === 0;
}

describe('cash unit protocol fuzz (≥ 60,000 reports)', () => {
  test('10,000 random byte strings (0-80 bytes) per side', () => {
    for (const side of ['event', 'command'] as const) {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 0, maxLength: 80 }), (b) => checkTotal(b, side)),
        { numRuns: 10_000, seed: 4242 },
      );
    }
  });

  test('10,000 random 64-byte reports with a valid CRC and report ID per side', () => {
    for (const [side, id] of [
      ['event', 2],
      ['command', 1],
    ] as const) {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (raw) => {
          raw[0] = id;
          raw[3] = (raw[3] ?? 0) % 64;
          for (let i = 4 + Math.min(raw[3] ?? 0, 58); i < 62; i++) raw[i] = 0;
          const c = crc16Ccitt(raw, 0, 62);
          raw[62] = c >>> 8;
          raw[63] = c & 0xff;
          return checkTotal(raw, side);
        }),
        { numRuns: 10_000, seed: 77 },
      );
    }
  });

  test('15,000 mutated valid events and 5,000 mutated valid commands', () => {
    fc.assert(
      fc.property(seq, eventArb, mutation, (s, ev, m) => checkTotal(mutate(encodeEvent(s, ev), m), 'event')),
      { numRuns: 15_000, seed: 9 },
    );
    fc.assert(
      fc.property(seq, commandArb, mutation, (s, c, m) => checkTotal(mutate(encodeCommand(s, c), m), 'command')),
      { numRuns: 5_000, seed: 10 },
    );
  });

  test('valid events and commands round-trip (5,000 each)', () => {
    fc.assert(
      fc.property(seq, eventArb, (s, ev) => {
        const r = decodeEvent(encodeEvent(s, ev));
        assert.ok(r.ok);
        assert.deepEqual(r.value, { seq: s, body: plain(ev) });
      }),
      { numRuns: 5_000, seed: 11 },
    );
    fc.assert(
      fc.property(seq, commandArb, (s, c) => {
        const r = decodeCommand(encodeCommand(s, c));
        assert.ok(r.ok);
        const expected = plain(c.op === 'enable' ? { ...c, accept: DENOMINATIONS.filter((d) => c.accept.includes(d)) } : c);
        assert.deepEqual(r.value, { seq: s, body: expected });
      }),
      { numRuns: 5_000, seed: 12 },
    );
  });
});
