import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { BRIDGE_PROTOCOL, startBridgeServer, type BridgeServer } from '../../../main/browser-shell/bridge-server';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { createKioskRuntime, type KioskRuntime } from '../../../main/kiosk-runtime';

let runtime: KioskRuntime;
let server: BridgeServer;
let secret: string;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'main.js'), 'console.log(1)');
  mkdirSync(join(dir, 'fonts'));
  writeFileSync(join(dir, 'fonts', 'a.woff2'), 'x');
  writeFileSync(join(dir, '..', 'outside.js'), 'secret');
  runtime = await createKioskRuntime(DEFAULT_CONFIG, 'browser');
  server = await startBridgeServer({ runtime, rendererDir: dir, reconnectGraceMs: 50 });
  secret = new URL(server.url).hash.slice(1);
});

after(async () => {
  await server.close();
  await runtime.stop();
});

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

function connect(protocols: string[], origin = server.origin): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/bridge`, protocols, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
  });
}

function call(ws: WebSocket, id: number, channel: string, payload: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(String(data));
      if (msg.kind === 'response' && msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ kind: 'request', id, channel, payload }));
  });
}

describe('browser shell server', () => {
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

  test('the bridge refuses a page without the secret, with a wrong one, or from another origin', async () => {
    await assert.rejects(connect([BRIDGE_PROTOCOL]), /403/);
    await assert.rejects(connect([BRIDGE_PROTOCOL, `k.${'0'.repeat(64)}`]), /403/);
    await assert.rejects(connect([BRIDGE_PROTOCOL, secret], 'http://evil.example'), /403/);
  });

  test('with the secret, the contract works and bad messages close the socket', async () => {
    const ws = await connect([BRIDGE_PROTOCOL, secret]);
    const info = (await call(ws, 1, 'kiosk.getInfo', {})) as { ok: boolean; value: { kioskId: string } };
    assert.equal(info.ok, true);
    assert.equal(info.value.kioskId, DEFAULT_CONFIG.kioskId);
    const unknown = (await call(ws, 2, 'fs.readFile', { path: '/etc/passwd' })) as { ok: boolean; error: { code: string } };
    assert.deepEqual(unknown, { ok: false, error: { code: 'unknown-channel', messageKey: 'errors.unknown-channel' } });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{not json');
    assert.equal(await closed, 1007);
  });

  test('a renderer that goes away for good ends the session', async () => {
    const ws = await connect([BRIDGE_PROTOCOL, secret]);
    await call(ws, 1, 'session.start', { journey: 'certificate' });
    assert.equal(runtime.session.state().phase, 'active');
    ws.close();
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(runtime.session.state(), { phase: 'idle', endedReason: 'renderer-gone' });
  });
});
