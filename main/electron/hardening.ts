/**
 * What the kiosk window may not do: navigate away, open windows, ask for permissions,
 * attach webviews, or take technician shortcuts outside maintenance mode.
 */
import { createLogger } from '../../platform/log';
import type { FrameLike, NavigationEvent, PermissionSession, ShellApp, ShellWebContents } from './electron-api';
import { isKioskAppUrl } from './window-options';

const log = createLogger('electron');

/** Denies every permission request and check, for every session (checklist item 5). */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    log.warn({ permission }, 'denied a permission request');
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Applies to every web contents the app ever creates (checklist items 11–14). */
export function lockDownWebContents(app: ShellApp): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
}

function lockDown(contents: ShellWebContents): void {
  // 'will-navigate' is the main frame only; 'will-frame-navigate' covers every frame (Electron docs).
  contents.on('will-navigate', keepInsideApp);
  contents.on('will-frame-navigate', keepInsideApp);
  // The app protocol never redirects: any redirect is someone else's.
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => {
    log.warn('blocked a new window');
    return { action: 'deny' };
  });
}

function keepInsideApp(event: NavigationEvent): void {
  if (isKioskAppUrl(event.url)) return;
  event.preventDefault();
  log.warn({ isMainFrame: event.isMainFrame }, 'blocked a navigation away from the app');
}

const BLOCKED_KEYS = new Set(['f5', 'f11', 'f12', 'r', 'w', 'q', 'i', 'j', 'p', 'n', 't', '+', '-', '=', '0', 'tab', 'escape']);

/** Blocks reload, devtools, zoom, print and quit shortcuts unless in maintenance mode. */
export function blockShortcuts(contents: ShellWebContents, maintenance: boolean): void {
  if (maintenance) return;
  contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  contents.on('before-input-event', (event, input) => {
    const key = input.key.toLowerCase();
    const withModifier = input.control || input.meta || input.alt;
    if (key.startsWith('f') && key.length <= 3 && key !== 'f') event.preventDefault();
    else if (withModifier && BLOCKED_KEYS.has(key)) event.preventDefault();
  });
}

/**
 * True when an IPC message comes from our own top frame (checklist item 17): the kiosk's web
 * contents, no parent frame, and a URL on `app://kiosk/` itself.
 */
export function isTrustedSender(frame: FrameLike | null, expected: ShellWebContents, sender: object): boolean {
  if (!frame || sender !== expected || frame.parent !== null) return false;
  return isKioskAppUrl(frame.url);
}
