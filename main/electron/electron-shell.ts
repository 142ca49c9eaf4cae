/**
 * The Electron shell's wiring, with Electron passed in (`electron-main.ts` passes the real module,
 * tests the fake): single instance, the privileged app scheme, the locked-down kiosk window, the
 * IPC handler in front of the request router, crash recovery and the power-save blocker.
 */
import type { WireResult } from '../../contract/envelope';
import { KioskError } from '../../contract/errors';
import { installFatalErrorPolicy } from '../fatal-errors';
import type { KioskRuntime } from '../kiosk-runtime';
import { createLogger } from '../../platform/log';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { watchRenderer } from './crash-recovery';
import type { ElectronMainApi, ShellApp, ShellIpcMain, ShellWebContents } from './electron-api';
import { blockShortcuts, denyAllPermissions, isTrustedSender, lockDownWebContents } from './hardening';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './preload-bridge';
import { APP_ENTRY, createKioskWindow } from './window-options';

const log = createLogger('electron');

/** The runtime parts the shell uses. */
export type ShellRuntime = Pick<KioskRuntime, 'router' | 'hub' | 'rendererGone' | 'stop'> &
  Partial<Pick<KioskRuntime, 'voice'>> & {
    readonly config: Pick<KioskRuntime['config'], 'maintenance'>;
  };

export interface ElectronShellOptions {
  /** Builds the main-side runtime once the app is ready; a throw is a start-up failure. */
  createRuntime(electron: ElectronMainApi): Promise<ShellRuntime>;
  rendererDir: string;
  preloadPath: string;
  /** Reports a start-up failure and exits. */
  fail(err: unknown): void;
  /** Installs the fatal-error policy (default: on this process). */
  installFatalErrors?: typeof installFatalErrorPolicy;
}

/** Runs the shell; resolves once the kiosk page has loaded (or start-up failed, or this is a second instance). */
export async function runElectronShell(electron: ElectronMainApi, options: ElectronShellOptions): Promise<void> {
  const { app } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.exit(0);
    return;
  }
  registerAppScheme(electron.protocol);
  lockDownWebContents(app);
  try {
    await app.whenReady();
  } catch (err) {
    return options.fail(err);
  }
  let runtime: ShellRuntime;
  try {
    runtime = await options.createRuntime(electron);
  } catch (err) {
    return options.fail(err);
  }
  const { maintenance } = runtime.config;
  // Replaces Electron's error dialog, which an unattended kiosk must never show: stop, relaunch.
  (options.installFatalErrors ?? installFatalErrorPolicy)({
    log,
    shutdown: () => runtime.stop(),
    exit: (code) => exitApp(app, maintenance, code),
  });
  denyAllPermissions(electron.session.defaultSession);
  serveRenderer(electron.protocol, options.rendererDir, runtime.voice);
  electron.powerSaveBlocker.start('prevent-display-sleep');

  const window = createKioskWindow(electron.BrowserWindow, options.preloadPath, maintenance);
  const contents = window.webContents;
  blockShortcuts(contents, maintenance);
  watchRenderer(app, window, () => runtime.rendererGone());
  handleKioskInvoke(electron.ipcMain, contents, runtime.router);
  runtime.hub.addSink((channel, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, channel, payload);
  });

  app.on('second-instance', () => window.focus());
  app.on('window-all-closed', () => {
    // A kiosk has no "closed" state: outside maintenance the window comes back.
    if (maintenance) void runtime.stop().then(() => app.quit());
    else exitApp(app, false, 0);
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_ENTRY);
}

/** Answers `kiosk:invoke` through the router, for the kiosk's own top frame only. */
export function handleKioskInvoke(ipcMain: ShellIpcMain, contents: ShellWebContents, router: Pick<ShellRuntime['router'], 'dispatch'>): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel, payload) => {
    if (!isTrustedSender(event.senderFrame, contents, event.sender)) {
      log.warn('refused IPC from an untrusted frame');
      // The same answer as for a channel that does not exist: the sender learns nothing more.
      const refused: WireResult = { ok: false, error: new KioskError('unknown-channel').toPayload() };
      return refused;
    }
    return router.dispatch(channel, payload);
  });
}

/** Outside maintenance the kiosk always comes back: relaunch, then exit. */
function exitApp(app: ShellApp, maintenance: boolean, code: number): void {
  if (!maintenance) app.relaunch();
  app.exit(code);
}
