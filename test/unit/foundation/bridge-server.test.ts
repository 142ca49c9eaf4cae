import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import type WebSocket from 'ws';
import { BRIDGE_SESSION_CHANNEL } from '../../../contract/bridge-api';
import { startBridgeServer, type BridgeServer } from '../../../main/browser-shell/bridge-server';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { createKioskRuntime, type KioskRuntime } from '../../../main/kiosk-runtime';
import { startDemoBackend, type DemoBackend } from '../../../demo/demo-backend';
import { callBridge, closed, connectBridge, connectWithToken, freshToken } from '../../support/bridge-client';

let demo: DemoBackend;
let runtime: KioskRuntime;
let server: BridgeServer;
let clock = 1_000_000;
const open: WebSocket[] = [];

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'main.js'), 'console.log(1)');
  mkdirSync(join(dir, 'fonts'));
  writeFileSync(join(dir, 'fonts', 'a.woff2'), 'x');
  writeFileSync(join(dir, '..', 'outside.js'), 'secret');
  demo = await startDemoBackend(DEFAULT_CONFIG);
  runtime = await createKioskRuntime(demo.config, 'browser');
  server = await startBridgeServer({ runtime, rendererDir: dir, reconnectGraceMs: 50, now: () => clock });
});

/** Each test starts with no renderer connected (and a grace timer that cannot fire into the next). */
afterEach(async () => {
  for (const ws of open.splice(0)) {
    const done = closed(ws);
    ws.close();
    await done;
  }
  await new Promise((r) => setTimeout(r, 100));
});

after(async () => {
  await server.close();
  await runtime.stop();
  await demo.backend?.stop();
});

