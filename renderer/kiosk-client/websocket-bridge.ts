/**
 * The browser shell's side of the bridge: the same `KioskBridge` as the Electron preload,
 * over a WebSocket back to the page's own origin.
 *
 * A new page finds a single-use bootstrap token in its address fragment, removes it from the
 * address bar and shows it once when connecting; the server answers with the session secret,
 * kept in sessionStorage so that a reload can reconnect.
 *
 * Every request is answered exactly once, and nothing is ever sent twice or late: when the
 * socket drops, every request in flight (or still waiting for the first connection) is
 * answered `bridge-down` and forgotten, and a request made while the bridge is down is
 * answered `bridge-down` at once. A PIN the citizen was told did not go through must never
 * reach the card later behind their back.
 */
import { BOOTSTRAP_PREFIX, BRIDGE_PATH, BRIDGE_PROTOCOL, BRIDGE_SESSION_CHANNEL, SESSION_PREFIX, type KioskBridge } from '../../contract/bridge-api';
import type { WireResult } from '../../contract/envelope';
import { serverMessageSchema } from '../../contract/envelope';

const STORAGE_KEY = 'madoguchi.bridge';
const OPEN = 1;

/** The subset of the browser's WebSocket the bridge uses (a test passes `ws` or a fake). */
export interface BridgeSocket {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  send(text: string): void;
}

/** What the bridge takes from the page; `browserEnvironment()` in the kiosk, fakes in tests. */
export interface BridgeEnvironment {
  openSocket(url: string, protocols: string[]): BridgeSocket;
  /** The page's host (`127.0.0.1:port`) and address fragment (with its `#`). */
  host: string;
  hash: string;
  /** Removes the fragment from the address bar (so the token is not in history or on screen). */
  clearHash(): void;
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  setTimeout(run: () => void, ms: number): unknown;
}

export function browserEnvironment(): BridgeEnvironment {
  return {
    openSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as BridgeSocket,
    host: window.location.host,
    hash: window.location.hash,
    clearHash: () => window.history.replaceState(null, '', window.location.pathname),
    storage: window.sessionStorage,
    setTimeout: (run, ms) => window.setTimeout(run, ms),
  };
}

/** The bootstrap token of a new page, else the session secret a reloaded page kept. */
function takeCredential(env: BridgeEnvironment): string | null {
  if (env.hash.startsWith(`#${BOOTSTRAP_PREFIX}`)) {
    env.clearHash();
    return env.hash.slice(1);
  }
  const kept = env.storage.getItem(STORAGE_KEY);
  return kept?.startsWith(SESSION_PREFIX) ? kept : null;
}

function sessionSecretIn(payload: unknown): string | null {
  const secret = (payload as { secret?: unknown } | null)?.secret;
  return typeof secret === 'string' && secret.startsWith(SESSION_PREFIX) ? secret : null;
}

const transportDown: WireResult = { ok: false, error: { code: 'bridge-down', messageKey: 'errors.bridge-down' } };

export function createWebSocketBridge(env: BridgeEnvironment = browserEnvironment()): KioskBridge {
  let credential = takeCredential(env);
  const listeners = new Set<(channel: string, payload: unknown) => void>();
  const pending = new Map<number, (result: WireResult) => void>();
  // Only requests made before the page's first connection wait here; see invoke.
  const beforeFirstOpen: string[] = [];
  let everOpened = false;
  let nextId = 1;
  let socket: BridgeSocket | null = null;
  let retryMs = 250;

  const answerAllDown = () => {
    for (const resolve of pending.values()) resolve(transportDown);
    pending.clear();
    beforeFirstOpen.length = 0;
  };

  const connect = () => {
    if (!credential) return;
    const ws = env.openSocket(`ws://${env.host}${BRIDGE_PATH}`, [BRIDGE_PROTOCOL, credential]);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      everOpened = true;
      for (const text of beforeFirstOpen.splice(0)) ws.send(text);
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
      } else if (message.data.channel === BRIDGE_SESSION_CHANNEL) {
        const secret = sessionSecretIn(message.data.payload);
        if (secret) {
          credential = secret; // the bootstrap token is spent; reconnects use the secret
          env.storage.setItem(STORAGE_KEY, secret);
        }
      } else {
        for (const l of listeners) l(message.data.channel, message.data.payload);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      // Requests on a dead socket will never be answered: say so now, once, and forget them.
      answerAllDown();
      env.setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();

  return {
    invoke(channel, payload) {
      if (!credential) return Promise.resolve(transportDown);
      const open = socket?.readyState === OPEN;
      // After a drop, a request is refused rather than held for the reconnect: held requests
      // would reach main later than the citizen expects (a PIN, a payment), i.e. a replay.
      if (!open && everOpened) return Promise.resolve(transportDown);
      const id = nextId++;
      const text = JSON.stringify({ kind: 'request', id, channel, payload });
      return new Promise<WireResult>((resolve) => {
        pending.set(id, resolve);
        if (open) socket!.send(text);
        else beforeFirstOpen.push(text);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
