/**
 * The shape of the object the Electron preload exposes as `window.madoguchi`, which the
 * browser shell's WebSocket client implements too. It is deliberately untyped per channel:
 * the renderer's kiosk client adds the types and validation from `kiosk-api.ts`.
 */
import type { WireResult } from './envelope';

export interface KioskBridge {
  /** Sends one request; resolves with the result envelope (never rejects for handler errors). */
  invoke(channel: string, payload: unknown): Promise<WireResult>;
  /** Subscribes to every event; returns the unsubscribe function. */
  onEvent(listener: (channel: string, payload: unknown) => void): () => void;
}

/** The global name under which the Electron preload exposes the bridge. */
export const BRIDGE_GLOBAL = 'madoguchi';
