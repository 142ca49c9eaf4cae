import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWardBackend, type WardBackendHandle } from '../../../backend/start-ward-backend';
import { defaultFixturesDir, loadJpkiTrustInput } from '../../../backend/fixtures/load-ward-fixtures';
import type { WardId } from '../../../contract/ward-api';
import { cardSign } from './helpers/jpki-test-pki';
import { call } from './helpers/ward-client';

function fixtureCard(cardId: string): { key: KeyObject; certDer: Buffer } {
  const dir = join(defaultFixturesDir, 'pki', 'jpki', 'cards', cardId);
  return {
    key: createPrivateKey(readFileSync(join(dir, 'auth-key.pem'))),
    certDer: new X509Certificate(readFileSync(join(dir, 'auth-cert.pem'))).raw,
  };
}

describe('ward back end with the committed fixture cards and JPKI test CA', () => {
  let h: WardBackendHandle;
  before(async () => {
    h = await startWardBackend();
  });
  after(() => h.stop());

  async function login(cardId: string, ward: WardId) {
    const n = await call(`${h.wardUrl(ward)}/v1/auth/nonce`, { ca: h.caCertPem, method: 'POST' });
    const nonce = (n.body as { nonce: string }).nonce;
    const card = fixtureCard(cardId);
    return call(`${h.wardUrl(ward)}/v1/auth/verify`, {
      ca: h.caCertPem,
      body: { nonce, signature: cardSign(card.key, Buffer.from(nonce, 'base64')).toString('base64'), certificate: card.certDer.toString('base64') },
    });
  }

  test('every card with a user-auth cert is bound to its resident', () => {
    const trust = loadJpkiTrustInput();
    assert.equal(trust.caCertsPem.length, 1);
    assert.equal(trust.crlsPem.length, 1);
    const residents = trust.bindings.map((b) => b.residentId);
    for (const id of ['res-001', 'res-008', 'res-011', 'res-013', 'res-015']) assert.ok(residents.includes(id), id);
    assert.ok(!residents.includes('res-012'), 'card-no-certs has no binding');
  });

  test('card-001 logs in as res-001 at 小倉北区', async () => {
    const r = await login('card-001', 'kokurakita');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal((r.body as { residentId: string }).residentId, 'res-001');
  });

  test('the revoked and the expired fixture cards are refused', async () => {
    assert.equal(((await login('card-auth-revoked', 'tobata')).body as { code: string }).code, 'certificate-revoked');
    assert.equal(((await login('card-auth-expired', 'kokuraminami')).body as { code: string }).code, 'certificate-expired');
  });
});
