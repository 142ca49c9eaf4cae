/**
 * The browser shell's side of the bridge: the same `KioskBridge` as the Electron preload,
 * over a WebSocket back to the page's own origin.
 *
 * The per-launch secret arrives in the URL fragment; it is moved to sessionStorage (so a
 * reload can reconnect) and removed from the address bar. Requests wait while the socket
 * reconnects; each resolves with a result envelope, never rejects.
 */
import type { KioskBridge } from '../../contract/bridge-api';
import type { WireResult } from '../../contract/envelope';
import { serverMessageSchema } from '../../contract/envelope';

const STORAGE_KEY = 'madoguchi.bridge';
const PROTOCOL = 'madoguchi.v1';
const TOKEN_PREFIX = 'k.';

function takeSecret(): string | null {
  const fromHash = window.location.hash.startsWith(`#${TOKEN_PREFIX}`) ? window.location.hash.slice(1) : null;
  if (fromHash) {
    window.sessionStorage.setItem(STORAGE_KEY, fromHash);
    window.history.replaceState(null, '', window.location.pathname);
    return fromHash;
  }
  return window.sessionStorage.getItem(STORAGE_KEY);
}

const transportDown: WireResult = { ok: false, error: { code: 'bridge-down', messageKey: 'errors.bridge-down' } };

export function createWebSocketBridge(): KioskBridge {
  const secret = takeSecret();
  const listeners = new Set<(channel: string, payload: unknown) => void>();
  const pending = new Map<number, (result: WireResult) => void>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let retryMs = 250;

  const connect = () => {
    if (!secret) return;
    const ws = new WebSocket(`ws://${window.location.host}/bridge`, [PROTOCOL, secret]);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      while (queue.length && ws.readyState === WebSocket.OPEN) ws.send(queue.shift()!);
    };
    ws.onmessage = (event) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const message = serverMessageSchema.safeParse(parsed);
      if (!message.success) return;
      if (message.data.kind === 'response') {
        pending.get(message.data.id)?.(message.data.result);
        pending.delete(message.data.id);
      } else {
        for (const l of listeners) l(message.data.channel, message.data.payload);
      }
    };
    ws.onclose = (event) => {
      socket = null;
      // Requests in flight on a dead socket will never be answered: say so.
      for (const resolve of pending.values()) resolve(transportDown);
      pending.clear();
      if (event.code === 4000) return; // replaced by a newer page: this one stays quiet
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();

  return {
    invoke(channel, payload) {
      if (!secret) return Promise.resolve(transportDown);
      const id = nextId++;
      const text = JSON.stringify({ kind: 'request', id, channel, payload });
      return new Promise<WireResult>((resolve) => {
        pending.set(id, resolve);
        if (socket?.readyState === WebSocket.OPEN) socket.send(text);
        else queue.push(text);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
