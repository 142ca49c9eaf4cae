/**
 * Connects the kiosk to its ward back end: the embedded reference back end (demo), or the
 * configured remote one, over mutual TLS with the kiosk's client certificate.
 */
import { readFileSync } from 'node:fs';
import { startWardBackend, type WardBackendHandle } from '../../backend/start-ward-backend';
import type { KioskConfig } from '../config/config-schema';
import { fixturesDir, resolveProjectPath } from '../config/project-paths';
import { WardClient } from '../ward/ward-client';

export interface WardConnection {
  client: WardClient;
  /** The embedded back end, when `backend.mode` is `embedded`. */
  embedded: WardBackendHandle | null;
  close(): Promise<void>;
}

export async function connectWard(config: KioskConfig, options: { faults?: boolean } = {}): Promise<WardConnection> {
  const read = (file: string) => readFileSync(resolveProjectPath(file), 'utf8');
  const tls = { certPem: read(config.backend.tls.certFile), keyPem: read(config.backend.tls.keyFile), caPem: read(config.backend.tls.caFile) };
  const embedded = config.backend.mode === 'embedded' ? await startWardBackend({ port: 0, faults: options.faults ?? false, fixturesDir: fixturesDir() }) : null;
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
