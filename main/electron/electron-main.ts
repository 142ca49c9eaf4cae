/**
 * Entry of the Electron shell (production): the real Electron module and the real runtime,
 * handed to `runElectronShell` (one fullscreen kiosk window, sandboxed renderer on
 * `app://kiosk/`, the main-side runtime behind `kiosk:invoke`).
 */
import * as electron from 'electron';
import { join } from 'node:path';
import { assertDeployable } from '../config/deployment-guard';
import { resolveConfig } from '../config/load-config';
import { outboxPaths } from '../application-journey/outbox-paths';
import { createKioskRuntime } from '../kiosk-runtime';
import { describeStartupFailure } from '../startup-failure';
import { SafeStorageKeyProvider } from '../outbox';
import { runHashPasscodeCli } from '../staff/hash-passcode-cli';
import { terminalHashPasscodeIo } from '../staff/read-passcode';
import { staffPepperPaths } from '../staff/staff-pepper';
import type { ElectronMainApi } from './electron-api';
import { runElectronShell } from './electron-shell';

const api: ElectronMainApi = electron;
const HASH_PASSCODE_FLAG = '--hash-staff-passcode';

if (process.argv.includes(HASH_PASSCODE_FLAG)) {
  // The admin's hash tool, run on the kiosk (the pepper is wrapped by this machine's OS keystore):
  // `printf '%s\n' "$PASSCODE" | madoguchi --hash-staff-passcode [--data-dir <dir>]`. No window.
  const args = process.argv.slice(process.argv.indexOf(HASH_PASSCODE_FLAG) + 1);
  const pepperProvider = (dataDir: string) =>
    new SafeStorageKeyProvider({ safeStorage: api.safeStorage, wrappedKeyPath: staffPepperPaths(dataDir).wrappedKeyFile, allowBasicText: !api.app.isPackaged });
  api.app
    .whenReady()
    .then(() => runHashPasscodeCli(args, terminalHashPasscodeIo, pepperProvider))
    .then((code) => api.app.exit(code), (err: unknown) => fail(err));
} else {
  void runElectronShell(api, {
  rendererDir: join(__dirname, '..', 'renderer'),
  preloadPath: join(__dirname, 'preload.js'),
  createRuntime: async ({ app, safeStorage }) => {
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
    return createKioskRuntime(config, 'electron', { outboxKeyProvider, staffPepperProvider });
  },
  fail,
  });
}

function fail(err: unknown): void {
  // The same operator paragraph and exit code as the browser shell (a broken store exits 3).
  const failure = describeStartupFailure(err);
  console.error(failure.text);
  api.app.exit(failure.exitCode);
}
