import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { childrenOf, parseRecordFile, parseTlv, readTlvHeader } from '../../../devices/card/tlv/ber-tlv';
import { isCardError } from '../../../devices/card/card-errors';
import { hex } from './scripted-session';

describe('lenient BER-TLV', () => {
  test('accepts the 2-byte private tag FF 10 for a tag number under 31', () => {
    const [n] = parseTlv(hex('FF100C313233343536373839303132FFFF'));
    assert.equal(n?.tag, 0xff10);
    assert.equal(n?.constructed, true);
    assert.equal(n?.value.length, 12);
  });

  test('accepts non-minimal long lengths (82 00 9F) and stops at FF filler', () => {
    const value = new Uint8Array(0x9f).fill(0x41);
    const bytes = new Uint8Array([...hex('FF4082009F'), ...value, 0xff, 0xff, 0xff]);
    const nodes = parseTlv(bytes);
    assert.equal(nodes.length, 1);
    assert.equal(nodes[0]?.headerLength, 5);
    assert.equal(nodes[0]?.valueLength, 0x9f);
    assert.equal(nodes[0]?.end, 5 + 0x9f);
  });

  test('parses a constructed record one level at a time with absolute offsets', () => {
    const bytes = hex('FF2009 DF2101AA DF2202BBCC FFFF');
    const { outer, children } = parseRecordFile(bytes, 0xff20);
    assert.equal(outer.valueLength, 9);
    assert.deepEqual(
      children.map((c) => [c.tag, c.offset]),
      [
        [0xdf21, 3],
        [0xdf22, 7],
      ],
    );
    assert.deepEqual(childrenOf(bytes, outer).length, 2);
  });

  test('reads a header from a partial first chunk', () => {
    assert.deepEqual(readTlvHeader(hex('30820512')), { tag: 0x30, constructed: true, headerLength: 4, valueLength: 0x512 });
  });

  for (const [why, bytes] of [
    ['value overruns', '3005 0102'],
    ['truncated length', '3082 05'],
    ['truncated tag', 'DF'],
    ['indefinite length', '3080 0000'],
    ['length field too long', '3085 0000000001'],
    ['tag too long', 'DF8181818101 00'],
  ] as const) {
    test(`refuses ${why} with a typed error`, () => {
      assert.throws(
        () => parseTlv(hex(bytes)),
        (e) => isCardError(e, 'malformed-response'),
      );
    });
  }

  test('an empty or all-filler buffer is an empty list', () => {
    assert.deepEqual(parseTlv(new Uint8Array(0)), []);
    assert.deepEqual(parseTlv(hex('FFFFFFFF')), []);
    assert.deepEqual(parseTlv(hex('0000')), []);
  });
});
