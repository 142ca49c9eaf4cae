/**
 * `npm start`: the demo. Starts the reference ward back end (backend/) and the ward queue
 * service (queue/, on embedded PGlite) on loopback, then the kiosk exactly as `main/start.ts` does, pointed at that back end as at any remote one: the
 * kiosk gets a configuration file naming its URL (and the TEST PKI the demo configuration
 * already names). The back end stops after the kiosk.
 *
 * Flags are the kiosk's (`--demo`, `--config <file>`, `--no-browser`); a `--config` file with
 * `backend.mode` "remote" runs the kiosk against that back end and starts none.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskConfig } from '../main/config/config-schema';
import { resolveConfig } from '../main/config/load-config';
import { resolveProjectPath } from '../main/config/project-paths';
import { launchKioskShell } from '../main/shell-launcher';
import { describeStartupFailure } from '../main/startup-failure';
import { startDemoBackend } from './demo-backend';
import { startDemoQueue } from './demo-queue';

/** Writes the kiosk's configuration where only this user can read it; returns its path. */
function writeKioskConfig(config: KioskConfig): string {
  const dataDir = resolveProjectPath(config.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'demo-kiosk-config.json');
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // an older file keeps its mode on write
  return file;
}

/** The kiosk's argv: the same flags, with `--config` replaced by the demo's file. */
function kioskArgv(argv: readonly string[], configFile: string): string[] {
  const out = [...argv];
  const flag = out.indexOf('--config');
  if (flag >= 0) out.splice(flag, 2);
  return [...out, '--config', configFile];
}

async function main(): Promise<void> {
  // Fault injection on: the simulator panel's "back end down" switch is part of the demo.
  const demo = await startDemoBackend(resolveConfig(process.argv), { faults: true });
  if (demo.backend) console.log(`Madoguchi demo: the reference ward back end listens on ${demo.backend.url}.`);
  const queue = await startDemoQueue(demo.config).catch(async (err: unknown) => {
    await demo.backend?.stop();
    throw err;
  });
  if (queue.queue) console.log(`Madoguchi demo: the ward queue service (embedded PGlite) listens on ${queue.queue.url}.`);
  launchKioskShell({
    argv: kioskArgv(process.argv, writeKioskConfig(queue.config)),
    electronMain: join(__dirname, '..', 'main', 'electron-main.js'),
    afterStop: async () => {
      await queue.queue?.stop();
      await demo.backend?.stop();
    },
  });
}

main().catch((err: unknown) => {
  const failure = describeStartupFailure(err);
  console.error(failure.text);
  process.exit(failure.exitCode);
});
