/**
 * The parts of Electron's API the shell uses, as narrow structural types.
 *
 * WHY: Node cannot load the `electron` package without Electron's downloaded runtime, so the
 * shell's modules never import it at run time. `electron-main.ts` and `preload.ts` pass the real
 * module in (the compiler checks that it fits these types); tests pass the documented-behaviour
 * fake in `test/support/fake-electron/`. Every member mirrors `electron.d.ts` (Electron 45),
 * keeping only the arguments the shell reads.
 */
import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron';
import type { SafeStorageLike } from '../outbox/safe-storage-key-provider';

/** An Electron event whose default action the handler may cancel. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** `WebFrameMain`: `parent` is null for a top frame; `url` is '' for a frame opened to about:blank. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** `Event<WebContentsWillNavigateEventParams>` and its siblings (will-frame-navigate, will-redirect). */
export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
  readonly isMainFrame: boolean;
}

/** `Input` of 'before-input-event'. */
export interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

/** `HandlerDetails` of `setWindowOpenHandler`. */
export interface WindowOpenDetails {
  readonly url: string;
}

/** `RenderProcessGoneDetails`. */
export interface GoneDetails {
  readonly reason: string;
  readonly exitCode: number;
}

export interface ShellWebContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent, webPreferences: object, params: Record<string, string>) => void): unknown;
  on(event: 'before-input-event', listener: (event: PreventableEvent, input: KeyInput) => void): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: GoneDetails) => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' } | { action: 'allow' }): void;
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void>;
  reload(): void;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface ShellWindow {
  readonly webContents: ShellWebContents;
  on(event: 'unresponsive', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  loadURL(url: string): Promise<void>;
}

export interface ShellApp {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  relaunch(): void;
  exit(exitCode?: number): void;
  quit(): void;
  on(event: 'web-contents-created', listener: (event: unknown, contents: ShellWebContents) => void): unknown;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
}

/** `IpcMainInvokeEvent`: `senderFrame` may be null once the frame navigated or was destroyed. */
export interface InvokeEvent {
  readonly sender: object;
  readonly senderFrame: FrameLike | null;
}

export interface ShellIpcMain {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}

export interface ShellProtocol {
  /** Only before the app's 'ready'. */
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (permissionGranted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: object) => boolean): void;
}

export interface ShellPowerSaveBlocker {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number;
}

/** What `electron-main.ts` hands the shell: a subset of `require('electron')` in the main process. */
export interface ElectronMainApi {
  app: ShellApp;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => ShellWindow;
  ipcMain: ShellIpcMain;
  protocol: ShellProtocol;
  session: { readonly defaultSession: PermissionSession };
  powerSaveBlocker: ShellPowerSaveBlocker;
  safeStorage: SafeStorageLike;
}

/** The preload's `ipcRenderer` (sandboxed renderer). */
export interface ShellIpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface ShellContextBridge {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}
