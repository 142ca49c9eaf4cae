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

/**
 * Browser shell: how a page authenticates its WebSocket (as a sub-protocol next to
 * `BRIDGE_PROTOCOL`). A new page shows the single-use bootstrap token from its start
 * address (`b.` + hex); the server answers with the session secret (`k.` + hex) in a
 * `BRIDGE_SESSION_CHANNEL` event, which the page keeps for reconnects after a reload.
 */
export const BRIDGE_PROTOCOL = 'madoguchi.v1';
export const BRIDGE_PATH = '/bridge';
export const BOOTSTRAP_PREFIX = 'b.';
export const SESSION_PREFIX = 'k.';
/** The event that carries the session secret; the page's bridge consumes it, screens never see it. */
export const BRIDGE_SESSION_CHANNEL = 'bridge.session';
/** Close code of a connection refused because another renderer is connected. */
export const BRIDGE_BUSY_CLOSE = 4009;
