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
import { terminalHashPasscodeIo } from '../staff/read-passcode';
import { staffPepperPaths } from '../staff/staff-pepper';
import type { ElectronMainApi } from './electron-api';
import { runElectronShell } from './electron-shell';
import { runHashPasscodeToolIfAsked } from './hash-passcode-tool';

const api: ElectronMainApi = electron;
if (!runHashPasscodeToolIfAsked(api, process.argv, terminalHashPasscodeIo, fail)) {
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
