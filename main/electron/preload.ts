/**
 * The preload entry (bundled with `electron` external): exposes the kiosk bridge and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeKioskBridge } from './preload-bridge';

exposeKioskBridge(contextBridge, ipcRenderer);
