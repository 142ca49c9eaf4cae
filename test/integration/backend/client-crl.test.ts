/**
 * Kiosk (and clerk) client certificates are checked against the city CA's CRL on every request:
 * a revoked kiosk is refused with 403 client-certificate-revoked even though it is on the
 * allow-list and its chain is good; a CRL past its nextUpdate refuses everyone with 503
 * client-revocation-unavailable (fail closed); a CRL the city CA did not sign is never loaded.
 * CRLs are signed here with dates relative to the back end's injected clock.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { X509Certificate, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultFixturesDir } from '../../../backend/fixtures/load-ward-fixtures';
import { startWardBackend } from '../../../backend/start-ward-backend';
import { signTestCrl } from './helpers/jpki-test-pki';
import { startTestBackend, type TestBackend } from './helpers/test-backend';
import { kioskIdentity } from './helpers/ward-client';

const kioskPki = join(defaultFixturesDir, 'pki', 'kiosk');
const cityCa = { certPem: readFileSync(join(kioskPki, 'city-ca.cert.pem'), 'utf8'), keyPem: readFileSync(join(kioskPki, 'city-ca.key.pem'), 'utf8') };
const serialOf = (kioskId: string) => new X509Certificate(kioskIdentity(kioskId).cert).serialNumber;
const DAY = 86_400_000;

/** A CA with the city CA's very name but its own key: only the signature check tells them apart. */
async function impostorCityCa(): Promise<{ certPem: string; keyPem: string }> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: new x509.X509Certificate(cityCa.certPem).subject,
    keys,
    signingAlgorithm: alg,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2045-01-01T00:00:00Z'),
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as webcrypto.CryptoKey);
  return { certPem: cert.toString('pem'), keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') };
}
const outcome = (r: { status: number; body: unknown }) => (r.status === 200 ? 'ok' : `${r.status} ${(r.body as { code: string }).code}`);

describe("ward back end: the city CA's CRL of kiosk certificates", () => {
  const nextUpdate = new Date('2026-12-07T09:00:00Z');
  let clock = nextUpdate.getTime() - DAY;
  let b: TestBackend;
  before(async () => {
    const crl = await signTestCrl(cityCa, {
      thisUpdate: new Date(nextUpdate.getTime() - 2 * DAY),
      nextUpdate,
      revokedSerials: [serialOf('kiosk-yahatanishi-01')],
    });
    b = await startTestBackend({ now: () => new Date(clock), clientCrlPem: crl });
  });
  after(() => b.handle.stop());

  test('a revoked kiosk certificate is refused with its own code; the other kiosk is served', async () => {
    assert.equal(outcome(await b.api('/v1/health', { ward: null, kiosk: 'kiosk-yahatanishi-01' })), '403 client-certificate-revoked');
    assert.equal(outcome(await b.api('/v1/auth/nonce', { method: 'POST', kiosk: 'kiosk-yahatanishi-01' })), '403 client-certificate-revoked');
    assert.equal(outcome(await b.api('/v1/health', { ward: null, kiosk: 'kiosk-kokurakita-01' })), 'ok');
  });

  test('one second before nextUpdate the CRL counts; at it and one second after, every client gets 503 client-revocation-unavailable', async () => {
    clock = nextUpdate.getTime() - 1000;
    assert.equal(outcome(await b.api('/v1/health', { ward: null })), 'ok');
    for (const at of [nextUpdate.getTime(), nextUpdate.getTime() + 1000]) {
      clock = at;
      assert.equal(outcome(await b.api('/v1/health', { ward: null })), '503 client-revocation-unavailable');
      assert.equal(outcome(await b.api('/v1/health', { ward: null, kiosk: 'kiosk-yahatanishi-01' })), '503 client-revocation-unavailable');
    }
  });

  test("a newer CRL is loaded without a restart; one signed by another CA (or an impostor with the city CA's name) is refused and the current one kept", async () => {
    clock = nextUpdate.getTime() + 1000;
    const newer = await signTestCrl(cityCa, {
      thisUpdate: nextUpdate,
      nextUpdate: new Date(nextUpdate.getTime() + 7 * DAY),
      revokedSerials: [serialOf('kiosk-kokurakita-01')],
    });
    await b.handle.reloadClientCrl(newer);
    assert.equal(outcome(await b.api('/v1/health', { ward: null, kiosk: 'kiosk-yahatanishi-01' })), 'ok');
    assert.equal(outcome(await b.api('/v1/health', { ward: null, kiosk: 'kiosk-kokurakita-01' })), '403 client-certificate-revoked');
    const jpkiCa = join(defaultFixturesDir, 'pki', 'jpki');
    const foreign = await signTestCrl(
      { certPem: readFileSync(join(jpkiCa, 'auth-ca.cert.pem'), 'utf8'), keyPem: readFileSync(join(jpkiCa, 'auth-ca.key.pem'), 'utf8') },
      { thisUpdate: nextUpdate, nextUpdate: new Date(nextUpdate.getTime() + 7 * DAY) },
    );
    await assert.rejects(b.handle.reloadClientCrl(foreign));
    const forged = await signTestCrl(await impostorCityCa(), { thisUpdate: nextUpdate, nextUpdate: new Date(nextUpdate.getTime() + 7 * DAY) });
    await assert.rejects(b.handle.reloadClientCrl(forged), /not signed by the client CA/);
    assert.equal(outcome(await b.api('/v1/health', { ward: null, kiosk: 'kiosk-kokurakita-01' })), '403 client-certificate-revoked', 'the current CRL is kept');
  });

  test('a back end is not started on a CRL its client CA did not sign', async () => {
    const jpkiCa = join(defaultFixturesDir, 'pki', 'jpki');
    const foreign = readFileSync(join(jpkiCa, 'auth-ca.crl.pem'), 'utf8');
    await assert.rejects(startWardBackend({ clientCrlPem: foreign }), /not signed by the client CA/);
  });
});
