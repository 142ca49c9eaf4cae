/**
 * Connects the kiosk to its ward back end: the embedded reference back end (demo), or the
 * configured remote one, over mutual TLS with the kiosk's client certificate.
 *
 * The embedded back end keeps its database under the kiosk's `dataDir`, beside the journal: its
 * serial counters survive a restart exactly as long as the journal that remembers the serials, so
 * a second start never issues serial 0000001 again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWardBackend, type WardBackendHandle } from '../../backend/start-ward-backend';
import type { KioskConfig } from '../config/config-schema';
import { fixturesDir, resolveProjectPath } from '../config/project-paths';
import { WardClient } from './ward-client';

export interface WardConnection {
  client: WardClient;
  /** The embedded back end, when `backend.mode` is `embedded`. */
  embedded: WardBackendHandle | null;
  close(): Promise<void>;
}

/** The embedded back end's database file: `<dataDir>/ward-backend/ward.db`. */
export function embeddedBackendDbPath(config: KioskConfig): string {
  return join(resolveProjectPath(config.dataDir), 'ward-backend', 'ward.db');
}

export async function connectWard(config: KioskConfig, options: { faults?: boolean } = {}): Promise<WardConnection> {
  const read = (file: string) => readFileSync(resolveProjectPath(file), 'utf8');
  const tls = { certPem: read(config.backend.tls.certFile), keyPem: read(config.backend.tls.keyFile), caPem: read(config.backend.tls.caFile) };
  const embedded = config.backend.mode === 'embedded'
    ? await startWardBackend({ port: 0, faults: options.faults ?? false, fixturesDir: fixturesDir(), dbPath: embeddedBackendDbPath(config) })
    : null;
  const client = new WardClient(embedded ? embedded.url : config.backend.url.replace(/\/$/, ''), tls);
  return {
    client,
    embedded,
    close: async () => {
      client.close();
      await embedded?.stop();
    },
  };
}
