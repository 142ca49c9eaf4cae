/**
 * The browser shell's server: the renderer bundle over HTTP on 127.0.0.1, and the contract
 * over a WebSocket that accepts only this launch's page.
 *
 * A page proves it is ours in two steps. Its start address carries a bootstrap token (in the
 * fragment, which browsers never send to servers) that is single-use and short-lived; the page
 * shows it once when it connects, and the server answers with the session secret, which the
 * page keeps in its sessionStorage to reconnect after a reload. The session secret is never
 * printed, logged or put on a command line; a token that leaks (e.g. in a log of the start
 * address) is worthless once used or expired. The Host and Origin headers must name this
 * server exactly, which also defeats DNS rebinding.
 *
 * One renderer at a time: while one is connected, any other connection is refused, even with
 * valid credentials, so a local intruder can neither take over nor silence the kiosk's page.
 * A page that dropped (a reload) may come back with the session secret within the grace time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { BOOTSTRAP_PREFIX, BRIDGE_BUSY_CLOSE, BRIDGE_PATH, BRIDGE_PROTOCOL, BRIDGE_SESSION_CHANNEL, SESSION_PREFIX } from '../../contract/bridge-api';
import { MAX_MESSAGE_BYTES, clientMessageSchema, type ServerMessage } from '../../contract/envelope';
import { createLogger } from '../../platform/log';
import type { KioskRuntime } from '../kiosk-runtime';
import { securityHeaders } from '../security/content-policy';
import { readPageFile } from '../security/renderer-files';

const log = createLogger('browser-shell');

/** How long a start address may wait to be opened: long enough for Chromium to start. */
export const DEFAULT_BOOTSTRAP_TTL_MS = 60_000;

/** The part of the runtime the bridge needs (a test may pass a recording fake); `voice` serves the prompts' WAVs. */
export type BridgeRuntime = Pick<KioskRuntime, 'hub' | 'router' | 'rendererGone'> & Partial<Pick<KioskRuntime, 'voice'>>;

export interface BridgeServerOptions {
  runtime: BridgeRuntime;
  rendererDir: string;
  port?: number;
  /** How long a vanished renderer may take to reconnect (a reload) before its session is ended. */
  reconnectGraceMs?: number;
  /** The clock that bootstrap tokens expire by (injected by tests). */
  now?: () => number;
}

export interface BridgeServer {
  readonly origin: string;
  /**
   * A start address for one page: the origin with a fresh bootstrap token in the fragment,
   * refused once used or after `ttlMs`. Hand it to the browser without a command line
   * (see launch-chromium.ts); never log it.
   */
  issueStartUrl(ttlMs?: number): string;
  /** How many renderers are connected now (0 or 1). */
  connections(): number;
  close(): Promise<void>;
}