function kept<T extends { ws: WebSocket } | WebSocket>(value: T): T {
  open.push('ws' in value ? value.ws : value);
  return value;
}

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers: { host: url.host, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser shell server', () => {
  test('serves a voice prompt main synthesised (espeak-ng) as a WAV on its own origin, and nothing else under /voice/', async () => {
    const { ws } = kept(await connectWithToken(server, freshToken(server)));
    const prompt = (await callBridge(ws, 1, 'voice.prompt', { lang: 'ja', text: 'おまちください。' })) as { ok: boolean; value: { audio: string } };
    assert.equal(prompt.ok, true);
    const res = await get(prompt.value.audio);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'audio/wav');
    assert.match(String(res.headers['content-security-policy']), /media-src 'self'/);
    assert.equal(res.body.slice(0, 4), 'RIFF');
    assert.equal((await get(prompt.value.audio.replace(/.{8}\.wav$/, '00000000.wav'))).status, 404);
    assert.equal((await get('/voice/%2e%2e/index.html')).status, 404);
    assert.equal((await get(prompt.value.audio, { host: 'evil.example' })).status, 421);
    const refused = (await callBridge(ws, 2, 'voice.prompt', { lang: 'ja', text: 'あんしょうばんごうは 1234' })) as { ok: boolean; error: { code: string } };
    assert.deepEqual([refused.ok, refused.error.code], [false, 'invalid-request']);
  });

  test('serves the renderer with the security headers', async () => {
    const res = await get('/');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal((await get('/fonts/a.woff2')).status, 200);
  });

  test('refuses paths outside the bundle and unknown file kinds', async () => {
    for (const path of ['/../outside.js', '/%2e%2e/outside.js', '/..%2Foutside.js', '/%00', '/index.html%00.js', '/nothing.exe']) {
      assert.equal((await get(path)).status, 404, path);
    }
  });

  test('refuses a foreign Host header (DNS rebinding)', async () => {
    assert.equal((await get('/', { host: 'evil.example' })).status, 421);
  });

  test('the start address carries only a bootstrap token, a different one each time', () => {
    const a = new URL(server.issueStartUrl());
    const b = new URL(server.issueStartUrl());
    assert.equal(a.origin, server.origin);
    assert.match(a.hash, /^#b\.[0-9a-f]{64}$/);
    assert.notEqual(a.hash, b.hash);
  });

  test('the bridge refuses a page without a credential, with a wrong one, or from another origin', async () => {
    await assert.rejects(connectBridge(server, null), /403/);
    await assert.rejects(connectBridge(server, `k.${'0'.repeat(64)}`), /403/);
    await assert.rejects(connectBridge(server, `b.${'0'.repeat(64)}`), /403/);
    await assert.rejects(connectBridge(server, freshToken(server), 'http://evil.example'), /403/);
  });

  test('a bootstrap token is exchanged once for the session secret; a used token is refused', async () => {
    const token = freshToken(server);
    const { ws, secret } = kept(await connectWithToken(server, token));
    assert.match(secret, /^k\.[0-9a-f]{64}$/);
    const done = closed(ws);
    ws.close();
    await done;
    await assert.rejects(connectBridge(server, token), /403/);
  });

  test('an expired bootstrap token is refused; one just inside its lifetime is accepted', async () => {
    const stale = freshToken(server, 30_000);
    const fresh = freshToken(server, 60_000);
    clock += 30_000;
    await assert.rejects(connectBridge(server, stale), /403/);
    clock += 29_999;
    kept(await connectWithToken(server, fresh));
  });

  test('with the session secret, the contract works and bad messages close the socket', async () => {
    const { ws } = kept(await connectWithToken(server, freshToken(server)));
    const info = (await callBridge(ws, 1, 'kiosk.getInfo', {})) as { ok: boolean; value: { kioskId: string } };
    assert.equal(info.ok, true);
    assert.equal(info.value.kioskId, DEFAULT_CONFIG.kioskId);
    const unknown = (await callBridge(ws, 2, 'fs.readFile', { path: '/etc/passwd' })) as { ok: boolean; error: { code: string } };
    assert.deepEqual(unknown, { ok: false, error: { code: 'unknown-channel', messageKey: 'errors.unknown-channel' } });
    const done = closed(ws);
    ws.send('{not json');
    assert.equal(await done, 1007);
  });

  test('while a renderer is connected, a second connection is refused, even with valid credentials, and the first keeps working', async () => {
    const { ws: first, secret } = kept(await connectWithToken(server, freshToken(server)));
    let firstClosed = false;
    first.once('close', () => (firstClosed = true));
    const spare = freshToken(server);
    await assert.rejects(connectBridge(server, secret), /409/);
    await assert.rejects(connectBridge(server, spare), /409/);
    assert.equal(server.connections(), 1);
    const info = (await callBridge(first, 7, 'kiosk.getInfo', {})) as { ok: boolean };
    assert.equal(info.ok, true);
    assert.equal(firstClosed, false);
    // The refusal did not spend the spare token: once the first page is gone it still opens.
    const done = closed(first);
    first.close();
    await done;
    kept(await connectWithToken(server, spare));
  });

  test('the same page reconnects with its session secret after a drop (a reload)', async () => {
    const { ws, secret } = kept(await connectWithToken(server, freshToken(server)));
    await callBridge(ws, 1, 'session.start', { journey: 'certificate' });
    const done = closed(ws);
    ws.terminate();
    await done;
    const again = kept(await connectBridge(server, secret));
    assert.equal(((await callBridge(again, 2, 'kiosk.getInfo', {})) as { ok: boolean }).ok, true);
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(runtime.session.state().phase, 'active', 'the grace timer was cancelled by the reconnect');
    await runtime.session.end('cancel');
  });

  test('a reconnect with the session secret gets no second session event', async () => {
    const { ws, secret } = await connectWithToken(server, freshToken(server));
    const done = closed(ws);
    ws.close();
    await done;
    const again = kept(await connectBridge(server, secret));
    const events: string[] = [];
    again.on('message', (data) => events.push(String((JSON.parse(String(data)) as { channel?: string }).channel)));
    await callBridge(again, 1, 'kiosk.getInfo', {});
    assert.ok(!events.includes(BRIDGE_SESSION_CHANNEL));
  });

  test('a renderer that goes away for good ends the session', async () => {
    const { ws } = await connectWithToken(server, freshToken(server));
    await callBridge(ws, 1, 'session.start', { journey: 'certificate' });
    assert.equal(runtime.session.state().phase, 'active');
    ws.close();
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(runtime.session.state(), { phase: 'idle', endedReason: 'renderer-gone' });
  });
});
