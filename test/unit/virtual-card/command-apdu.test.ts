/**
 * The card's APDU parser (cases 1–4, short and extended) and the totality of transmit().
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCommandApdu } from '../../../devices/card/sim/virtual-card/command-apdu';
import { h, harness, JPKI_AID } from './card-harness';

describe('command APDU parser', () => {
  const cases: [string, { data: string | null; le: number | null; extended: boolean } | number][] = [
    ['00A40000', { data: null, le: null, extended: false }],
    ['00B0000000', { data: null, le: 256, extended: false }],
    ['00B0000010', { data: null, le: 16, extended: false }],
    ['0020008004 31323334', { data: '31323334', le: null, extended: false }],
    ['802A008003 30313200', { data: '303132', le: 256, extended: false }],
    ['00B0000000 0000', { data: null, le: 65536, extended: true }],
    ['00B0000000 0100', { data: null, le: 256, extended: true }],
    ['802A0080000003 303132', { data: '303132', le: null, extended: true }],
    ['802A0080000003 303132 0000', { data: '303132', le: 65536, extended: true }],
    ['00B000', 0x6700],
    ['00B0000000 00', 0x6700],
    ['0020008004 3132', 0x6700],
    ['802A0080000000 00', 0x6700],
    ['802A0080000003 3031', 0x6700],
  ];
  for (const [hex, want] of cases) {
    test(hex, () => {
      const r = parseCommandApdu(h(hex));
      if (typeof want === 'number') {
        assert.deepEqual(r, { ok: false, sw: want });
        return;
      }
      assert.ok(r.ok);
      assert.equal(r.apdu.data === null ? null : Buffer.from(r.apdu.data).toString('hex').toUpperCase(), want.data);
      assert.equal(r.apdu.le, want.le);
      assert.equal(r.apdu.extended, want.extended);
    });
  }
});

test('transmit is total: random bytes (after any prefix) always give data + a status word, never a throw', () => {
  const t = harness('card-001');
  fc.assert(
    fc.property(
      fc.constantFrom('00', '80', '0C', '01'),
      fc.constantFrom('A4', 'B0', 'B2', '20', '24', '2A', '84', 'CA', '00'),
      fc.uint8Array({ maxLength: 300 }),
      (cla, ins, rest) => {
        if (rest.length % 3 === 0) t.card.transmit(h(`00A4040C0A${JPKI_AID}`));
        const r = t.card.transmit(Buffer.concat([h(cla + ins), rest]));
        assert.ok(r.length >= 2);
        const sw1 = r[r.length - 2]!;
        assert.ok([0x90, 0x63, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6d, 0x6e].includes(sw1), sw1.toString(16));
      },
    ),
    { numRuns: 500 },
  );
});
