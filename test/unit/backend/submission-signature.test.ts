/**
 * The back end's check of a submission's electronic signature (署名用電子証明書): a good one is
 * stored as e-signed and shown as such by the receipt look-up; a tampered signature or payload, a
 * revoked, expired or untrusted certificate or a malformed block is a 422 with its code and
 * stores nothing; a replay is not verified again.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, sign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JpkiTrust } from '../../../backend/auth/jpki-trust';
import { openWardDb } from '../../../backend/db/ward-db';
import { defaultFixturesDir, loadJpkiSignTrustInput } from '../../../backend/fixtures/load-ward-fixtures';
import { ApiError } from '../../../platform/http/api-error';
import { SubmissionService } from '../../../backend/submissions/submission-service';
import { verifySubmissionSignature } from '../../../backend/submissions/submission-signature';
import { signedBytesOf } from '../../../platform/e-signature/signed-bytes';

const NOW = new Date('2026-11-28T01:00:00Z');
const cards = join(defaultFixturesDir, 'pki', 'jpki', 'cards');
const der = (card: string, which: 'sign' | 'auth') => new X509Certificate(readFileSync(join(cards, card, `${which}-cert.pem`))).raw;
const key = (card: string, which: 'sign' | 'auth') => createPrivateKey(readFileSync(join(cards, card, `${which}-key.pem`)));

const basePayload = {
  eventId: 'move-within-city',
  kioskId: 'kiosk-kokurakita-01',
  identifiedBy: 'card',
  forms: [{ templateId: 'jumin-ido-todoke', title: { ja: '住民異動届', en: 'Move' }, fields: { movingCount: 2 } }],
};

/** The payload with a signature as the kiosk makes it (the card's RSASSA-PKCS1-v1_5 / SHA-256). */
function signed(card = 'card-001', which: 'sign' | 'auth' = 'sign', payload: Record<string, unknown> = basePayload) {
  const signature = sign('sha256', signedBytesOf(payload), key(card, which));
  return {
    ...payload,
    electronicSignature: {
      algorithm: 'sha256WithRSAEncryption',
      canonicalization: 'canonical-json-utf8-v1',
      signature: signature.toString('base64'),
      certificate: der(card, which).toString('base64'),
    },
  };
}

function refusedWith(code: string) {
  return (e: unknown) => e instanceof ApiError && e.status === 422 && e.code === code;
}

let trust: JpkiTrust;
before(async () => {
  trust = await JpkiTrust.load(loadJpkiSignTrustInput());
});

