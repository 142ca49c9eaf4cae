/**
 * The Prometheus endpoint: `GET /metrics` on `metrics.listen` (127.0.0.1 unless the configuration
 * names the kiosk's ward-network address) and `metrics.port`. Anything else is 404; nothing is
 * read from a request. A port that cannot be bound is logged and the kiosk serves citizens anyway:
 * its missing heartbeat is what the city's alerting sees.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, errorCode } from '../../platform/log';
import type { KioskConfig } from '../config/config-schema';
import { withTimeout } from '../staff/staff-device-status';
import type { KioskMetrics } from './kiosk-metrics';

const log = createLogger('metrics');
/** A scrape that takes longer is answered 503 (a device read is bounded well below this). */
const SCRAPE_TIMEOUT_MS = 8000;

export interface MetricsServer {
  /** Where it listens, or null when it is disabled or could not bind. */
  address(): { host: string; port: number } | null;
  close(): Promise<void>;
}

export function metricsHost(listen: KioskConfig['metrics']['listen']): string {
  return listen === 'loopback' ? '127.0.0.1' : listen;
}

export async function startMetricsServer(metrics: KioskMetrics, settings: KioskConfig['metrics']): Promise<MetricsServer> {
  if (!settings.enabled) return { address: () => null, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    withTimeout(metrics.scrape(), SCRAPE_TIMEOUT_MS).then(
      (body) => res.writeHead(200, { 'content-type': metrics.contentType }).end(body),
      (err: unknown) => {
        log.warn({ err: errorCode(err) }, 'metrics scrape failed');
        res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable\n');
      },
    );
  });
  server.requestTimeout = SCRAPE_TIMEOUT_MS * 2;
  const host = metricsHost(settings.listen);
  const bound = await new Promise<boolean>((resolve) => {
    server.once('error', (err) => {
      log.warn({ err: errorCode(err), host, port: settings.port }, 'metrics endpoint not started');
      resolve(false);
    });
    server.listen(settings.port, host, () => resolve(true));
  });
  if (!bound) return { address: () => null, close: async () => undefined };
  const { port } = server.address() as AddressInfo;
  log.info({ host, port }, 'metrics endpoint listening');
  return {
    address: () => ({ host, port }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
