import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { constants, sign } from 'node:crypto';
import { JpkiTrust, normaliseSerial } from '../../../backend/auth/jpki-trust';
import { ApiError } from '../../../platform/http/api-error';
import { cardSign, signTestCrl, type JpkiTestPki } from '../../integration/backend/helpers/jpki-test-pki';
import { testPki } from '../../integration/backend/helpers/test-backend';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 401);
    return err.code;
  }
  return 'ok';
}

describe('JPKI user-auth verification', () => {
  let pki: JpkiTestPki;
  let trust: JpkiTrust;
  const nonce = Buffer.alloc(32, 7);
  const now = new Date();
  before(async () => {
    pki = await testPki();
    trust = await JpkiTrust.load(pki.trust);
  });

  test('a card-style signature (PKCS#1 v1.5 over DigestInfo(SHA-256(nonce))) maps to the resident', () => {
    const card = pki.cards['res-001']!;
    const login = trust.verifyLogin(nonce, cardSign(card.key, nonce), card.certDer, now);
    assert.equal(login.residentId, 'res-001');
    assert.equal(login.serialHex, normaliseSerial(card.serialHex));
  });

  test('is the same as RSASSA-PKCS1-v1_5/SHA-256 computed by node:crypto', () => {
    const card = pki.cards['res-003']!;
    const sig = sign('sha256', nonce, { key: card.key, padding: constants.RSA_PKCS1_PADDING });
    assert.deepEqual(sig, cardSign(card.key, nonce));
    assert.equal(trust.verifyLogin(nonce, sig, card.certDer, now).residentId, 'res-003');
  });

  test('a signature by another key is refused', () => {
    const card = pki.cards['res-001']!;
    assert.equal(
      codeOf(() => trust.verifyLogin(nonce, cardSign(pki.cards['res-002']!.key, nonce), card.certDer, now)),
      'signature-invalid',
    );
  });

  test('a signature over another nonce is refused', () => {
    const card = pki.cards['res-001']!;
    assert.equal(
      codeOf(() => trust.verifyLogin(nonce, cardSign(card.key, Buffer.alloc(32, 8)), card.certDer, now)),
      'signature-invalid',
    );
  });

  test('garbage signature bytes are refused, not thrown through', () => {
    const card = pki.cards['res-001']!;
    assert.equal(
      codeOf(() => trust.verifyLogin(nonce, Buffer.from('nope'), card.certDer, now)),
      'signature-invalid',
    );
  });

  test('expired, not-yet-valid and revoked certificates are refused', () => {
    for (const [card, code] of [
      [pki.expired, 'certificate-expired'],
      [pki.notYetValid, 'certificate-not-yet-valid'],
      [pki.revoked, 'certificate-revoked'],
    ] as const) {
      assert.equal(
        codeOf(() => trust.verifyLogin(nonce, cardSign(card.key, nonce), card.certDer, now)),
        code,
      );
    }
  });

  test('the revoked certificate is fine before its revocation date', () => {
    const before = new Date(now.getTime() - 3 * 3_600_000);
    assert.equal(trust.verifyLogin(nonce, cardSign(pki.revoked.key, nonce), pki.revoked.certDer, before).residentId, 'res-013');
  });

  test('a certificate from another CA with the same name is untrusted', () => {
    assert.equal(
      codeOf(() => trust.verifyLogin(nonce, cardSign(pki.foreign.key, nonce), pki.foreign.certDer, now)),
      'certificate-untrusted',
    );
  });

  test('malformed certificate bytes are refused', () => {
    assert.equal(
      codeOf(() => trust.verifyLogin(nonce, Buffer.alloc(256), Buffer.from('30820000', 'hex'), now)),
      'certificate-malformed',
    );
  });

  test('a certificate bound to no resident is refused', async () => {
    const unbound = await JpkiTrust.load({ ...pki.trust, bindings: [] });
    const card = pki.cards['res-001']!;
    assert.equal(
      codeOf(() => unbound.verifyLogin(nonce, cardSign(card.key, nonce), card.certDer, now)),
      'certificate-unmapped',
    );
  });

  test('without a verified CRL the check fails closed', async () => {
    const noCrl = await JpkiTrust.load({ ...pki.trust, crlsPem: [] });
    const card = pki.cards['res-001']!;
    assert.equal(
      codeOf(() => noCrl.verifyLogin(nonce, cardSign(card.key, nonce), card.certDer, now)),
      'revocation-unavailable',
    );
  });

  describe('a CRL past its nextUpdate counts as no CRL (revocation unavailable), never as valid', () => {
    // CRL times are whole seconds (UTCTime); the clock is injected, so the edges are exact.
    const nextUpdate = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const second = 1000;
    let stale: JpkiTrust;
    before(async () => {
      const crl = await signTestCrl(pki.ca, { thisUpdate: new Date(nextUpdate.getTime() - 86_400_000), nextUpdate, revokedSerials: [pki.revoked.serialHex] });
      stale = await JpkiTrust.load({ ...pki.trust, crlsPem: [crl] });
    });
    const login = (card: typeof pki.revoked, at: Date) => codeOf(() => stale.verifyLogin(nonce, cardSign(card.key, nonce), card.certDer, at));

    test('one second before nextUpdate the CRL still counts', () => {
      assert.equal(login(pki.cards['res-001']!, new Date(nextUpdate.getTime() - second)), 'ok');
      assert.equal(login(pki.revoked, new Date(nextUpdate.getTime() - second)), 'certificate-revoked');
    });

    test('exactly at nextUpdate and one second after, a good card is refused as revocation-unavailable', () => {
      for (const at of [nextUpdate, new Date(nextUpdate.getTime() + 1), new Date(nextUpdate.getTime() + second)]) {
        assert.equal(login(pki.cards['res-001']!, at), 'revocation-unavailable', at.toISOString());
        assert.equal(login(pki.revoked, at), 'revocation-unavailable', at.toISOString());
      }
    });

    test('a stale CRL left beside its successor does not shadow it, in either order', async () => {
      const fresh = await signTestCrl(pki.ca, { thisUpdate: nextUpdate, nextUpdate: new Date(nextUpdate.getTime() + 86_400_000) });
      const old = await signTestCrl(pki.ca, { thisUpdate: new Date(nextUpdate.getTime() - 86_400_000), nextUpdate });
      const at = new Date(nextUpdate.getTime() + second);
      for (const crlsPem of [
        [old, fresh],
        [fresh, old],
      ]) {
        const both = await JpkiTrust.load({ ...pki.trust, crlsPem });
        assert.equal(both.verifyLogin(nonce, cardSign(pki.cards['res-001']!.key, nonce), pki.cards['res-001']!.certDer, at).residentId, 'res-001');
      }
    });
  });

  test('serials compare without leading zero bytes or case', () => {
    assert.equal(normaliseSerial('00ab12'), 'AB12');
    assert.equal(normaliseSerial('0000'), '0');
  });
});
