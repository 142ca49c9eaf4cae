/**
 * EF contents byte-exact in the real formats, and cryptographic checks: integrity hashes,
 * the DF33 signature against the EF 0004 CV cert key, COMPUTE SIGNATURE against the certs.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPublicKey, publicDecrypt, constants, verify as rsaVerify, X509Certificate } from 'node:crypto';
import { loadCardFixture, loadResidents } from '../../../devices/card/sim/virtual-card';
import { harness, readWhole, JPKI_AID, TEXT_AID, selectAid, selectEf, verify, type Harness } from './card-harness';

const DIGEST_INFO_SHA256 = '3031300D060960864801650304020105000420';

function textFiles(t: Harness, pin: string): { myNumber: Buffer; basic: Buffer; integrity: Buffer; cv: Buffer } {
  for (const c of [selectAid(TEXT_AID), selectEf('0011'), verify(pin)]) assert.equal(t.tx(c), '9000');
  const read = (fid: string): Buffer => {
    assert.equal(t.tx(selectEf(fid)), '9000');
    return readWhole(t);
  };
  return { myNumber: read('0001'), basic: read('0002'), integrity: read('0003'), cv: read('0004') };
}

/** Parses the card's basic-4 file with its DF21 offsets (independently of the builder). */
function parseBasic(file: Buffer): { name: string; address: string; birth: string; sex: string; end: number; nameAt: number } {
  assert.equal(file.readUInt16BE(0), 0xff20);
  const [len, headerLen] = file[2] === 0x82 ? [file.readUInt16BE(3), 5] : [file[2]!, 3];
  assert.equal(file.readUInt16BE(headerLen), 0xdf21);
  assert.equal(file[headerLen + 2], 8);
  const offsets = [0, 1, 2, 3].map((i) => file.readUInt16BE(headerLen + 3 + 2 * i));
  const field = (at: number, tag: number): string => {
    assert.equal(file.readUInt16BE(at), tag);
    const l = file[at + 2]!;
    return l === 0x81 ? file.subarray(at + 4, at + 4 + file[at + 3]!).toString('utf8') : file.subarray(at + 3, at + 3 + l).toString('utf8');
  };
  return {
    name: field(offsets[0]!, 0xdf22),
    address: field(offsets[1]!, 0xdf23),
    birth: field(offsets[2]!, 0xdf24),
    sex: field(offsets[3]!, 0xdf25),
    end: headerLen + len,
    nameAt: offsets[0]!,
  };
}

describe('text AP files', () => {
  test('every card: 0001, 0002, 0003 byte formats, hashes and the DF33 signature', () => {
    const residents = new Map(loadResidents().map((r) => [r.id, r]));
    for (const id of ['card-001', 'card-002', 'card-003', 'card-008', 'card-015']) {
      const loaded = loadCardFixture(id);
      const r = residents.get(loaded.fixture.residentId)!;
      const f = textFiles(harness(id), loaded.fixture.pins.textPin);
      assert.equal(f.myNumber.length, 17);
      assert.equal(f.myNumber.toString('hex'), `ff100c${Buffer.from(r.myNumber).toString('hex')}ffff`);
      const b = parseBasic(f.basic);
      assert.equal(b.address, r.address);
      assert.equal(b.birth, r.birthDate.replace(/-/g, ''));
      assert.equal(b.sex, r.sex);
      if (!r.alphabetName) assert.equal(b.name, `${r.familyName}\u3000${r.givenName}`);
      assert.ok(
        f.basic.subarray(b.end).every((x) => x === 0xff),
        'FF filler after the TLV',
      );
      assert.equal(f.integrity.length, 336);
      assert.equal(f.integrity.subarray(0, 5).toString('hex'), 'ff3082014b');
      assert.equal(f.integrity.subarray(5, 8).toString('hex'), 'df3120');
      assert.deepEqual(f.integrity.subarray(8, 40), createHash('sha256').update(f.myNumber).digest());
      assert.equal(f.integrity.subarray(40, 43).toString('hex'), 'df3220');
      assert.deepEqual(f.integrity.subarray(43, 75), createHash('sha256').update(f.basic.subarray(b.nameAt, b.end)).digest());
      assert.equal(f.integrity.subarray(75, 80).toString('hex'), 'df33820100');
      // CV cert 7F21 82 0233 { 5F4E 82 0129 { 16 + 16 + 90 03 010001 + 91 82 0100 <modulus> }, 5F37 82 0100 sig }
      assert.equal(f.cv.length, 568);
      assert.equal(f.cv.subarray(0, 10).toString('hex'), '7f218202335f4e820129');
      const modulus = f.cv.subarray(10 + 32 + 5 + 4, 10 + 32 + 5 + 4 + 256);
      const apKey = createPublicKey({ key: { kty: 'RSA', n: modulus.toString('base64url'), e: 'AQAB' }, format: 'jwk' });
      assert.ok(rsaVerify('sha256', f.integrity.subarray(5, 75), apKey, f.integrity.subarray(80)), `${id} DF33 verifies`);
      assert.ok(!rsaVerify('sha256', f.integrity.subarray(5, 74), apKey, f.integrity.subarray(80)));
    }
  });

  test('names outside JIS X 0208 and the BMP are UTF-8 on the card', () => {
    const f = textFiles(harness('card-003'), '0000');
    assert.ok(parseBasic(f.basic).name.startsWith('\u{20BB7}田'));
    const g = textFiles(harness('card-002'), '2580');
    assert.ok(parseBasic(g.basic).name.startsWith('山\uFA11'));
  });
});

