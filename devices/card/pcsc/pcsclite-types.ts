/**
 * The slice of the `pcsclite` npm module this backend uses, as interfaces, so the backend can
 * be driven by a fake in unit tests (as AusweisApp fakes PC/SC at its C boundary).
 */
import type { EventEmitter } from 'node:events';

/** One reader object from pcsclite. */
export interface PcscReaderLike extends EventEmitter {
  readonly name: string;
  connected: boolean;
  readonly SCARD_SHARE_EXCLUSIVE: number;
  readonly SCARD_STATE_PRESENT: number;
  readonly SCARD_STATE_MUTE: number;
  readonly SCARD_RESET_CARD: number;
  connect(options: { share_mode?: number; protocol?: number }, cb: (err: unknown, protocol: number) => void): void;
  disconnect(disposition: number, cb: (err: unknown) => void): void;
  transmit(data: Buffer, resLen: number, protocol: number, cb: (err: unknown, response: Buffer) => void): void;
  close(): void;
}

/** The context object pcsclite returns (`pcsclite()`), emitting 'reader' and 'error'. */
export interface PcscLiteLike extends EventEmitter {
  close(): void;
}

/** Creates a context; throws when the PC/SC service is not running. */
export type PcscFactory = () => PcscLiteLike;

/** Loads the native module lazily, so the `sim` backend never loads the addon. */
export async function loadPcscFactory(): Promise<PcscFactory> {
  const mod = (await import('pcsclite')) as unknown as { default?: PcscFactory } & PcscFactory;
  return (typeof mod.default === 'function' ? mod.default : mod) as PcscFactory;
}