describe('submission electronic signature: verifier', () => {
  test('an unsigned payload is null; a good signature verifies, whatever the key order of the payload', () => {
    assert.equal(verifySubmissionSignature(trust, basePayload, NOW), null);
    assert.equal(verifySubmissionSignature(trust, 'text', NOW), null);
    const ok = verifySubmissionSignature(trust, signed(), NOW);
    assert.match(ok?.serialHex ?? '', /^[0-9A-F]+$/);
    const s = signed();
    const b = basePayload;
    const reordered = { forms: b.forms, electronicSignature: s.electronicSignature, identifiedBy: b.identifiedBy, kioskId: b.kioskId, eventId: b.eventId };
    assert.deepEqual(verifySubmissionSignature(trust, reordered, NOW), ok);
  });

  test('a tampered signature or payload is e-signature-invalid', () => {
    const s = signed();
    const sig = Buffer.from(s.electronicSignature.signature, 'base64');
    sig[10] = sig[10]! ^ 0x01;
    assert.throws(
      () => verifySubmissionSignature(trust, { ...s, electronicSignature: { ...s.electronicSignature, signature: sig.toString('base64') } }, NOW),
      refusedWith('e-signature-invalid'),
    );
    assert.throws(() => verifySubmissionSignature(trust, { ...s, eventId: 'birth' }, NOW), refusedWith('e-signature-invalid'));
    // Another card's certificate with card-001's signature.
    assert.throws(
      () =>
        verifySubmissionSignature(
          trust,
          { ...s, electronicSignature: { ...s.electronicSignature, certificate: der('card-002', 'sign').toString('base64') } },
          NOW,
        ),
      refusedWith('e-signature-invalid'),
    );
  });

  test('a revoked, expired, not yet valid or untrusted certificate is refused by its code', () => {
    assert.throws(() => verifySubmissionSignature(trust, signed('card-auth-revoked'), NOW), refusedWith('e-signature-certificate-revoked'));
    assert.throws(() => verifySubmissionSignature(trust, signed(), new Date('2046-01-01T00:00:00Z')), refusedWith('e-signature-certificate-expired'));
    assert.throws(() => verifySubmissionSignature(trust, signed(), new Date('2020-01-01T00:00:00Z')), refusedWith('e-signature-certificate-not-yet-valid'));
    // The user-authentication certificate is not a signing certificate.
    assert.throws(() => verifySubmissionSignature(trust, signed('card-001', 'auth'), NOW), refusedWith('e-signature-certificate-untrusted'));
  });

  test('a signing CA without a CRL fails closed, as a transient 503 of the back end (the kiosk retries, no dead letter)', async () => {
    const noCrl = await JpkiTrust.load({ ...loadJpkiSignTrustInput(), crlsPem: [] });
    assert.throws(
      () => verifySubmissionSignature(noCrl, signed(), NOW),
      (e: unknown) => e instanceof ApiError && e.status === 503 && e.code === 'e-signature-revocation-unavailable',
    );
  });

  test('a malformed block or certificate is refused, not thrown as a crash', () => {
    const s = signed();
    assert.throws(
      () => verifySubmissionSignature(trust, { ...s, electronicSignature: { ...s.electronicSignature, algorithm: 'md5' } }, NOW),
      refusedWith('e-signature-malformed'),
    );
    assert.throws(() => verifySubmissionSignature(trust, { ...s, electronicSignature: null }, NOW), refusedWith('e-signature-malformed'));
    assert.throws(() => verifySubmissionSignature(trust, { ...s, ratio: 0.5 }, NOW), refusedWith('e-signature-malformed'));
    assert.throws(
      () => verifySubmissionSignature(trust, { ...s, electronicSignature: { ...s.electronicSignature, certificate: 'AAAA' } }, NOW),
      refusedWith('e-signature-certificate-malformed'),
    );
  });
});

describe('submission electronic signature: storage', () => {
  const request = (local: string, payload: unknown) => ({ kind: 'move-within-city', localReceiptNumber: local, payload: payload as never });

  test('a verified submission is stored e-signed and the look-up says so; a refused one stores nothing; a replay is not verified again', () => {
    const db = openWardDb();
    const s = new SubmissionService(db, () => NOW);
    const good = request('KK01-20261128-0001', signed());
    s.submit('kokurakita', 'kiosk-1', 'key-00000001', good, undefined, () => verifySubmissionSignature(trust, good.payload, NOW));
    const found = s.byLocalReceipt('kokurakita', 'KK01-20261128-0001');
    assert.equal(found.eSigned, true);
    assert.ok(!JSON.stringify(found).includes(signed().electronicSignature.certificate.slice(0, 40)), 'the look-up carries no certificate');

    const bad = request('KK01-20261128-0002', signed('card-auth-revoked'));
    assert.throws(
      () => s.submit('kokurakita', 'kiosk-1', 'key-00000002', bad, undefined, () => verifySubmissionSignature(trust, bad.payload, NOW)),
      refusedWith('e-signature-certificate-revoked'),
    );
    assert.equal(s.countForKey('kokurakita', 'kiosk-1', 'key-00000002'), 0);

    const replay = s.submit('kokurakita', 'kiosk-1', 'key-00000001', good, undefined, () => {
      throw new Error('verified again');
    });
    assert.equal(replay.replayed, true);

    s.submit('kokurakita', 'kiosk-1', 'key-00000003', request('KK01-20261128-0003', basePayload), undefined);
    assert.equal(s.byLocalReceipt('kokurakita', 'KK01-20261128-0003').eSigned, false);
    db.close();
  });
});
