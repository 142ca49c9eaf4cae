import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { constants, sign } from 'node:crypto';
import { JpkiTrust, normaliseSerial } from '../../../backend/auth/jpki-trust';
import { ApiError } from '../../../backend/http/api-error';
import { cardSign, type JpkiTestPki } from '../../integration/backend/helpers/jpki-test-pki';
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
    assert.equal(codeOf(() => trust.verifyLogin(nonce, cardSign(pki.cards['res-002']!.key, nonce), card.certDer, now)), 'signature-invalid');
  });

  test('a signature over another nonce is refused', () => {
    const card = pki.cards['res-001']!;
    assert.equal(codeOf(() => trust.verifyLogin(nonce, cardSign(card.key, Buffer.alloc(32, 8)), card.certDer, now)), 'signature-invalid');
  });

  test('garbage signature bytes are refused, not thrown through', () => {
    const card = pki.cards['res-001']!;
    assert.equal(codeOf(() => trust.verifyLogin(nonce, Buffer.from('nope'), card.certDer, now)), 'signature-invalid');
  });

  test('expired, not-yet-valid and revoked certificates are refused', () => {
    for (const [card, code] of [[pki.expired, 'certificate-expired'], [pki.notYetValid, 'certificate-not-yet-valid'], [pki.revoked, 'certificate-revoked']] as const) {
      assert.equal(codeOf(() => trust.verifyLogin(nonce, cardSign(card.key, nonce), card.certDer, now)), code);
    }
  });

  test('the revoked certificate is fine before its revocation date', () => {
    const before = new Date(now.getTime() - 3 * 3_600_000);
    assert.equal(trust.verifyLogin(nonce, cardSign(pki.revoked.key, nonce), pki.revoked.certDer, before).residentId, 'res-013');
  });

  test('a certificate from another CA with the same name is untrusted', () => {
    assert.equal(codeOf(() => trust.verifyLogin(nonce, cardSign(pki.foreign.key, nonce), pki.foreign.certDer, now)), 'certificate-untrusted');
  });

  test('malformed certificate bytes are refused', () => {
    assert.equal(codeOf(() => trust.verifyLogin(nonce, Buffer.alloc(256), Buffer.from('30820000', 'hex'), now)), 'certificate-malformed');
  });

  test('a certificate bound to no resident is refused', async () => {
    const unbound = await JpkiTrust.load({ ...pki.trust, bindings: [] });
    const card = pki.cards['res-001']!;
    assert.equal(codeOf(() => unbound.verifyLogin(nonce, cardSign(card.key, nonce), card.certDer, now)), 'certificate-unmapped');
  });

  test('without a verified CRL the check fails closed', async () => {
    const noCrl = await JpkiTrust.load({ ...pki.trust, crlsPem: [] });
    const card = pki.cards['res-001']!;
    assert.equal(codeOf(() => noCrl.verifyLogin(nonce, cardSign(card.key, nonce), card.certDer, now)), 'revocation-unavailable');
  });

  test('serials compare without leading zero bytes or case', () => {
    assert.equal(normaliseSerial('00ab12'), 'AB12');
    assert.equal(normaliseSerial('0000'), '0');
  });
});
