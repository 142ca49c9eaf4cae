/**
 * Picks the reader backend from config: `sim` (in-process simulator reader) or `real`
 * (PC/SC). Everything above works the same with either (AusweisApp's plugin registry).
 */
import type { CardBackendType, CardReaderManager } from './card-reader-manager';
import { PcscReaderManager } from './pcsc/pcsc-reader-manager';
import { SimReaderBackend } from './sim/sim-reader-backend';

/** Card-reader configuration. */
export interface CardReaderConfig {
  /** `sim` = in-process simulator reader; `real` = PC/SC readers through pcscd. */
  readonly backend: CardBackendType;
  /**
   * `real` only: regular-expression sources of reader names accepted although they look virtual
   * (e.g. `"^Virtual PCD 00 00$"` for a vpcd test rig). Empty in production.
   */
  readonly allowReaderPatterns?: readonly string[];
  /** `sim` only: the simulator reader's name. */
  readonly simReaderName?: string;
  /** `sim` only: added latency per APDU in ms (demo realism). */
  readonly simLatencyMs?: number;
  /** `real` only: reconnect backoff after pcscd went away (default 100 ms doubling to 2000 ms). */
  readonly reconnectBackoffMs?: { readonly initial: number; readonly max: number };
}

/** Creates the reader manager for `config` (not started). */
export function createCardReaderManager(config: CardReaderConfig & { backend: 'sim' }): SimReaderBackend;
export function createCardReaderManager(config: CardReaderConfig): CardReaderManager;
export function createCardReaderManager(config: CardReaderConfig): CardReaderManager {
  if (config.backend === 'sim') {
    const opts: { readerName?: string; latencyMs?: number } = {};
    if (config.simReaderName !== undefined) opts.readerName = config.simReaderName;
    if (config.simLatencyMs !== undefined) opts.latencyMs = config.simLatencyMs;
    return new SimReaderBackend(opts);
  }
  return new PcscReaderManager({
    allowReaderPatterns: config.allowReaderPatterns ?? [],
    initialBackoffMs: config.reconnectBackoffMs?.initial ?? 100,
    maxBackoffMs: config.reconnectBackoffMs?.max ?? 2000,
  });
}
