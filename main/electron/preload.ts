/**
 * The thin preload: one namespaced object, two functions, nothing else from Electron.
 *
 * It checks only the shape of a channel name; main validates every message against the
 * contract and the renderer's kiosk client validates every answer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { KioskBridge } from '../../contract/bridge-api';
import type { WireResult } from '../../contract/envelope';

const CHANNEL = /^[a-z][a-zA-Z]{0,31}\.[a-z][a-zA-Z]{0,47}$/;

const bridge: KioskBridge = {
  invoke: (channel, payload) => {
    if (typeof channel !== 'string' || !CHANNEL.test(channel)) {
      return Promise.resolve<WireResult>({ ok: false, error: { code: 'unknown-channel', messageKey: 'errors.unknown-channel' } });
    }
    return ipcRenderer.invoke('kiosk:invoke', channel, payload) as Promise<WireResult>;
  },
  onEvent: (listener) => {
    const wrapped = (_event: IpcRendererEvent, channel: unknown, payload: unknown) => {
      if (typeof channel === 'string') listener(channel, payload);
    };
    ipcRenderer.on('kiosk:event', wrapped);
    return () => ipcRenderer.removeListener('kiosk:event', wrapped);
  },
};

contextBridge.exposeInMainWorld('madoguchi', bridge);
