/**
 * Entry of the browser shell: the same main-side runtime as Electron, the renderer served on
 * loopback and opened in the system Chromium. Used where Electron's runtime is not installed.
 */
import { join } from 'node:path';
import { createLogger } from '../../platform/log';
import { resolveConfig } from '../config/load-config';
import { installFatalErrorPolicy } from '../fatal-errors';
import { createKioskRuntime } from '../kiosk-runtime';
import { startBridgeServer } from './bridge-server';
import { launchChromium, type LaunchedBrowser } from './launch-chromium';

const log = createLogger('browser-shell');
const MAX_BROWSER_RESTARTS = 5;

export async function runBrowserShell(argv: readonly string[]): Promise<void> {
  const config = resolveConfig(argv);
  const runtime = await createKioskRuntime(config, 'browser');
  const server = await startBridgeServer({ runtime, rendererDir: join(__dirname, '..', 'renderer') });

  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const openBrowser = hasDisplay && !argv.includes('--no-browser');
  let browser: LaunchedBrowser | null = null;
  let restarts = 0;
  let stopping = false;

  const open = () => {
    browser = launchChromium(server.issueStartUrl(), !config.maintenance);
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
    console.log(`Madoguchi is serving on ${server.issueStartUrl()}`);
    console.log(hasDisplay ? 'Open that address in Chromium.' : 'No display here: open that address in Chromium on this machine.');
  }
}
