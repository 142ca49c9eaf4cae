/**
 * The page's side of the browser-shell bridge: it trades its bootstrap token for the session
 * secret, and after `bridge-down` nothing is ever sent again: no request is replayed or sent
 * late after a reconnect.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import WebSocket from 'ws';
import type { WireResult } from '../../../contract/envelope';
import { startBridgeServer, type BridgeRuntime } from '../../../main/browser-shell/bridge-server';
import { createWebSocketBridge, type BridgeEnvironment, type BridgeSocket } from '../../../renderer/kiosk-client/websocket-bridge';

const DOWN: WireResult = { ok: false, error: { code: 'bridge-down', messageKey: 'errors.bridge-down' } };
const PIN = { pin: '1234' }; // fictional test PIN

class FakeSocket implements BridgeSocket {
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  readonly sent: { id: number; channel: string }[] = [];
  constructor(readonly protocols: string[]) {}
  send(text: string): void {
    this.sent.push(JSON.parse(text) as { id: number; channel: string });
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({ code: 1006 });
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

function fakePage(hash = `#b.${'a'.repeat(64)}`) {
  const sockets: FakeSocket[] = [];
  const timers: (() => void)[] = [];
  const storage = new Map<string, string>();
  let cleared = false;
  const env: BridgeEnvironment = {
    openSocket: (_url, protocols) => {
      const socket = new FakeSocket(protocols);
      sockets.push(socket);
      return socket;
    },
    host: '127.0.0.1:1',
    hash,
    clearHash: () => (cleared = true),
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    setTimeout: (run) => void timers.push(run),
  };
  return {
    env,
    sockets,
    storage,
    cleared: () => cleared,
    /** Runs the pending reconnect timer and returns the new socket. */
    reconnect: () => {
      timers.shift()!();
      return sockets.at(-1)!;
    },
  };
}

