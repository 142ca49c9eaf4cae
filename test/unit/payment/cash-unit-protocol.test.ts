/**
 * Byte-exact tests of the MCU-1 report protocol. The expected hex was computed independently
 * (Python's binascii.crc_hqx with init 0xFFFF = CRC-16/CCITT-FALSE), not by this module.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeCommand,
  decodeEvent,
  encodeCommand,
  encodeEvent,
  toHex,
  ProtocolError,
  type Command,
  type DeviceEvent,
} from '../../../devices/payment/cash/cash-unit-protocol';
import { crc16Ccitt } from '../../../devices/payment/cash/crc16-ccitt';

const hex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));

const COMMANDS: [string, number, Command, string][] = [
  [
    'ENABLE 1230 yen, coins + 1000 note',
    5,
    { op: 'enable', amountDue: 1230, accept: [10, 50, 100, 500, 1000] },
    '01051106000004ce001f00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000968e',
  ],
  [
    'GET_STATUS',
    0,
    { op: 'get-status' },
    '0100100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000b79c',
  ],
  [
    'DISPENSE 770 yen, seq 255',
    255,
    { op: 'dispense', amount: 770 },
    '01ff150400000302000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000e290',
  ],
];

const EVENTS: [string, number, DeviceEvent, string][] = [
  [
    'INSERTED 500 coin, escrow 1500',
    7,
    { type: 'inserted', denomination: 500, kind: 'coin', escrowTotal: 1500 },
    '0207830701f401000005dc000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000e0cb',
  ],
  [
    'ACK seq 5 ENABLE',
    8,
    { type: 'ack', ackSeq: 5, op: 'enable' },
    '0208800205110000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000bf34',
  ],
  [
    'DISPENSE_COMPLETE 640 of 770, cannot make change',
    9,
    { type: 'dispense-complete', dispensed: 640, requested: 770, result: 'cannot-make-change' },
    '02098709000002800000030201000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005561',
  ],
  [
    'INVENTORY 10×50, 50×20',
    10,
    {
      type: 'inventory',
      items: [
        { denomination: 10, count: 50 },
        { denomination: 50, count: 20 },
      ],
    },
    '020a8b0902000a003200320014000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005353',
  ],
  [
    'STATUS accepting, jam + door open',
    11,
    { type: 'status', state: 'accepting', faults: ['jam', 'door-open'], escrowTotal: 0, version: 1 },
    '020b820701090000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000f5b0',
  ],
  [
    'FAULT jam in coin unit, 100 yen stuck',
    12,
    { type: 'fault', fault: 'jam', unit: 'coin', value: 100 },
    '020c890601010000006400000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000563d',
  ],
];

describe('cash unit protocol: byte-exact reports', () => {
  test('CRC-16/CCITT-FALSE check value', () => {
    assert.equal(crc16Ccitt(new TextEncoder().encode('123456789')), 0x29b1);
  });
  for (const [name, seq, cmd, expected] of COMMANDS) {
    test(`command ${name}: encode → exact hex, decode back`, () => {
      assert.equal(toHex(encodeCommand(seq, cmd)), expected);
      const r = decodeCommand(hex(expected));
      assert.ok(r.ok);
      assert.deepEqual(r.value, { seq, body: cmd });
    });
  }
  for (const [name, seq, ev, expected] of EVENTS) {
    test(`event ${name}: encode → exact hex, decode back`, () => {
      assert.equal(toHex(encodeEvent(seq, ev)), expected);
      const r = decodeEvent(hex(expected));
      assert.ok(r.ok);
      assert.deepEqual(r.value, { seq, body: ev });
    });
  }
});

describe('cash unit protocol: decoder rejects with typed codes', () => {
  const good = EVENTS[0]![3];
  const withCrc = (b: Uint8Array): Uint8Array => {
    const c = crc16Ccitt(b, 0, 62);
    b[62] = c >>> 8;
    b[63] = c & 0xff;
    return b;
  };
  const cases: [string, unknown, string][] = [
    ['short report', hex(good).subarray(0, 63), 'bad-length'],
    ['not bytes', 'hello', 'bad-length'],
    ['command id on event decoder', hex(COMMANDS[1]![3]), 'bad-report-id'],
    [
      'flipped bit',
      (() => {
        const b = hex(good);
        b[5]! ^= 1;
        return b;
      })(),
      'bad-checksum',
    ],
    [
      'payload length 59',
      withCrc(
        (() => {
          const b = hex(good);
          b[3] = 59;
          return b;
        })(),
      ),
      'bad-payload-length',
    ],
    [
      'garbage in padding',
      withCrc(
        (() => {
          const b = hex(good);
          b[40] = 1;
          return b;
        })(),
      ),
      'nonzero-padding',
    ],
    [
      'unknown opcode',
      withCrc(
        (() => {
          const b = hex(good);
          b[2] = 0x9f;
          return b;
        })(),
      ),
      'unknown-opcode',
    ],
    [
      'unknown denomination 2000',
      withCrc(
        (() => {
          const b = hex(good);
          b[4] = 0x07;
          b[5] = 0xd0;
          return b;
        })(),
      ),
      'bad-field',
    ],
    [
      'coin denomination reported as note',
      withCrc(
        (() => {
          const b = hex(good);
          b[6] = 2;
          return b;
        })(),
      ),
      'bad-field',
    ],
    [
      'escrow total not a multiple of 10',
      withCrc(
        (() => {
          const b = hex(good);
          b[10] = 0xdd;
          return b;
        })(),
      ),
      'bad-field',
    ],
    [
      'payload shorter than its fields',
      withCrc(
        (() => {
          const b = hex(good);
          b[3] = 3;
          b[7] = b[8] = b[9] = b[10] = 0;
          return b;
        })(),
      ),
      'bad-payload-length',
    ],
  ];
  for (const [name, input, code] of cases) {
    test(name, () => {
      const r = decodeEvent(input);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.ok(r.error instanceof ProtocolError);
        assert.equal(r.error.code, code);
      }
    });
  }
  test('encoder refuses out-of-range values with ProtocolError', () => {
    assert.throws(
      () => encodeCommand(1, { op: 'dispense', amount: 15 }),
      (e: unknown) => e instanceof ProtocolError && e.code === 'bad-value',
    );
    assert.throws(() => encodeCommand(256, { op: 'get-status' }), ProtocolError);
  });
});
