/**
 * The kiosk window's options, kept pure so a test can check every security setting
 * without an Electron runtime.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** The privileged scheme the renderer is served from (not file://: checklist item 18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export function kioskWindowOptions(preloadPath: string, maintenance: boolean): BrowserWindowConstructorOptions {
  return {
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
      spellcheck: false,
      devTools: maintenance,
      safeDialogs: true,
      disableDialogs: true,
      autoplayPolicy: 'user-gesture-required',
    },
  };
}
