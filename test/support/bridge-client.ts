/**
 * Connects to the browser shell's bridge from a test the way a page would (Host and Origin
 * of the server, a credential as sub-protocol), and reads its answers. Every message is kept
 * from the moment the socket exists, so none is missed between `open` and a wait.
 */
import WebSocket from 'ws';
import { BRIDGE_PATH, BRIDGE_PROTOCOL, BRIDGE_SESSION_CHANNEL } from '../../contract/bridge-api';
import type { BridgeServer } from '../../main/browser-shell/bridge-server';

type Message = { kind: string; id?: number; channel?: string; payload?: unknown; result?: unknown };

const inboxes = new WeakMap<WebSocket, { seen: Message[]; waiters: Set<() => void> }>();

/** The bootstrap token (`b.`…) of a fresh start address. */
export function freshToken(server: BridgeServer, ttlMs?: number): string {
  return new URL(server.issueStartUrl(ttlMs)).hash.slice(1);
}

/** Opens a socket offering `credential`; rejects with `status NNN` when the server refuses. */
export function connectBridge(server: BridgeServer, credential: string | null, origin = server.origin): Promise<WebSocket> {
  const protocols = credential ? [BRIDGE_PROTOCOL, credential] : [BRIDGE_PROTOCOL];
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.origin.replace('http', 'ws')}${BRIDGE_PATH}`, protocols, { origin });
    const inbox = { seen: [] as Message[], waiters: new Set<() => void>() };
    inboxes.set(ws, inbox);
    ws.on('message', (data) => {
      inbox.seen.push(JSON.parse(String(data)) as Message);
      for (const wake of inbox.waiters) wake();
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
  });
}

/** The first message so far or later that `match`es (taken out of the inbox). */
export function nextMessage(ws: WebSocket, match: (msg: Message) => boolean): Promise<Message> {
  const inbox = inboxes.get(ws)!;
  return new Promise((resolve) => {
    const look = () => {
      const index = inbox.seen.findIndex(match);
      if (index < 0) return;
      inbox.waiters.delete(look);
      resolve(inbox.seen.splice(index, 1)[0]!);
    };
    inbox.waiters.add(look);
    look();
  });
}

/** Sends one request and resolves with its result envelope. */
export async function callBridge(ws: WebSocket, id: number, channel: string, payload: unknown): Promise<unknown> {
  ws.send(JSON.stringify({ kind: 'request', id, channel, payload }));
  return (await nextMessage(ws, (m) => m.kind === 'response' && m.id === id)).result;
}

/** Opens with a bootstrap token; resolves with the socket and the session secret the server sent. */
export async function connectWithToken(server: BridgeServer, token: string): Promise<{ ws: WebSocket; secret: string }> {
  const ws = await connectBridge(server, token);
  const session = await nextMessage(ws, (m) => m.kind === 'event' && m.channel === BRIDGE_SESSION_CHANNEL);
  return { ws, secret: (session.payload as { secret: string }).secret };
}

/** Resolves with the close code once the socket is closed. */
export function closed(ws: WebSocket): Promise<number> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve(-1);
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}
