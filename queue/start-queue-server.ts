/**
 * Starts the ward queue service: an HTTPS server that asks every client for a certificate of the
 * city CA (mutual TLS, TLS 1.3, as the ward back end does: kiosks and clerks' desks), on PGlite
 * embedded (default) or a PostgreSQL server. One request: verified certificate → route → role
 * allowed for the route → handler → JSON. Logs carry route, status and caller id only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { systemClock, type Clock } from '../platform/clock';
import { ApiError, sendError, sendJson } from '../platform/http/api-error';
import { baseUrlOf, closeListener, createMutualTlsServer, listen } from '../platform/http/mutual-tls-server';
import { peerCertificateOf } from '../platform/http/client-roles';
import { matchRoute } from '../platform/http/route-table';
import { createLogger, type Logger } from '../platform/log';
import { openPgliteEngine } from './db/pglite-engine';
import { openPostgresEngine } from './db/postgres-engine';
import { migrateQueueSchema } from './db/queue-schema';
import type { SqlEngine } from './db/sql-engine';
import { apiErrorOf, queueRoutes, type QueueRoute } from './http/queue-routes';
import { loadQueueConfig, type QueueConfig } from './queue-config';
import { QueueError } from './queue-errors';
import { QueueStore } from './queue-store';

export interface QueueServerOptions {
  /** `{ kind: 'pglite', dataDir? }` (default, in memory without dataDir) or a PostgreSQL server. */
  database?: { kind: 'pglite'; dataDir?: string } | { kind: 'postgresql'; connectionString: string; maxConnections?: number };
  config?: QueueConfig;
  clock?: Clock;
  port?: number;
  host?: string;
  /** Server certificate and the CA clients must chain to; default the TEST PKI in fixtures/pki/kiosk. */
  tls?: { certPem: string; keyPem: string; clientCaPem: string };
  log?: Logger;
}

export interface QueueServerHandle {
  /** e.g. `https://127.0.0.1:41234` */
  url: string;
  store: QueueStore;
  stop(): Promise<void>;
}

function testTls(): { certPem: string; keyPem: string; clientCaPem: string } {
  const dir = join(__dirname, '..', 'fixtures', 'pki', 'kiosk');
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { certPem: read('server.cert.pem'), keyPem: read('server.key.pem'), clientCaPem: read('city-ca.cert.pem') };
}

async function openEngine(db: QueueServerOptions['database']): Promise<SqlEngine> {
  if (db?.kind === 'postgresql') return openPostgresEngine(db);
  return openPgliteEngine(db?.dataDir);
}

/** Handles one request end to end; never throws. */
async function handle(routes: QueueRoute[], log: Logger, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let routeName = '?';
  let caller: string | undefined;
  try {
    const peer = peerCertificateOf(req);
    // TLS already refused a missing or foreign certificate; this guards a misconfigured listener.
    if (!peer) throw new ApiError(403, 'client-certificate-required', 'a city CA client certificate is required');
    caller = peer.cn;
    const path = new URL(req.url ?? '/', 'https://queue.invalid').pathname;
    const { route, params } = matchRoute(routes, req.method ?? 'GET', path);
    routeName = route.path;
    const r = route as QueueRoute;
    if (!r.callers.includes(peer.role))
      throw new ApiError(403, `${r.callers[0]}-certificate-required`, `this route is for ${r.callers.join(' or ')} certificates`);
    const result = await route.handle({ req, params, extra: { peer } });
    sendJson(res, result.status, result.body, result.headers);
    log.debug({ method: req.method, route: routeName, status: result.status, caller }, 'request');
  } catch (err) {
    const apiErr = err instanceof ApiError ? err : err instanceof QueueError ? apiErrorOf(err) : new ApiError(500, 'internal', 'internal error');
    if (apiErr.status === 500) log.error({ route: routeName, errName: (err as Error)?.name }, 'unhandled error');
    if (!res.headersSent && !res.destroyed) sendError(res, apiErr);
    log.debug({ method: req.method, route: routeName, status: apiErr.status, code: apiErr.code, caller }, 'request');
  }
}

export async function startQueueServer(options: QueueServerOptions = {}): Promise<QueueServerHandle> {
  const log = options.log ?? createLogger('queue');
  const tls = options.tls ?? testTls();
  const engine = await openEngine(options.database);
  await migrateQueueSchema(engine);
  const store = new QueueStore(engine, options.config ?? loadQueueConfig(), options.clock ?? systemClock);
  const routes = queueRoutes(store);
  const server = createMutualTlsServer(tls);
  server.on('request', (req, res) => {
    void handle(routes, log, req, res);
  });
  server.on('tlsClientError', (err) => log.info({ code: (err as NodeJS.ErrnoException).code }, 'tls handshake refused'));
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  log.info({ port, engine: engine.kind }, 'queue service listening');
  let stopped: Promise<void> | undefined;
  return {
    url: baseUrlOf(host, port),
    store,
    stop() {
      stopped ??= (async () => {
        await closeListener(server);
        await engine.close();
      })();
      return stopped;
    },
  };
}
