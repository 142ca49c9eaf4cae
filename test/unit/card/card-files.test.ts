/** Decoders of the card's files on hand-built bytes (formats from the reference, §2–§3). */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { decodeBasicInfoFile } from '../../../devices/card/mynumber/basic-info-file';
import { decodeMyNumberFile } from '../../../devices/card/mynumber/my-number-file';
import { checkIntegrity, decodeIntegrityFile } from '../../../devices/card/mynumber/integrity-file';
import { decodeTokenInfo } from '../../../devices/card/mynumber/token-info-file';
import { sha256DigestInfo } from '../../../devices/card/mynumber/digest-info';
import { isCardError } from '../../../devices/card/card-errors';
import { hex, toHex } from './scripted-session';

const tlv = (tag: string, value: Uint8Array): Uint8Array => {
  const t = hex(tag);
  const len = value.length < 0x80 ? [value.length] : [0x82, value.length >> 8, value.length & 0xff];
  return Uint8Array.from([...t, ...len, ...value]);
};
const utf8 = (s: string) => new TextEncoder().encode(s);

function basicFile(opts: { badOffset?: boolean; name?: Uint8Array } = {}): Uint8Array {
  const name = tlv('DF22', opts.name ?? utf8('試験\u3000花子'));
  const addr = tlv('DF23', utf8('福岡県北九州市小倉北区城内１番１号'));
  const birth = tlv('DF24', utf8('19800217'));
  const sex = tlv('DF25', utf8('2'));
  // Offsets are counted from the file start: outer header (FF 20 + 1 length byte = 3) + DF21 (3 + 8).
  const headerLen = 3;
  let at = headerLen + 11;
  const offs: number[] = [];
  for (const part of [name, addr, birth, sex]) {
    offs.push(at);
    at += part.length;
  }
  if (opts.badOffset) offs[2] = (offs[2] as number) + 1;
  const df21 = tlv('DF21', Uint8Array.from(offs.flatMap((o) => [o >> 8, o & 0xff])));
  const body = Uint8Array.from([...df21, ...name, ...addr, ...birth, ...sex]);
  assert.ok(body.length < 0x80);
  return Uint8Array.from([...tlv('FF20', body), 0xff, 0xff, 0xff]);
}

describe('card file decoders', () => {
  test('basic 4: decodes UTF-8 fields through the DF21 offsets and exposes the hashed region', () => {
    const file = basicFile();
    const { info, hashedRegion } = decodeBasicInfoFile(file);
    assert.equal(info.birthDate, '19800217');
    assert.equal(info.sex, '2');
    assert.equal(info.name, '試験\u3000花子');
    assert.equal(hashedRegion[0], 0xdf);
    assert.equal(hashedRegion.at(-1), '2'.charCodeAt(0), 'ends at the record end, before the filler');
  });

  test('basic 4: offsets that disagree, or invalid UTF-8, are refused', () => {
    assert.throws(
      () => decodeBasicInfoFile(basicFile({ badOffset: true })),
      (e) => isCardError(e, 'malformed-response'),
    );
    assert.throws(
      () => decodeBasicInfoFile(basicFile({ name: Uint8Array.of(0xc3, 0x28) })),
      (e) => isCardError(e, 'malformed-response'),
    );
  });

  test('My Number EF: FF10 + 12 digits + FF FF', () => {
    assert.equal(decodeMyNumberFile(hex('FF100C' + toHex(utf8('123456789018')) + 'FFFF')), '123456789018');
    assert.throws(
      () => decodeMyNumberFile(hex('FF100C' + toHex(utf8('12345678901A')) + 'FFFF')),
      (e) => isCardError(e, 'malformed-response'),
    );
  });

  test('integrity record: matching hashes pass, any change fails', () => {
    const myNumber = hex('FF100C' + toHex(utf8('123456789018')) + 'FFFF');
    const basic = decodeBasicInfoFile(basicFile());
    const h = (b: Uint8Array) => createHash('sha256').update(b).digest();
    const body = [...tlv('DF31', h(myNumber)), ...tlv('DF32', h(basic.hashedRegion)), ...tlv('DF33', new Uint8Array(256))];
    const rec = decodeIntegrityFile(tlv('FF30', Uint8Array.from(body)));
    checkIntegrity(rec, myNumber, basic.hashedRegion);
    const tampered = Uint8Array.from(myNumber);
    tampered[5] = 0x39;
    assert.throws(
      () => checkIntegrity(rec, tampered, basic.hashedRegion),
      (e) => isCardError(e, 'integrity-check-failed'),
    );
  });

  test('token info label and SHA-256 DigestInfo', () => {
    const token = new Uint8Array(160).fill(0x20);
    token.set(utf8('JPKIAPICCTOKEN2'));
    assert.deepEqual(decodeTokenInfo(token), { label: 'JPKIAPICCTOKEN2', isPlasticCard: true });
    const di = sha256DigestInfo(utf8('abc'));
    assert.equal(toHex(di.subarray(0, 19)), '3031300D060960864801650304020105000420');
    assert.equal(di.length, 51);
  });
});
