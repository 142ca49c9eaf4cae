/**
 * The kiosk window, built in one place so a test can check every security setting without
 * an Electron runtime: the constructor is passed in, and the test passes a recorder.
 * (The options stay an object literal at the `new BrowserWindow(...)` call, which is also
 * what @doyensec/electronegativity reads.)
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** The privileged scheme the renderer is served from (not file://: checklist item 18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * True for a URL on `app://kiosk/` exactly: that scheme, that host, no user, password or port.
 * WHY not `new URL(url).origin === APP_ORIGIN`: Node's WHATWG URL gives every non-special scheme
 * (such as `app:`) the opaque origin "null", so that comparison refused the kiosk's own page.
 */
export function isKioskAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '' && parsed.port === '';
}

export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

export function createKioskWindow<W>(BrowserWindow: WindowConstructor<W>, preloadPath: string, maintenance: boolean): W {
  return new BrowserWindow({
    fullscreen: !maintenance,
    kiosk: !maintenance,
    frame: maintenance,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: maintenance,
      safeDialogs: true,
      disableDialogs: true,
      autoplayPolicy: 'user-gesture-required',
    },
  });
}

/** The options `createKioskWindow` gives Electron, for tests and audits. */
export function kioskWindowOptions(preloadPath: string, maintenance: boolean): BrowserWindowConstructorOptions {
  class Recorder {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  }
  return createKioskWindow(Recorder, preloadPath, maintenance).options;
}
