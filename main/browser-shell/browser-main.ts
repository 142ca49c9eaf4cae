/**
 * Entry of the browser shell: the same main-side runtime as Electron, the renderer served on
 * loopback and opened in the system Chromium. Used where Electron's runtime is not installed.
 *
 * Before anything starts it applies the deployment guard (demo material only with --demo) and,
 * as root, checks that Chromium has its unprivileged user. The start address carries a
 * single-use token and is never printed: Chromium gets it over its private pipe, and with no
 * browser to open it is written to a file only this user can read.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../../platform/log';
import { assertBrowserShellDeployable } from '../config/deployment-guard';
import { resolveConfig } from '../config/load-config';
import { resolveProjectPath } from '../config/project-paths';
import { installFatalErrorPolicy } from '../fatal-errors';
import { createKioskRuntime } from '../kiosk-runtime';
import { startBridgeServer } from './bridge-server';
import { chromiumIdentity, launchChromium, type LaunchedBrowser } from './launch-chromium';

const log = createLogger('browser-shell');
const MAX_BROWSER_RESTARTS = 5;
/** A start address opened by a person (no browser here) may wait this long. */
const MANUAL_START_TTL_MS = 10 * 60_000;

export interface BrowserShellOptions {
  /** Runs after the runtime has stopped, before the process exits (the demo stops its back end). */
  afterStop?: () => Promise<void>;
}

export async function runBrowserShell(argv: readonly string[], { afterStop = async () => {} }: BrowserShellOptions = {}): Promise<void> {
  const config = resolveConfig(argv);
  assertBrowserShellDeployable(config, argv);
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const openBrowser = hasDisplay && !argv.includes('--no-browser');
  if (openBrowser) chromiumIdentity(process.getuid?.(), readFileSync('/etc/passwd', 'utf8')); // refuses now, not after start-up

  const runtime = await createKioskRuntime(config, 'browser');
  const server = await startBridgeServer({ runtime, rendererDir: join(__dirname, '..', 'renderer') });
  let browser: LaunchedBrowser | null = null;
  let restarts = 0;
  let stopping = false;

  const open = () => {
    // Each Chromium gets a fresh profile, so a fresh single-use start address.
    browser = launchChromium({ startUrl: server.issueStartUrl(), kiosk: !config.maintenance });
    browser.process.once('exit', (code) => {
      if (stopping) return;
      // A kiosk browser that dies is brought back, a few times; then a technician is needed.
      if (restarts++ < MAX_BROWSER_RESTARTS) {
        log.warn({ code, restarts }, 'kiosk browser exited; reopening');
        setTimeout(open, 1000);
      } else {
        log.fatal({ restarts }, 'kiosk browser keeps exiting; giving up');
        void stop(1);
      }
    });
  };

  const shutdown = async () => {
    stopping = true;
    browser?.close();
    await server.close();
    await runtime.stop();
    await afterStop();
  };
  const stop = async (code = 0) => {
    await shutdown();
    process.exit(code);
  };
  installFatalErrorPolicy({ log, shutdown, exit: (code) => process.exit(code) });
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  if (openBrowser) {
    open();
    console.log(`Madoguchi is open in Chromium (kiosk ${config.kioskId}). Stop with Ctrl+C.`);
  } else {
    const file = writeStartAddress(resolveProjectPath(config.dataDir), server.issueStartUrl(MANUAL_START_TTL_MS));
    console.log(`Madoguchi is serving on ${server.origin}. Its one-time start address (valid once, for 10 minutes) is in ${file}.`);
    console.log(hasDisplay ? 'Open that address in Chromium.' : 'No display here: open that address in Chromium on this machine.');
  }
}

/** Writes the start address where only this user can read it (it is a credential until used). */
function writeStartAddress(dataDir: string, startUrl: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'browser-start-address');
  writeFileSync(file, `${startUrl}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // an older file keeps its mode on write
  return file;
}
