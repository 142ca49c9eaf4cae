/**
 * The kiosk's session wipe logs the citizen out at the back end (WardClient.endSessions, the
 * runtime's `ward-logout` wiper): the token stops working at once, not at its TTL. A back end that
 * does not answer neither blocks nor fails the call: the logout is bounded by its own deadline.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { WardApiError, WardClient } from '../../../main/ward/ward-client';
import { cardSign } from './helpers/jpki-test-pki';
import { startTestBackend, type TestBackend } from './helpers/test-backend';
import { kioskIdentity } from './helpers/ward-client';

function kioskClient(b: TestBackend, timeoutMs?: number): WardClient {
  const id = kioskIdentity('kiosk-kokurakita-01');
  return new WardClient(b.handle.url, { certPem: id.cert, keyPem: id.key, caPem: b.handle.caCertPem }, timeoutMs);
}

async function logIn(client: WardClient, b: TestBackend): Promise<string> {
  const card = b.pki.cards['res-001']!;
  const { nonce } = await client.nonce('kokurakita');
  const session = await client.verify('kokurakita', {
    nonce,
    signature: cardSign(card.key, Buffer.from(nonce, 'base64')).toString('base64'),
    certificate: card.certDer.toString('base64'),
  });
  return session.sessionToken;
}

describe('kiosk ward client: logout at the session wipe', () => {
  let b: TestBackend;
  before(async () => {
    b = await startTestBackend();
  });
  after(() => b.handle.stop());

  test('after endSessions the token is refused (401 session-invalid); a second wipe sends nothing', async () => {
    const client = kioskClient(b);
    try {
      const token = await logIn(client, b);
      assert.equal((await client.options('kokurakita', token)).ward, 'kokurakita');
      await client.endSessions();
      await assert.rejects(client.options('kokurakita', token), (e: unknown) => e instanceof WardApiError && e.status === 401 && e.code === 'session-invalid');
      await client.endSessions();
    } finally {
      client.close();
    }
  });

  test('the logout route: ended once, then false; another kiosk cannot end the session', async () => {
    const client = kioskClient(b);
    try {
      const token = await logIn(client, b);
      const other = await b.api('/v1/auth/logout', { method: 'POST', body: {}, kiosk: 'kiosk-yahatanishi-01', headers: { authorization: `Bearer ${token}` } });
      assert.deepEqual([other.status, other.body], [200, { ended: false }]);
      assert.equal((await client.options('kokurakita', token)).ward, 'kokurakita', 'still valid');
      const own = await b.api('/v1/auth/logout', { method: 'POST', body: {}, headers: { authorization: `Bearer ${token}` } });
      assert.deepEqual([own.status, own.body], [200, { ended: true }]);
      const again = await b.api('/v1/auth/logout', { method: 'POST', body: {}, headers: { authorization: `Bearer ${token}` } });
      assert.deepEqual([again.status, again.body], [200, { ended: false }]);
      const none = await b.api('/v1/auth/logout', { method: 'POST', body: {} });
      assert.deepEqual([none.status, (none.body as { code: string }).code], [401, 'session-invalid']);
    } finally {
      client.close();
    }
  });

  test('a back end that accepts the connection and never answers: endSessions still settles, by its deadline, without throwing', async () => {
    const silent = await startTestBackend();
    // The client's idle timeout is far longer than the test's limit: only the logout deadline can end the wait.
    const client = kioskClient(silent, 600_000);
    const port = Number(new URL(silent.handle.url).port);
    const sockets: Socket[] = [];
    const hang = createServer((s) => sockets.push(s));
    try {
      await logIn(client, silent);
      client.close();
      await silent.handle.stop();
      await new Promise<void>((resolve, reject) => {
        hang.once('error', reject);
        hang.listen(port, '127.0.0.1', resolve);
      });
      // A hang guard, not a timing assertion: 200 ms asked, 10 s before calling it a hang.
      let guard: NodeJS.Timeout | undefined;
      const hung = new Promise<never>((_, reject) => {
        guard = setTimeout(() => reject(new Error('endSessions hung: no deadline')), 10_000);
      });
      try {
        await Promise.race([client.endSessions(200), hung]);
      } finally {
        clearTimeout(guard);
      }
      assert.ok(sockets.length >= 1, 'the logout reached the silent server');
    } finally {
      client.close();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => hang.close(resolve));
    }
  });
});
