/**
 * The HID transport contract for payment devices: raw reports in and out, nothing else.
 *
 * Two implementations sit side by side: `NodeHidTransport` (real hardware through node-hid)
 * and `SimHidTransport` (an in-process simulated device producing byte-identical reports).
 * Code above this interface (CashUnit) is the same for both.
 *
 * Report convention (as node-hid/hidapi): byte 0 of every report is the HID report ID, for
 * writes and for received reports. A device without numbered reports uses report ID 0; the
 * real transport normalises its input reports so byte 0 is always the report ID.
 */
export type HidTransportErrorCode = 'not-found' | 'open-failed' | 'write-failed' | 'short-write' | 'bad-report' | 'disconnected' | 'closed';

/** Typed transport error; `code` says what happened, the message never contains report bytes. */
export class HidTransportError extends Error {
  override readonly name = 'HidTransportError';
  constructor(
    readonly code: HidTransportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface HidTransportEvents {
  /** One input report from the device, report ID first. The array is the listener's own copy. */
  report: (report: Uint8Array) => void;
  /** A non-fatal transport problem (the transport is still open). */
  error: (err: HidTransportError) => void;
  /** The device went away (unplugged, read failure). Emitted once; the transport is then closed. */
  disconnect: (err: HidTransportError) => void;
}

export interface HidTransport {
  /** A loggable description (`hid:054c:0a1b`, `sim:cash-unit`); no serial numbers. */
  readonly description: string;
  /** True until `close()` or a disconnect. */
  readonly isOpen: boolean;
  /**
   * Sends one output report (report ID first). Resolves when the OS accepted it; rejects with
   * HidTransportError (`closed`, `disconnected`, `write-failed`, `short-write`, `bad-report`).
   */
  write(report: Uint8Array): Promise<void>;
  /** Subscribes to `report`, `error` or `disconnect`; returns the unsubscribe function. */
  on<K extends keyof HidTransportEvents>(event: K, listener: HidTransportEvents[K]): () => void;
  /** Closes the device; idempotent. No events are emitted afterwards. */
  close(): Promise<void>;
}
