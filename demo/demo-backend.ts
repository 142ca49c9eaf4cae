/**
 * The demo's ward back end: the reference back end (backend/) started next to the kiosk, and the
 * kiosk configuration that points at it as at any remote back end (its URL, mutual TLS with the
 * TEST PKI the configuration already names). The kiosk (main/) never starts or imports it.
 *
 * Its database lives under the kiosk's `dataDir`, beside the journal: its serial counters survive a
 * restart exactly as long as the journal that remembers the serials, so a second start never
 * issues serial 0000001 again.
 */
import { join } from 'node:path';
import { startWardBackend, type WardBackendHandle } from '../backend/start-ward-backend';
import type { KioskConfig } from '../main/config/config-schema';
import { fixturesDir, resolveProjectPath } from '../main/config/project-paths';

export interface DemoBackend {
  /** The running reference back end, or null when the configuration names a remote one. */
  backend: WardBackendHandle | null;
  /** The configuration to hand the kiosk: `backend.mode` "remote", `backend.url` the demo back end's. */
  config: KioskConfig;
}

/** The demo back end's database file: `<dataDir>/ward-backend/ward.db`. */
export function demoBackendDbPath(config: KioskConfig): string {
  return join(resolveProjectPath(config.dataDir), 'ward-backend', 'ward.db');
}

/**
 * Starts the reference back end when the configuration asks for the embedded one (`backend.mode`
 * "embedded", the demo default); a configuration naming a remote back end is handed on unchanged.
 * `faults` enables fault injection (tests, and the demo's simulator panel).
 */
export async function startDemoBackend(config: KioskConfig, options: { faults?: boolean } = {}): Promise<DemoBackend> {
  if (config.backend.mode !== 'embedded') return { backend: null, config };
  const backend = await startWardBackend({ port: 0, faults: options.faults ?? false, fixturesDir: fixturesDir(), dbPath: demoBackendDbPath(config) });
  return { backend, config: { ...config, backend: { ...config.backend, mode: 'remote', url: backend.url } } };
}
