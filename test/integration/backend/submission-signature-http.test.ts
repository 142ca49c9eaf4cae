/**
 * The electronic signature of a submission over the wire (mTLS, the real server): a good one is
 * 201 and the look-up by the kiosk receipt says eSigned; a tampered one or a revoked signing
 * certificate is a 422 with its `e-signature-*` code (what the kiosk's dispatcher dead-letters
 * with a staff alert) and stores nothing; a back end without the CRL answers 503 (a retry).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, sign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultFixturesDir, loadJpkiSignTrustInput } from '../../../backend/fixtures/load-ward-fixtures';
import { apiErrorCodes, submissionLookupSchema } from '../../../contract/ward-api';
import { interpretResponse } from '../../../main/outbox/http-sender';
import { signTestCrl } from './helpers/jpki-test-pki';
import { signedBytesOf } from '../../../platform/e-signature/signed-bytes';
import { startTestBackend, type TestBackend } from './helpers/test-backend';

const cards = join(defaultFixturesDir, 'pki', 'jpki', 'cards');

function signedForm(n: number, card: string) {
  const payload = {
    eventId: 'move-within-city',
    kioskId: 'kiosk-kokurakita-01',
    identifiedBy: 'card',
    forms: [{ templateId: 'jumin-ido-todoke', values: { movingCount: n } }],
  };
  const signature = sign('sha256', signedBytesOf(payload), createPrivateKey(readFileSync(join(cards, card, 'sign-key.pem'))));
  const certificate = new X509Certificate(readFileSync(join(cards, card, 'sign-cert.pem'))).raw.toString('base64');
  return {
    kind: 'move-within-city',
    localReceiptNumber: `KK01-20261128-${String(n).padStart(4, '0')}`,
    payload: {
      ...payload,
      electronicSignature: {
        algorithm: 'sha256WithRSAEncryption',
        canonicalization: 'canonical-json-utf8-v1',
        signature: signature.toString('base64'),
        certificate,
      },
    },
  };
}

describe('ward back end: e-signed submissions over HTTP', () => {
  let b: TestBackend;
  before(async () => {
    b = await startTestBackend();
  });
  after(() => b.handle.stop());

  test('signed: 201, looked up as eSigned; tampered or revoked: 422 with its code, nothing stored', async () => {
    const good = signedForm(1, 'card-001');
    assert.equal((await b.api('/v1/submissions', { body: good, headers: { 'idempotency-key': 'esig-key-0001' } })).status, 201);
    const lookup = submissionLookupSchema.parse((await b.api('/v1/submissions/by-receipt/KK01-20261128-0001', { clerk: true })).body);
    assert.equal(lookup.eSigned, true);

    const tampered = signedForm(2, 'card-001');
    tampered.payload.forms[0]!.values.movingCount = 3;
    const refused = await b.api('/v1/submissions', { body: tampered, headers: { 'idempotency-key': 'esig-key-0002' } });
    assert.equal(refused.status, 422);
    assert.equal((refused.body as { code: string }).code, 'e-signature-invalid');

    const revoked = await b.api('/v1/submissions', { body: signedForm(3, 'card-auth-revoked'), headers: { 'idempotency-key': 'esig-key-0003' } });
    assert.equal(revoked.status, 422);
    assert.equal((revoked.body as { code: string }).code, 'e-signature-certificate-revoked');
    assert.ok((apiErrorCodes[422] as readonly string[]).includes('e-signature-certificate-revoked'));

    const n = (b.handle.db.prepare("SELECT COUNT(*) AS n FROM submissions WHERE idempotency_key LIKE 'esig-key-%'").get() as { n: number }).n;
    assert.equal(n, 1, 'only the good one is stored');
    assert.equal((await b.api('/v1/submissions/by-receipt/KK01-20261128-0002', { clerk: true })).status, 404);
  });

  test("a back end without the signing CA's CRL answers 503 (stores nothing), which the kiosk retries rather than dead-letters", async () => {
    const noCrl = await startTestBackend({ jpkiSign: { ...loadJpkiSignTrustInput(), crlsPem: [] } });
    try {
      const r = await noCrl.api('/v1/submissions', { body: signedForm(4, 'card-001'), headers: { 'idempotency-key': 'esig-key-0004' } });
      assert.equal(r.status, 503);
      assert.equal((r.body as { code: string }).code, 'e-signature-revocation-unavailable');
      assert.deepEqual(interpretResponse(r.status, Buffer.from(JSON.stringify(r.body))), { status: 'retry', reason: 'http-503' });
      assert.equal((await noCrl.api('/v1/submissions/by-receipt/KK01-20261128-0004', { clerk: true })).status, 404);
    } finally {
      await noCrl.handle.stop();
    }
  });

  test("a signing CA's CRL past its nextUpdate (exactly at it, by the back end's clock) is the same 503 retry, not a valid check", async () => {
    const at = new Date('2026-11-28T01:00:00Z');
    const pki = join(defaultFixturesDir, 'pki', 'jpki');
    const staleCrl = await signTestCrl(
      { certPem: readFileSync(join(pki, 'sign-ca.cert.pem'), 'utf8'), keyPem: readFileSync(join(pki, 'sign-ca.key.pem'), 'utf8') },
      { thisUpdate: new Date(at.getTime() - 86_400_000), nextUpdate: at },
    );
    const stale = await startTestBackend({ now: () => at, jpkiSign: { ...loadJpkiSignTrustInput(), crlsPem: [staleCrl] } });
    try {
      const r = await stale.api('/v1/submissions', { body: signedForm(5, 'card-001'), headers: { 'idempotency-key': 'esig-key-0005' } });
      assert.equal(r.status, 503);
      assert.equal((r.body as { code: string }).code, 'e-signature-revocation-unavailable');
      assert.deepEqual(interpretResponse(r.status, Buffer.from(JSON.stringify(r.body))), { status: 'retry', reason: 'http-503' });
      assert.equal((await stale.api('/v1/submissions/by-receipt/KK01-20261128-0005', { clerk: true })).status, 404);
    } finally {
      await stale.handle.stop();
    }
  });
});
