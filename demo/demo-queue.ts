/**
 * The demo's ward queue service: the queue service (queue/) on its embedded PGlite, started next
 * to the kiosk and the demo back end, and the kiosk configuration that points at it as at any
 * remote one (mutual TLS with the TEST PKI the configuration names). The kiosk never starts it.
 *
 * Its database lives under the kiosk's `dataDir` (`<dataDir>/queue/`), so a restarted demo goes
 * on numbering the day's tickets instead of issuing number 1 again.
 */
import { join } from 'node:path';
import type { KioskConfig } from '../main/config/config-schema';
import { readFileSync } from 'node:fs';
import { fixturesDir, resolveProjectPath } from '../main/config/project-paths';
import type { Clock } from '../platform/clock';
import { loadQueueConfig } from '../queue/queue-config';
import { startQueueServer, type QueueServerHandle } from '../queue/start-queue-server';

export interface DemoQueue {
  /** The running queue service, or null when the configuration names a remote one or none. */
  queue: QueueServerHandle | null;
  /** The configuration to hand the kiosk: `queue.mode` "remote", `queue.url` the demo service's. */
  config: KioskConfig;
}

/** Starts the queue service when the configuration asks for the embedded one; any other is handed on unchanged. */
export async function startDemoQueue(
  config: KioskConfig,
  options: { clock?: Clock; /** Tests: keep the database in memory. */ inMemory?: boolean } = {},
): Promise<DemoQueue> {
  if (config.queue?.mode !== 'embedded') return { queue: null, config };
  // Named from the fixtures folder: in the bundled demo (dist/demo) a module's __dirname is not the repo's.
  const fixtures = fixturesDir();
  const pki = (file: string) => readFileSync(join(fixtures, 'pki', 'kiosk', file), 'utf8');
  const queue = await startQueueServer({
    port: 0,
    config: loadQueueConfig(join(fixtures, 'queue', 'wards.json')),
    tls: { certPem: pki('server.cert.pem'), keyPem: pki('server.key.pem'), clientCaPem: pki('city-ca.cert.pem') },
    database: options.inMemory ? { kind: 'pglite' } : { kind: 'pglite', dataDir: join(resolveProjectPath(config.dataDir), 'queue') },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return { queue, config: { ...config, queue: { ...config.queue, mode: 'remote', url: queue.url } } };
}
