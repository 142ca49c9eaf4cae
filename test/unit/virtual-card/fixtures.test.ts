/**
 * The fixtures: residents (wards, check digits, non-JIS names), every card loads, fixture files
 * are never modified by using the cards, and the test JPKI PKI chains, expires and revokes as
 * documented.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import 'reflect-metadata';
import { X509Crl, X509Certificate as PeculiarCertificate, cryptoProvider } from '@peculiar/x509';
import { createHash, webcrypto, X509Certificate } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  fixturesRoot,
  listCardFixtures,
  loadCardFixture,
  loadResidents,
  isValidMyNumber,
  myNumberCheckDigit,
  collationNumberB,
  eraYymmdd,
  CardFixtureError,
  CardStateRegistry,
} from '../../../devices/card/sim/virtual-card';
import { harness, JPKI_AID, TEXT_AID, selectAid, selectEf, verify } from './card-harness';

const TODAY = new Date('2026-11-28T00:00:00+09:00');

describe('check digit and 照合番号B', () => {
  test('known-valid 123456789018 and exactly one check digit per base', () => {
    assert.equal(myNumberCheckDigit('12345678901'), 8);
    assert.ok(isValidMyNumber('123456789018'));
    assert.ok(!isValidMyNumber('123456789017'));
    for (const base of ['00000000000', '99999999999', '38271946052', '10000000000']) {
      const valid = [...'0123456789'].filter((d) => isValidMyNumber(base + d));
      assert.equal(valid.length, 1, base);
    }
    assert.equal(myNumberCheckDigit('1234567890'), null);
    assert.equal(myNumberCheckDigit('1234567890a'), null);
    assert.ok(!isValidMyNumber('12345678901８'));
  });

  test('era years: the reference example and era boundaries', () => {
    assert.equal(collationNumberB('1980-02-17', '2035-02-17', '2285'), '55021720352285');
    assert.equal(eraYymmdd('1989-01-07'), '640107');
    assert.equal(eraYymmdd('1989-01-08'), '010108');
    assert.equal(eraYymmdd('2019-04-30'), '310430');
    assert.equal(eraYymmdd('2019-05-01'), '010501');
    assert.equal(eraYymmdd('1800-01-01'), null);
  });
});

describe('residents and cards', () => {
  test('residents: ≥12, all seven wards, valid My Numbers, unique ids, non-JIS names', () => {
    const rs = loadResidents();
    assert.ok(rs.length >= 12);
    assert.equal(new Set(rs.map((r) => r.ward)).size, 7);
    assert.equal(new Set(rs.map((r) => r.id)).size, rs.length);
    assert.equal(new Set(rs.map((r) => r.myNumber)).size, rs.length);
    for (const r of rs) {
      assert.ok(isValidMyNumber(r.myNumber), r.id);
      assert.ok(r.address.startsWith(`福岡県北九州市${r.ward}`), r.id);
      assert.ok(!/[0-9]/.test(r.address), `${r.id} address uses full-width digits`);
      assert.match(r.postalCode, /^80[0-8]-/);
    }
    const names = rs.map((r) => r.familyName + r.givenName).join('');
    for (const ch of ['髙', '\uFA11', '\u{20BB7}']) assert.ok(names.includes(ch), ch);
    assert.ok(rs.some((r) => r.alphabetName && r.tsusho));
  });

  test('every card fixture loads; special cards are what their ids say', () => {
    const ids = listCardFixtures();
    for (const id of ['card-one-try', 'card-blocked', 'card-auth-expired', 'card-auth-revoked', 'card-no-certs']) assert.ok(ids.includes(id));
    for (const id of ids) loadCardFixture(id);
    assert.throws(
      () => loadCardFixture('card-nope'),
      (e: unknown) => e instanceof CardFixtureError && e.code === 'not-found',
    );
    assert.throws(
      () => loadCardFixture('../residents'),
      (e: unknown) => e instanceof CardFixtureError,
    );
    assert.equal(loadCardFixture('card-no-certs').auth, null);
  });

  test('using cards (wrong PINs, PIN change, signing) never modifies a fixture file', () => {
    const root = fixturesRoot();
    const snapshot = (): Map<string, string> => {
      const out = new Map<string, string>();
      const walk = (dir: string): void => {
        for (const name of readdirSync(dir)) {
          const p = join(dir, name);
          if (statSync(p).isDirectory()) walk(p);
          else out.set(p, createHash('sha256').update(readFileSync(p)).digest('hex'));
        }
      };
      walk(root);
      return out;
    };
    const before = snapshot();
    const registry = new CardStateRegistry();
    const t = harness('card-005', registry);
    for (const c of [selectAid(JPKI_AID), selectEf('0018'), verify('0000'), verify('2222'), '0024018004 35353535']) t.tx(c);
    t.tx(selectAid(TEXT_AID));
    t.tx(selectEf('0011'));
    t.tx(verify('0000'));
    assert.equal(registry.triesLeft('card-005', 'text-pin'), 2);
    assert.equal(loadCardFixture('card-005').fixture.triesLeft.textPin, 3);
    assert.deepEqual(snapshot(), before);
  });
});

describe('test JPKI PKI', () => {
  const root = join(fixturesRoot(), 'pki', 'jpki');
  const authCa = new X509Certificate(readFileSync(join(root, 'auth-ca.cert.pem')));
  const signCa = new X509Certificate(readFileSync(join(root, 'sign-ca.cert.pem')));
  const crl = new X509Crl(readFileSync(join(root, 'auth-ca.crl.pem'), 'utf8'));

  test('CAs are self-signed TEST roots, RSA-2048, and the CRL is signed by the auth CA', async () => {
    for (const ca of [authCa, signCa]) {
      assert.ok(ca.verify(ca.publicKey));
      assert.ok(ca.ca);
      assert.match(ca.subject, /TEST/);
      assert.equal(ca.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    }
    cryptoProvider.set(webcrypto as unknown as Crypto);
    assert.ok(await crl.verify({ publicKey: new PeculiarCertificate(authCa.raw) }));
    assert.ok(!(await crl.verify({ publicKey: new PeculiarCertificate(signCa.raw) })));
  });

  test('every card cert chains to its CA; validity, expiry and revocation as documented', () => {
    const revokedSerials = new Set((crl.entries ?? []).map((e) => e.serialNumber.toUpperCase()));
    for (const id of listCardFixtures()) {
      const card = loadCardFixture(id);
      if (card.auth) {
        const cert = new X509Certificate(Buffer.from(card.auth.certDer));
        assert.ok(cert.verify(authCa.publicKey) && cert.checkIssued(authCa), `${id} auth chains`);
        const valid = new Date(cert.validFrom) <= TODAY && TODAY <= new Date(cert.validTo);
        assert.equal(valid, !card.fixture.flags.authCertExpired, `${id} auth validity`);
        assert.equal(revokedSerials.has(cert.serialNumber.toUpperCase()), card.fixture.flags.authCertRevoked, `${id} revocation`);
        assert.doesNotMatch(cert.subject, /[^\x20-\x7e\n]/, `${id} auth cert carries no basic 4`);
        assert.equal(cert.subjectAltName, undefined);
      }
      if (card.sign) {
        const cert = new X509Certificate(Buffer.from(card.sign.certDer));
        assert.ok(cert.verify(signCa.publicKey) && cert.checkIssued(signCa), `${id} sign chains`);
        const der = Buffer.from(card.sign.certDer);
        for (const arc of [1, 3, 4, 5]) {
          const oid = Buffer.from([0x06, 0x0a, 0x2a, 0x83, 0x08, 0x8c, 0x9b, 0x55, 0x08, 0x05, 0x05, arc]);
          assert.ok(der.includes(oid), `${id} SAN otherName .${arc}`);
        }
        assert.ok(der.includes(Buffer.from(card.resident.address, 'utf8')));
      }
    }
    assert.equal(revokedSerials.size, 1);
  });
});
