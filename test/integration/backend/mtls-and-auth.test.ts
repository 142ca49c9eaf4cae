import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { call, kioskIdentity, untrustedIdentity } from './helpers/ward-client';
import { callerIdOf } from '../../../backend/http/request-pipeline';
import { ApiError } from '../../../platform/http/api-error';
import { cardSign, signTestCrl } from './helpers/jpki-test-pki';
import { startTestBackend, testPki, type TestBackend } from './helpers/test-backend';

describe('ward back end: mutual TLS and JPKI login', () => {
  let b: TestBackend;
  let clock = Date.now();
  before(async () => {
    b = await startTestBackend({ now: () => new Date(clock), config: { nonceTtlMs: 60_000, sessionTtlMs: 300_000 } });
  });
  after(() => b.handle.stop());

  test('an allow-listed kiosk gets health', async () => {
    const r = await b.api('/v1/health', { ward: null });
    assert.equal(r.status, 200);
    assert.equal((r.body as { status: string }).status, 'ok');
    assert.equal((await b.api('/v1/health', { ward: 'tobata' })).status, 200);
  });

  test('no client certificate: the TLS handshake is refused', async () => {
    await assert.rejects(call(`${b.handle.url}/v1/health`, { ca: b.handle.caCertPem, identity: null }));
  });

  test('a client certificate from an untrusted CA is refused, even with a known kiosk CN', async () => {
    await assert.rejects(call(`${b.handle.url}/v1/health`, { ca: b.handle.caCertPem, identity: untrustedIdentity() }));
  });

  test('a city-CA certificate for a kiosk id not on the allow-list gets 403', async () => {
    const r = await call(`${b.handle.url}/v1/health`, { ca: b.handle.caCertPem, identity: kioskIdentity('kiosk-unlisted-99') });
    assert.equal(r.status, 403);
    assert.deepEqual(r.body, { code: 'kiosk-not-allowed', message: 'client certificate is not an allowed kiosk' });
  });

  test('unknown ward and unknown endpoint are JSON 404s; wrong method is 405', async () => {
    assert.equal((await b.api('/wards/osaka/v1/health', { ward: null })).status, 404);
    const r = await b.api('/v1/nothing');
    assert.equal(r.status, 404);
    assert.equal((r.body as { code: string }).code, 'not-found');
    assert.equal((await b.api('/v1/auth/nonce', { method: 'GET' })).status, 405);
  });

  test('login: nonce → card signature → session token bound to kiosk and ward', async () => {
    const token = await b.login(b.pki.cards['res-001']!, 'kokurakita');
    const ok = await b.api('/v1/certificates/options', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(ok.status, 200);
    const otherKiosk = await b.api('/v1/certificates/options', { kiosk: 'kiosk-yahatanishi-01', headers: { authorization: `Bearer ${token}` } });
    assert.equal(otherKiosk.status, 401);
    assert.equal((otherKiosk.body as { code: string }).code, 'session-invalid');
    assert.equal((await b.api('/v1/certificates/options')).status, 401);
  });

  async function verify(
    card: { key: import('node:crypto').KeyObject; certDer: Buffer },
    mutate?: (nonce: Buffer) => Buffer,
    ward: 'kokurakita' | 'moji' = 'kokurakita',
  ) {
    const n = await b.api('/v1/auth/nonce', { method: 'POST', ward });
    const nonce = (n.body as { nonce: string }).nonce;
    const raw = Buffer.from(nonce, 'base64');
    const body = { nonce, signature: cardSign(card.key, mutate ? mutate(raw) : raw).toString('base64'), certificate: card.certDer.toString('base64') };
    return { nonce, body, res: await b.api('/v1/auth/verify', { body, ward }) };
  }

  test('a nonce is single use', async () => {
    const { body, res } = await verify(b.pki.cards['res-001']!);
    assert.equal(res.status, 200);
    const again = await b.api('/v1/auth/verify', { body });
    assert.equal(again.status, 401);
    assert.equal((again.body as { code: string }).code, 'nonce-used');
  });

  test('a nonce expires', async () => {
    const n = await b.api('/v1/auth/nonce', { method: 'POST' });
    const nonce = (n.body as { nonce: string }).nonce;
    clock += 61_000;
    const card = b.pki.cards['res-001']!;
    const r = await b.api('/v1/auth/verify', {
      body: { nonce, signature: cardSign(card.key, Buffer.from(nonce, 'base64')).toString('base64'), certificate: card.certDer.toString('base64') },
    });
    assert.equal((r.body as { code: string }).code, 'nonce-expired');
  });

  test('bad logins are 401 with the failing check as code', async () => {
    const cases: [string, Awaited<ReturnType<typeof verify>>][] = [
      ['signature-invalid', await verify({ key: b.pki.cards['res-002']!.key, certDer: b.pki.cards['res-001']!.certDer })],
      ['signature-invalid', await verify(b.pki.cards['res-001']!, (n) => Buffer.concat([n, Buffer.from([0])]))],
      ['certificate-expired', await verify(b.pki.expired)],
      ['certificate-revoked', await verify(b.pki.revoked)],
      ['certificate-untrusted', await verify(b.pki.foreign)],
    ];
    for (const [code, { res }] of cases) {
      assert.equal(res.status, 401, code);
      assert.equal((res.body as { code: string }).code, code);
    }
  });

  test("a resident of another ward logs in at any kiosk of the city; the session is their own ward's", async () => {
    const { res } = await verify(b.pki.cards['res-002']!, undefined, 'kokurakita');
    assert.equal(res.status, 200);
    assert.equal((res.body as { ward: string }).ward, 'moji');
    assert.equal(((await verify(b.pki.cards['res-002']!, undefined, 'moji')).res.body as { ward: string }).ward, 'moji');
  });

  test('verify bodies are validated (400 with issues, never a crash)', async () => {
    const r = await b.api('/v1/auth/verify', { body: { nonce: 'not base64!', signature: 1 } });
    assert.equal(r.status, 400);
    const body = r.body as { code: string; issues: { path: string }[] };
    assert.equal(body.code, 'validation-failed');
    assert.ok(body.issues.some((i) => i.path === 'signature'));
    const junk = await b.api('/v1/auth/verify', { rawBody: '{"nonce":' });
    assert.equal((junk.body as { code: string }).code, 'malformed-json');
  });
});

describe('ward back end: login with a CRL past its nextUpdate', () => {
  test('is refused as 401 revocation-unavailable (its own code, not revoked) from nextUpdate on', async () => {
    const pki = await testPki();
    const nextUpdate = new Date(Math.floor(Date.now() / 1000) * 1000);
    const crl = await signTestCrl(pki.ca, { thisUpdate: new Date(nextUpdate.getTime() - 86_400_000), nextUpdate });
    let clock = nextUpdate.getTime() - 1000;
    const b = await startTestBackend({ now: () => new Date(clock), jpki: { ...pki.trust, crlsPem: [crl] } });
    try {
      const card = b.pki.cards['res-001']!;
      const loginCode = async () => {
        const n = await b.api('/v1/auth/nonce', { method: 'POST' });
        const nonce = (n.body as { nonce: string }).nonce;
        const r = await b.api('/v1/auth/verify', {
          body: { nonce, signature: cardSign(card.key, Buffer.from(nonce, 'base64')).toString('base64'), certificate: card.certDer.toString('base64') },
        });
        return r.status === 200 ? 'ok' : `${r.status} ${(r.body as { code: string }).code}`;
      };
      assert.equal(await loginCode(), 'ok');
      clock = nextUpdate.getTime();
      assert.equal(await loginCode(), '401 revocation-unavailable');
      clock += 1000;
      assert.equal(await loginCode(), '401 revocation-unavailable');
    } finally {
      await b.handle.stop();
    }
  });
});

describe('ward back end: the clerk role (look-up by receipt)', () => {
  let b: TestBackend;
  before(async () => {
    b = await startTestBackend();
  });
  after(() => b.handle.stop());
  const codeOf = (r: { status: number; body: unknown }) => `${r.status} ${(r.body as { code?: string }).code ?? ''}`.trim();

  test('an allow-listed kiosk certificate is refused the look-up by receipt: 403 clerk-certificate-required', async () => {
    assert.equal(codeOf(await b.api('/v1/submissions/by-receipt/KK01-20261128-0001')), '403 clerk-certificate-required');
    assert.equal(codeOf(await b.api('/v1/submissions/by-receipt/KK01-20261128-0001', { kiosk: 'kiosk-yahatanishi-01' })), '403 clerk-certificate-required');
  });

  test('a clerk certificate looks up by receipt (404 for an unknown one), and nothing else', async () => {
    assert.equal(codeOf(await b.api('/v1/submissions/by-receipt/KK01-20261128-0001', { clerk: true })), '404 not-found');
    assert.equal(codeOf(await b.api('/v1/auth/nonce', { method: 'POST', clerk: true })), '403 kiosk-not-allowed');
    assert.equal(codeOf(await b.api('/v1/health', { ward: null, clerk: true })), '403 kiosk-not-allowed');
    assert.equal(codeOf(await b.api('/v1/_faults', { ward: null, clerk: true, body: { mode: 'clear' } })), '403 kiosk-not-allowed');
    assert.equal(codeOf(await b.api('/v1/submissions/RCPT-1', { clerk: true })), '403 kiosk-not-allowed');
  });

  test('the clerk purpose decides, not the name: a clerk certificate named like a kiosk is no kiosk', () => {
    const allowed = ['kiosk-kokurakita-01'];
    const clerkNamedLikeKiosk = { cn: 'kiosk-kokurakita-01', role: 'clerk' as const, serialHex: '01' };
    const refused = (fn: () => unknown) => {
      try {
        fn();
        return 'ok';
      } catch (e) {
        return e instanceof ApiError ? e.code : 'thrown';
      }
    };
    assert.equal(
      refused(() => callerIdOf(clerkNamedLikeKiosk, allowed, {})),
      'kiosk-not-allowed',
    );
    assert.equal(callerIdOf(clerkNamedLikeKiosk, allowed, { role: 'clerk' }), 'kiosk-kokurakita-01');
    assert.equal(
      refused(() => callerIdOf({ ...clerkNamedLikeKiosk, role: 'kiosk' }, allowed, { role: 'clerk' })),
      'clerk-certificate-required',
    );
    assert.equal(
      refused(() => callerIdOf(undefined, allowed)),
      'kiosk-not-allowed',
    );
  });
});