describe('JPKI files and signatures', () => {
  test('cert EFs hold the fixture certs as DER with FF filler; 0008 and token info', () => {
    const loaded = loadCardFixture('card-001');
    const t = harness('card-001');
    t.tx(selectAid(JPKI_AID));
    t.tx(selectEf('000A'));
    const authEf = readWhole(t);
    assert.equal(authEf.length, 2048);
    const der = Buffer.from(loaded.auth!.certDer);
    assert.deepEqual(authEf.subarray(0, der.length), der);
    assert.ok(authEf.subarray(der.length).every((x) => x === 0xff));
    t.tx(selectEf('0006'));
    const token = readWhole(t);
    assert.equal(token.length, 160);
    assert.equal(token.subarray(0, 32).toString('ascii'), 'JPKIAPICCTOKEN2'.padEnd(32, ' '));
    t.tx(selectEf('0008'));
    assert.equal(readWhole(t).toString('hex'), '8f8f00');
    const child = harness('card-006');
    child.tx(selectAid(JPKI_AID));
    child.tx(selectEf('0008'));
    assert.equal(readWhole(child).toString('hex'), '8f0000');
    assert.equal(child.tx(selectEf('0001')), '6A82');
  });

  test('COMPUTE SIGNATURE is PKCS#1 v1.5 over the DigestInfo and verifies with the cert key', () => {
    for (const [id, pinEf, keyEf, pin, certKey] of [
      ['card-001', '0018', '0017', '1234', 'auth'],
      ['card-001', '001B', '001A', 'ABC123', 'sign'],
      ['card-003', '0018', '0017', '9999', 'auth'],
    ] as const) {
      const t = harness(id);
      for (const c of [selectAid(JPKI_AID), selectEf(pinEf), verify(pin), selectEf(keyEf)]) assert.equal(t.tx(c), '9000');
      const message = Buffer.from(`challenge for ${id}`);
      const digestInfo = DIGEST_INFO_SHA256 + createHash('sha256').update(message).digest('hex');
      const [sig, sw] = t.txData(`802A0080${(digestInfo.length / 2).toString(16)}${digestInfo}00`);
      assert.equal(sw, '9000');
      assert.equal(sig.length, 256);
      const cert = new X509Certificate(Buffer.from(loadCardFixture(id)[certKey]!.certDer));
      assert.ok(rsaVerify('sha256', message, cert.publicKey, sig), `${id} ${certKey} signature verifies`);
      // The padding is over the data as given: raw decryption gives back the DigestInfo.
      assert.equal(publicDecrypt({ key: cert.publicKey, padding: constants.RSA_PKCS1_PADDING }, sig).toString('hex').toUpperCase(), digestInfo.toUpperCase());
    }
  });
});
