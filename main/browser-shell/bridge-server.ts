/**
 * The browser shell's server: the renderer bundle over HTTP on 127.0.0.1, and the contract
 * over a WebSocket that accepts only this launch's page.
 *
 * A page proves it is ours by presenting the per-launch secret (carried in the URL fragment,
 * which browsers never send to servers, and handed back as a WebSocket sub-protocol). The
 * Host and Origin headers must name this server exactly, which also defeats DNS rebinding.
 * One renderer at a time: a new connection (a reload) replaces the old one.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, clientMessageSchema, type ServerMessage } from '../../contract/envelope';
import { createLogger } from '../../platform/log';
import type { KioskRuntime } from '../kiosk-runtime';
import { securityHeaders } from '../security/content-policy';
import { readRendererFile } from '../security/renderer-files';

const log = createLogger('browser-shell');

export const BRIDGE_PATH = '/bridge';
export const BRIDGE_PROTOCOL = 'madoguchi.v1';
const TOKEN_PREFIX = 'k.';

export interface BridgeServerOptions {
  runtime: KioskRuntime;
  rendererDir: string;
  port?: number;
  /** How long a vanished renderer may take to reconnect (a reload) before its session is ended. */
  reconnectGraceMs?: number;
}

export interface BridgeServer {
  /** The address to open, including the secret in the fragment. */
  readonly url: string;
  readonly origin: string;
  /** How many renderers are connected now (0 or 1). */
  connections(): number;
  close(): Promise<void>;
}

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
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
    const file = await readRendererFile(options.rendererDir, path);
    if (!file) return deny(res, 404, headers);
    res.writeHead(200, { ...headers, 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function presentsSecret(req: IncomingMessage): boolean {
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim())
      .find((p) => p.startsWith(TOKEN_PREFIX));
    if (!offered) return false;
    const bytes = Buffer.from(offered.slice(TOKEN_PREFIX.length));
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  }

  http.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    const ok = path === BRIDGE_PATH && req.headers.host === host && req.headers.origin === origin && presentsSecret(req);
    if (!ok) {
      log.warn({ path, hasOrigin: Boolean(req.headers.origin) }, 'refused a bridge connection');
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  function accept(ws: WebSocket): void {
    if (current) current.close(4000, 'replaced');
    current = ws;
    if (goneTimer) clearTimeout(goneTimer);
    goneTimer = null;
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
    url: `${origin}/#${TOKEN_PREFIX}${token}`,
    origin,
    connections: () => (current ? 1 : 0),
    close: async () => {
      if (goneTimer) clearTimeout(goneTimer);
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function send(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function deny(res: ServerResponse, status: number, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(String(status));
}
