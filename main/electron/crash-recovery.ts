/**
 * Keeps the kiosk window alive: a crashed, hung or failed renderer is reloaded a few
 * times; when reloads keep failing the whole app relaunches. Each event ends the citizen
 * session first, so nobody's data survives into the reloaded page.
 */
import { createLogger } from '../../platform/log';
import type { ShellApp, ShellWindow } from './electron-api';

const log = createLogger('electron');

export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 10 * 60 * 1000;

/** Chromium's net::ERR_ABORTED: a load cancelled or superseded by another navigation, not a failure. */
const ERR_ABORTED = -3;

export function watchRenderer(app: ShellApp, window: ShellWindow, onGone: () => Promise<void>, now: () => number = Date.now): void {
  const reloads: number[] = [];
  const recover = async (why: string) => {
    await onGone();
    const at = now();
    while (reloads.length && at - reloads[0]! > RELOAD_WINDOW_MS) reloads.shift();
    if (reloads.length >= MAX_RELOADS) {
      log.fatal({ why, reloads: reloads.length }, 'renderer keeps failing; relaunching the app');
      app.relaunch();
      app.exit(0);
      return;
    }
    reloads.push(at);
    log.error({ why, reloads: reloads.length }, 'reloading the renderer');
    window.webContents.reload();
  };

  window.webContents.on('render-process-gone', (_e, details) => void recover(`gone:${details.reason}`));
  window.on('unresponsive', () => void recover('unresponsive'));
  window.webContents.on('did-fail-load', (_e, code, _desc, _url, isMainFrame) => {
    if (isMainFrame && code !== ERR_ABORTED) void recover(`fail-load:${code}`);
  });
}