describe('browser shell bridge, page side', () => {
  test('the bootstrap token is taken off the address, shown once, and traded for the session secret used on reconnect', () => {
    const page = fakePage();
    const bridge = createWebSocketBridge(page.env);
    const seen: string[] = [];
    bridge.onEvent((channel) => seen.push(channel));
    assert.equal(page.cleared(), true);
    const first = page.sockets[0]!;
    assert.deepEqual(first.protocols, ['madoguchi.v1', `b.${'a'.repeat(64)}`]);
    first.open();
    first.receive({ kind: 'event', channel: 'bridge.session', payload: { secret: `k.${'c'.repeat(64)}` } });
    assert.deepEqual(seen, [], 'screens never see the session secret');
    assert.equal(page.storage.get('madoguchi.bridge'), `k.${'c'.repeat(64)}`);
    first.drop();
    assert.deepEqual(page.reconnect().protocols, ['madoguchi.v1', `k.${'c'.repeat(64)}`]);
  });

  test('a reloaded page (no fragment) reconnects with the kept secret', () => {
    const page = fakePage('');
    page.storage.set('madoguchi.bridge', `k.${'d'.repeat(64)}`);
    createWebSocketBridge(page.env);
    assert.deepEqual(page.sockets[0]!.protocols, ['madoguchi.v1', `k.${'d'.repeat(64)}`]);
  });

  test('a request in flight when the socket drops is answered bridge-down once and not sent again after the reconnect', async () => {
    const page = fakePage();
    const bridge = createWebSocketBridge(page.env);
    const first = page.sockets[0]!;
    first.open();
    const answer = bridge.invoke('certificate.submitPin', PIN);
    assert.deepEqual(
      first.sent.map((m) => m.channel),
      ['certificate.submitPin'],
    );
    first.drop();
    assert.deepEqual(await answer, DOWN);
    const second = page.reconnect();
    second.open();
    assert.deepEqual(second.sent, []);
    // A late answer to the old id (should one ever come) reaches no one.
    second.receive({ kind: 'response', id: first.sent[0]!.id, result: { ok: true, value: null } });
  });

  test('a request made while the bridge is down is answered bridge-down at once and never sent', async () => {
    const page = fakePage();
    const bridge = createWebSocketBridge(page.env);
    page.sockets[0]!.open();
    page.sockets[0]!.drop();
    assert.deepEqual(await bridge.invoke('certificate.submitPin', PIN), DOWN);
    const second = page.reconnect();
    second.open();
    assert.deepEqual(second.sent, []);
  });

  test('requests made before the first connection wait for it; if it fails they are answered bridge-down and dropped', async () => {
    const page = fakePage();
    const bridge = createWebSocketBridge(page.env);
    const answer = bridge.invoke('certificate.submitPin', PIN);
    page.sockets[0]!.drop();
    assert.deepEqual(await answer, DOWN);
    const second = page.reconnect();
    second.open();
    assert.equal(second.sent.length, 0);
    const info = bridge.invoke('kiosk.getInfo', {});
    assert.deepEqual(
      second.sent.map((m) => m.channel),
      ['kiosk.getInfo'],
    );
    second.receive({ kind: 'response', id: second.sent[0]!.id, result: { ok: true, value: 'x' } });
    assert.deepEqual(await info, { ok: true, value: 'x' });
  });

  test('through the real server: a PIN request that failed with bridge-down is not sent to main after the reconnect', async () => {
    const dispatched: string[] = [];
    let releasePin: (r: WireResult) => void = () => undefined;
    const runtime = {
      hub: { addSink: () => () => undefined },
      router: {
        dispatch: (channel: string) => {
          dispatched.push(channel);
          // The card is slow: the PIN request is still with main when the page's socket drops.
          if (channel === 'certificate.submitPin') return new Promise<WireResult>((resolve) => (releasePin = resolve));
          return Promise.resolve<WireResult>({ ok: true, value: channel });
        },
      },
      rendererGone: () => Promise.resolve(),
    } as unknown as BridgeRuntime;
    const server = await startBridgeServer({ runtime, rendererDir: mkdtempSync(join(tmpdir(), 'madoguchi-renderer-')) });
    const sockets: WebSocket[] = [];
    const url = new URL(server.issueStartUrl());
    const storage = new Map<string, string>();
    let stopped = false;
    const bridge = createWebSocketBridge({
      openSocket: (address, protocols) => {
        const ws = new WebSocket(address, protocols, { origin: server.origin });
        ws.on('error', () => undefined); // as in a browser: a failed socket closes, it does not throw
        sockets.push(ws);
        return ws as unknown as BridgeSocket;
      },
      host: url.host,
      hash: url.hash,
      clearHash: () => undefined,
      storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
      setTimeout: (run, ms) => setTimeout(() => stopped || run(), ms),
    });
    try {
      assert.deepEqual(await bridge.invoke('kiosk.getInfo', {}), { ok: true, value: 'kiosk.getInfo' });
      const pin = bridge.invoke('certificate.submitPin', PIN);
      while (!dispatched.includes('certificate.submitPin')) await new Promise((r) => setTimeout(r, 10));
      sockets[0]!.terminate(); // the connection drops while main holds the PIN request
      assert.deepEqual(await pin, DOWN);
      assert.deepEqual(await bridge.invoke('certificate.submitPin', PIN), DOWN, 'refused while down');
      releasePin({ ok: true, value: null }); // main's late answer goes nowhere
      // Reconnected when the page's new socket is open (the server may still count the dropped one for a moment).
      while (sockets.length < 2 || sockets[1]!.readyState !== WebSocket.OPEN) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(await bridge.invoke('kiosk.getInfo', {}), { ok: true, value: 'kiosk.getInfo' });
      assert.deepEqual(dispatched, ['kiosk.getInfo', 'certificate.submitPin', 'kiosk.getInfo'], 'the PIN reached main once, never after the reconnect');
      assert.equal(sockets.length, 2);
    } finally {
      stopped = true;
      for (const ws of sockets) ws.terminate();
      await server.close();
    }
  });
});
