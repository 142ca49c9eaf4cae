/**
 * What the kiosk window may not do: navigate away, open windows, ask for permissions,
 * attach webviews, or take technician shortcuts outside maintenance mode.
 */
import { app, session, type WebContents } from 'electron';
import { createLogger } from '../../platform/log';
import { APP_ORIGIN } from './window-options';

const log = createLogger('electron');

/** Denies every permission request and check, for every session (checklist item 5). */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => {
    log.warn({ permission }, 'denied a permission request');
    callback(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}

/** Applies to every web contents the app ever creates (checklist items 11–14). */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (new URL(url).origin !== APP_ORIGIN) {
        event.preventDefault();
        log.warn('blocked a navigation away from the app');
      }
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => {
      log.warn('blocked a new window');
      return { action: 'deny' };
    });
  });
}

const BLOCKED_KEYS = new Set(['f5', 'f11', 'f12', 'r', 'w', 'q', 'i', 'j', 'p', 'n', 't', '+', '-', '=', '0', 'tab', 'escape']);

/** Blocks reload, devtools, zoom, print and quit shortcuts unless in maintenance mode. */
export function blockShortcuts(contents: WebContents, maintenance: boolean): void {
  if (maintenance) return;
  contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  contents.on('before-input-event', (event, input) => {
    const key = input.key.toLowerCase();
    const withModifier = input.control || input.meta || input.alt;
    if (key.startsWith('f') && key.length <= 3 && key !== 'f') event.preventDefault();
    else if (withModifier && BLOCKED_KEYS.has(key)) event.preventDefault();
  });
}

/** True when an IPC message comes from our own top frame (checklist item 17). */
export function isTrustedSender(frame: { url: string; parent: unknown } | null, expected: WebContents, sender: WebContents): boolean {
  if (!frame || sender !== expected || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}
