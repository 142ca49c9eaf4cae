/**
 * Runs the kiosk's browser shell in the test process (the same runtime and bridge server
 * as `npm start`, against the built renderer bundle) with a configuration overlay.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridgeServer, type BridgeServer } from '../../main/browser-shell/bridge-server';
import { mergeConfig, parseConfig } from '../../main/config/load-config';
import { TEST_BASE } from './journey-driver';
import { createKioskRuntime, type KioskRuntime, type RuntimeOptions } from '../../main/kiosk-runtime';
import type { WardBackendHandle } from '../../backend/start-ward-backend';
import { startDemoBackend } from '../../demo/demo-backend';
import { startDemoQueue } from '../../demo/demo-queue';
import type { QueueServerHandle } from '../../queue/start-queue-server';

export const RENDERER_DIR = join(__dirname, '..', '..', 'dist', 'renderer');

export interface KioskHarness {
  runtime: KioskRuntime;
  server: BridgeServer;
  /** The demo's reference back end the kiosk talks to (null when the overlay names a remote one). */
  backend: WardBackendHandle | null;
  /** The queue service the kiosk talks to, when the overlay asks for the embedded one (WITH_QUEUE). */
  queue: QueueServerHandle | null;
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
    /** Runtime options (e.g. a shorter `takeCertificateMs`). */
    runtime?: RuntimeOptions;
    /** Start the demo back end with fault injection (`backend.faults`). */
    backendFaults?: boolean;
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
  const demo = await startDemoBackend(parseConfig(mergeConfig(mergeConfig(TEST_BASE, { dataDir }), overlay), 'test config'), {
    faults: opts.backendFaults ?? false,
  });
  const queue = await startDemoQueue(demo.config, { inMemory: true, ...(opts.runtime?.clock ? { clock: opts.runtime.clock } : {}) }).catch(
    async (err: unknown) => {
      await demo.backend?.stop();
      throw err;
    },
  );
  const runtime = await createKioskRuntime(queue.config, 'browser', opts.runtime).catch(async (err: unknown) => {
    await queue.queue?.stop();
    await demo.backend?.stop();
    throw err;
  });
  const server = await startBridgeServer({ runtime, rendererDir: RENDERER_DIR, reconnectGraceMs: opts.reconnectGraceMs });
  return {
    runtime,
    server,
    backend: demo.backend,
    queue: queue.queue,
    stop: async () => {
      await server.close();
      await runtime.stop();
      await queue.queue?.stop();
      await demo.backend?.stop();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
