/**
 * A typed fake of the Electron API the shell uses, following Electron's documented behaviour
 * (docs/api/*.md and lib/ of electron/electron, v45), with real URL strings. The main-process
 * half fits `ElectronMainApi` (main/electron/electron-api.ts), so tests hand it to the shell
 * exactly where `electron-main.ts` hands the real module. Its own behaviour is pinned by
 * test/unit/electron/fake-electron.test.ts.
 */
import { FakeApp, FakeMachine } from './fake-app';
import { browserWindowClass, type FakeBrowserWindow } from './fake-browser-window';
import { requireReady } from './fake-event';
import { FakeContextBridge, FakeIpcMain, FakeIpcRenderer } from './fake-ipc';
import { FakePowerSaveBlocker } from './fake-power-save-blocker';
import { FakeProtocol } from './fake-protocol';
import { FakeKeystore, FakeSafeStorage } from './fake-safe-storage';
import { FakeSession } from './fake-session';
import type { FakeWebContents, FakeWebFrameMain } from './fake-web-contents';

export { FakeApp, FakeMachine } from './fake-app';
export { FakeBrowserWindow } from './fake-browser-window';
export { FakeEvent, FakeNavigationEvent } from './fake-event';
export { FakeContextBridge, FakeIpcMain, FakeIpcRenderer, type FakeInvokeEvent } from './fake-ipc';
export { FakeKeystore, FakeSafeStorage } from './fake-safe-storage';
export { FakeSession } from './fake-session';
export { chromiumOrigin, FakeWebContents, FakeWebFrameMain } from './fake-web-contents';

export interface FakeElectronOptions {
  /** Shared by instances started on the same machine (single-instance lock). */
  machine?: FakeMachine;
  argv?: string[];
  isPackaged?: boolean;
  keystore?: FakeKeystore;
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

export function createFakeElectron(options: FakeElectronOptions = {}) {
  const app = new FakeApp(options.machine ?? new FakeMachine(), options.argv ?? ['electron', '.'], options.isPackaged ?? true);
  const protocol = new FakeProtocol(app);
  const windows: FakeBrowserWindow[] = [];
  const defaultSession = new FakeSession();
  const ipcMain = new FakeIpcMain();
  return {
    app,
    BrowserWindow: browserWindowClass({ app, protocol, windows }),
    ipcMain,
    protocol,
    session: {
      get defaultSession(): FakeSession {
        requireReady(app.isReady, 'session.defaultSession');
        return defaultSession;
      },
    },
    powerSaveBlocker: new FakePowerSaveBlocker(),
    safeStorage: new FakeSafeStorage(app, options.keystore ?? new FakeKeystore()),
    /** Every window created, oldest first. */
    windows,
    /** The renderer half for one frame: its preload's `ipcRenderer` and `contextBridge`. */
    rendererFor(contents: FakeWebContents, frame: FakeWebFrameMain = contents.mainFrame) {
      return { ipcRenderer: new FakeIpcRenderer(ipcMain, contents, frame), contextBridge: new FakeContextBridge() };
    },
  };
}
