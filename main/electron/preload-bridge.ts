/**
 * The thin preload's bridge: one namespaced object, two functions, nothing else from Electron.
 *
 * It checks only the shape of a channel name; main validates every message against the
 * contract and the renderer's kiosk client validates every answer.
 */
import { BRIDGE_GLOBAL, type KioskBridge } from '../../contract/bridge-api';
import type { WireResult } from '../../contract/envelope';
import type { ShellContextBridge, ShellIpcRenderer } from './electron-api';

/** The one IPC channel for requests (renderer → main) and the one for events (main → renderer). */
export const INVOKE_CHANNEL = 'kiosk:invoke';
export const EVENT_CHANNEL = 'kiosk:event';

const CHANNEL = /^[a-z][a-zA-Z]{0,31}\.[a-z][a-zA-Z]{0,47}$/;

export function createKioskBridge(ipcRenderer: ShellIpcRenderer): KioskBridge {
  return {
    invoke: (channel, payload) => {
      if (typeof channel !== 'string' || !CHANNEL.test(channel)) {
        return Promise.resolve<WireResult>({ ok: false, error: { code: 'unknown-channel', messageKey: 'errors.unknown-channel' } });
      }
      return ipcRenderer.invoke(INVOKE_CHANNEL, channel, payload) as Promise<WireResult>;
    },
    onEvent: (listener) => {
      const wrapped = (_event: unknown, channel: unknown, payload: unknown) => {
        if (typeof channel === 'string') listener(channel, payload);
      };
      ipcRenderer.on(EVENT_CHANNEL, wrapped);
      return () => void ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    },
  };
}

export function exposeKioskBridge(contextBridge: ShellContextBridge, ipcRenderer: ShellIpcRenderer): void {
  contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createKioskBridge(ipcRenderer));
}
