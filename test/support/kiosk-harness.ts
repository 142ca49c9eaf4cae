/**
 * Runs the kiosk's browser shell in the test process (the same runtime and bridge server
 * as `npm start`, against the built renderer bundle) with a configuration overlay.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridgeServer, type BridgeServer } from '../../main/browser-shell/bridge-server';
import { DEFAULT_CONFIG } from '../../main/config/default-config';
import { mergeConfig, parseConfig } from '../../main/config/load-config';
import { createKioskRuntime, type KioskRuntime, type RuntimeOptions } from '../../main/kiosk-runtime';

export const RENDERER_DIR = join(__dirname, '..', '..', 'dist', 'renderer');

export interface KioskHarness {
  runtime: KioskRuntime;
  server: BridgeServer;
  stop(): Promise<void>;
}

/**
 * Between tests: wipes the citizen session (as the idle timeout would) and takes the card out
 * of the simulated reader, so the next test starts at the home screen with no card.
 */
export async function endCitizenSession(kiosk: KioskHarness): Promise<void> {
  await kiosk.runtime.session.end('cancel');
  kiosk.runtime.devices.sim.card?.removeCard();
}

export async function startKiosk(
  overlay: unknown = {},
  opts: {
    reconnectGraceMs?: number;
    /** Runtime options (e.g. `backendFaults` for fault tests). */
    runtime?: RuntimeOptions;
    /**
     * A data folder the test owns, kept by `stop()` so a second start runs on the same journal,
     * outbox and back end (a restart). Default: a fresh temporary folder, removed by `stop()`.
     */
    dataDir?: string;
  } = {},
): Promise<KioskHarness> {
  if (!existsSync(join(RENDERER_DIR, 'main.js'))) {
    throw new Error('dist/renderer is missing: run `npm run build` first (npm test does)');
  }
  // Each kiosk gets its own data folder (the outbox holds an exclusive lock; test files run in parallel).
  const ownDataDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'madoguchi-data-'));
  const config = parseConfig(mergeConfig(mergeConfig(DEFAULT_CONFIG, { dataDir }), overlay), 'test config');
  const runtime = await createKioskRuntime(config, 'browser', opts.runtime);
  const server = await startBridgeServer({ runtime, rendererDir: RENDERER_DIR, reconnectGraceMs: opts.reconnectGraceMs });
  return {
    runtime,
    server,
    stop: async () => {
      await server.close();
      await runtime.stop();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