type Credential = { kind: 'bootstrap' | 'session'; value: string };

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const now = options.now ?? Date.now;
  const sessionSecret = `${SESSION_PREFIX}${randomBytes(32).toString('hex')}`;
  const sessionBytes = Buffer.from(sessionSecret);
  // Tokens are kept by their hash: a lookup leaks nothing usable about a live token's text.
  const bootstrapTokens = new Map<string, number>();
  let origin = '';
  let host = '';

  const http: Server = createServer((req, res) => void serveFile(req, res));
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => (protocols.has(BRIDGE_PROTOCOL) ? BRIDGE_PROTOCOL : false),
  });

  let current: WebSocket | null = null;
  let goneTimer: NodeJS.Timeout | null = null;

  async function serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = securityHeaders(`ws://${host}`);
    if (req.headers.host !== host) return deny(res, 421, headers);
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, headers);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const file = await readPageFile(options.rendererDir, path, options.runtime.voice);
    if (!file) return deny(res, 404, headers);
    res.writeHead(200, { ...headers, 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function consumeBootstrap(token: string): boolean {
    const key = hashOf(token);
    const expiresAt = bootstrapTokens.get(key);
    bootstrapTokens.delete(key);
    for (const [other, until] of bootstrapTokens) if (until <= now()) bootstrapTokens.delete(other);
    return expiresAt !== undefined && now() < expiresAt;
  }

  function isSessionSecret(value: string): boolean {
    const bytes = Buffer.from(value);
    return bytes.length === sessionBytes.length && timingSafeEqual(bytes, sessionBytes);
  }

  /** A renderer whose socket is open; one that is closing (a reload under way) no longer counts. */
  const connected = () => current !== null && current.readyState === current.OPEN;

  http.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    const credential = offeredCredential(req);
    if (path !== BRIDGE_PATH || req.headers.host !== host || req.headers.origin !== origin || !credential) {
      return refuse(socket, 403, { path, hasOrigin: Boolean(req.headers.origin) }, 'refused a bridge connection');
    }
    // Checked before a token is spent, so a refused attempt does not burn the kiosk's own token.
    if (connected()) return refuse(socket, 409, {}, 'refused a second renderer while one is connected');
    const valid = credential.kind === 'bootstrap' ? consumeBootstrap(credential.value) : isSessionSecret(credential.value);
    if (!valid) return refuse(socket, 403, { credential: credential.kind }, 'refused a bridge connection with a used, expired or wrong credential');
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, credential.kind === 'bootstrap'));
  });

  function accept(ws: WebSocket, sendSession: boolean): void {
    if (connected()) return void ws.close(BRIDGE_BUSY_CLOSE, 'busy'); // lost a race with another upgrade
    current = ws;
    if (goneTimer) clearTimeout(goneTimer);
    goneTimer = null;
    if (sendSession) send(ws, { kind: 'event', channel: BRIDGE_SESSION_CHANNEL, payload: { secret: sessionSecret } });
    const removeSink = options.runtime.hub.addSink((channel, payload) => send(ws, { kind: 'event', channel, payload }));
    ws.on('message', (data, isBinary) => void onMessage(ws, data, isBinary));
    ws.on('close', () => {
      removeSink();
      if (current !== ws) return;
      current = null;
      goneTimer = setTimeout(() => void options.runtime.rendererGone(), options.reconnectGraceMs ?? 5000);
    });
    ws.on('error', () => ws.terminate());
  }

  async function onMessage(ws: WebSocket, data: unknown, isBinary: boolean): Promise<void> {
    if (isBinary || !Buffer.isBuffer(data)) return void ws.close(1003, 'text only');
    let json: unknown;
    try {
      json = JSON.parse(data.toString('utf8'));
    } catch {
      log.warn('refused a message that is not JSON');
      return void ws.close(1007, 'not json');
    }
    const message = clientMessageSchema.safeParse(json);
    if (!message.success) {
      log.warn('refused a message outside the envelope');
      return void ws.close(1008, 'bad envelope');
    }
    const result = await options.runtime.router.dispatch(message.data.channel, message.data.payload);
    // Answered on the socket that asked, or not at all: a dropped page was already told bridge-down.
    send(ws, { kind: 'response', id: message.data.id, result });
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  log.info({ port }, 'browser shell serving');

  return {
    origin,
    issueStartUrl: (ttlMs = DEFAULT_BOOTSTRAP_TTL_MS) => {
      const token = randomBytes(32).toString('hex');
      bootstrapTokens.set(hashOf(token), now() + ttlMs);
      return `${origin}/#${BOOTSTRAP_PREFIX}${token}`;
    },
    connections: () => (connected() ? 1 : 0),
    close: async () => {
      if (goneTimer) clearTimeout(goneTimer);
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** The credential among the offered sub-protocols: a bootstrap token or the session secret. */
function offeredCredential(req: IncomingMessage): Credential | null {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const token = offered.find((p) => p.startsWith(BOOTSTRAP_PREFIX));
  if (token) return { kind: 'bootstrap', value: token.slice(BOOTSTRAP_PREFIX.length) };
  const secret = offered.find((p) => p.startsWith(SESSION_PREFIX));
  return secret ? { kind: 'session', value: secret } : null;
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function refuse(socket: Duplex, status: 403 | 409, fields: Record<string, unknown>, message: string): void {
  log.warn(fields, message);
  const reason = status === 409 ? 'Conflict' : 'Forbidden';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n\r\n`);
}

function send(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function deny(res: ServerResponse, status: number, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(String(status));
}
