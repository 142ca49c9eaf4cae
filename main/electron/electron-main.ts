/**
 * Entry of the Electron shell (production): one fullscreen kiosk window, sandboxed renderer
 * on `app://kiosk/`, the main-side runtime behind `kiosk:invoke`.
 */
import { app, BrowserWindow, ipcMain, powerSaveBlocker, safeStorage } from 'electron';
import { join } from 'node:path';
import { createLogger } from '../../platform/log';
import { assertDeployable } from '../config/deployment-guard';
import { resolveConfig } from '../config/load-config';
import { outboxPaths } from '../application-journey/outbox-paths';
import { installFatalErrorPolicy } from '../fatal-errors';
import { createKioskRuntime, type KioskRuntime } from '../kiosk-runtime';
import { describeStartupFailure } from '../startup-failure';
import { SafeStorageKeyProvider } from '../outbox';
import { runHashPasscodeCli } from '../staff/hash-passcode-cli';
import { terminalHashPasscodeIo } from '../staff/read-passcode';
import { staffPepperPaths } from '../staff/staff-pepper';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { watchRenderer } from './crash-recovery';
import { blockShortcuts, denyAllPermissions, isTrustedSender, lockDownWebContents } from './hardening';
import { APP_ENTRY, createKioskWindow } from './window-options';

const log = createLogger('electron');
const HASH_PASSCODE_FLAG = '--hash-staff-passcode';

if (process.argv.includes(HASH_PASSCODE_FLAG)) {
  // The admin's hash tool, run on the kiosk (the pepper is wrapped by this machine's OS keystore):
  // `printf '%s\n' "$PASSCODE" | madoguchi --hash-staff-passcode [--data-dir <dir>]`. No window.
  const args = process.argv.slice(process.argv.indexOf(HASH_PASSCODE_FLAG) + 1);
  const pepperProvider = (dataDir: string) =>
    new SafeStorageKeyProvider({ safeStorage, wrappedKeyPath: staffPepperPaths(dataDir).wrappedKeyFile, allowBasicText: !app.isPackaged });
  app.whenReady().then(() => runHashPasscodeCli(args, terminalHashPasscodeIo, pepperProvider)).then((code) => app.exit(code), (err: unknown) => fail(err));
} else if (!app.requestSingleInstanceLock()) {
  app.exit(0);
} else {
  registerAppScheme();
  lockDownWebContents();
  app.whenReady().then(start, (err: unknown) => fail(err));
}

async function start(): Promise<void> {
  let runtime: KioskRuntime;
  try {
    const config = resolveConfig(process.argv);
    assertDeployable(config, app.isPackaged);
    // The outbox key is wrapped by the OS keystore; Linux's obfuscation-only 'basic_text' only in development.
    const outboxKeyProvider = new SafeStorageKeyProvider({
      safeStorage,
      wrappedKeyPath: outboxPaths(config).wrappedKeyFile,
      allowBasicText: !app.isPackaged,
    });
    const staffPepperProvider = new SafeStorageKeyProvider({
      safeStorage,
      wrappedKeyPath: staffPepperPaths(config.dataDir).wrappedKeyFile,
      allowBasicText: !app.isPackaged,
    });
    runtime = await createKioskRuntime(config, 'electron', { outboxKeyProvider, staffPepperProvider });
  } catch (err) {
    return fail(err);
  }
  const { maintenance } = runtime.config;
  // Replaces Electron's error dialog, which an unattended kiosk must never show: stop, relaunch.
  installFatalErrorPolicy({
    log,
    shutdown: () => runtime.stop(),
    exit: (code) => {
      if (!maintenance) app.relaunch();
      app.exit(code);
    },
  });
  denyAllPermissions();
  serveRenderer(join(__dirname, '..', 'renderer'));
  powerSaveBlocker.start('prevent-display-sleep');

  const window = createKioskWindow(BrowserWindow, join(__dirname, 'preload.js'), maintenance);
  const contents = window.webContents;
  blockShortcuts(contents, maintenance);
  watchRenderer(window, () => runtime.rendererGone());

  ipcMain.handle('kiosk:invoke', (event, channel: unknown, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame, contents, event.sender)) {
      log.warn('refused IPC from an untrusted frame');
      return { ok: false, error: { code: 'unknown-channel', messageKey: 'errors.unknown-channel' } };
    }
    return runtime.router.dispatch(channel, payload);
  });
  runtime.hub.addSink((channel, payload) => {
    if (!contents.isDestroyed()) contents.send('kiosk:event', channel, payload);
  });

  app.on('second-instance', () => window.focus());
  app.on('window-all-closed', () => {
    // A kiosk has no "closed" state: outside maintenance the window comes back.
    if (maintenance) {
      void runtime.stop().then(() => app.quit());
    } else {
      app.relaunch();
      app.exit(0);
    }
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_ENTRY);
}

function fail(err: unknown): void {
  // The same operator paragraph and exit code as the browser shell (a broken store exits 3).
  const failure = describeStartupFailure(err);
  console.error(failure.text);
  app.exit(failure.exitCode);
}
