/**
 * A CardSession over one pcsclite reader: exclusive connect, one APDU at a time, disconnect
 * with a card reset so verified PINs never outlive the session.
 *
 * A card (or reader) that stops answering: pcsclite cannot cancel an SCardTransmit in flight (the
 * addon holds the reader's lock for the whole exchange, and vpcd waits on its socket without a
 * limit), so the session stops waiting after the APDU's bound, rejects with `card-timeout` and
 * dies. The native call is left to end on its own (the card pulled, pcscd gone, or a late answer,
 * which is dropped unread); only then can the card be reset (disconnect with SCARD_RESET_CARD),
 * and until then the manager refuses new sessions on this reader (`unanswered`), so no caller
 * ever queues behind it and no second call piles onto the addon's thread pool.
 */
import { CardError, SESSION_FATAL_CODES } from '../card-errors';
import { DEFAULT_APDU_TIMEOUT_MS, type CardSession } from '../card-reader-manager';
import { cardErrorFromPcsc } from './pcsc-error-map';
import type { PcscReaderLike } from './pcsclite-types';

/** Receive buffer: an extended-length answer (65536 + SW). */
const MAX_RESPONSE = 65538;

type DeadCode = 'card-removed' | 'reader-gone' | 'card-timeout';

export class PcscSession implements CardSession {
  private open = true;
  private busy = false;
  private released = false;
  private deadCode: DeadCode | undefined;
  /** Settles when a native call that outlived its bound finally returns; undefined if none did. */
  private pendingNative: Promise<void> | undefined;
  /** True from a time-out until the card was reset after it. */
  private resetOwed = false;

  constructor(
    private readonly reader: PcscReaderLike,
    private readonly protocol: number,
    readonly atr: Uint8Array,
    private readonly onClosed: (s: PcscSession) => void,
  ) {}

  get readerName(): string {
    return this.reader.name;
  }

  get isOpen(): boolean {
    return this.open;
  }

  /**
   * True from a time-out until the card was reset after it: a command this session gave up on is
   * still inside pcsclite, or the reset waiting for it has not run yet. The reader is not usable.
   */
  get awaitingReset(): boolean {
    return this.resetOwed;
  }

  /** Called by the manager when the card or reader went away: further calls fail with `code`. */
  kill(code: DeadCode): void {
    this.deadCode ??= code;
    this.open = false;
  }

  transmit(command: Uint8Array, timeoutMs: number = DEFAULT_APDU_TIMEOUT_MS): Promise<Uint8Array> {
    if (!this.open) return Promise.reject(new CardError(this.deadCode ?? 'card-removed', 'session is closed'));
    if (this.busy) return Promise.reject(new CardError('busy', 'an APDU is already in flight'));
    this.busy = true;
    const out = Buffer.from(command);
    let nativeReturned: () => void = () => undefined;
    return new Promise<Uint8Array>((resolve, reject) => {
      let gaveUp = false;
      const timer = setTimeout(() => {
        gaveUp = true;
        this.resetOwed = true;
        this.pendingNative = new Promise<void>((r) => (nativeReturned = r));
        this.kill('card-timeout');
        reject(new CardError('card-timeout', `no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.reader.transmit(out, MAX_RESPONSE, this.protocol, (err, response) => {
        clearTimeout(timer);
        this.busy = false;
        out.fill(0); // may hold a PIN
        if (gaveUp) {
          // A late answer (or the failure that ended the wait) of a command already reported as
          // `card-timeout`: dropped unread. The reader is free again, so the reset can go out.
          nativeReturned();
          return;
        }
        if (err) {
          const e = this.deadCode ? new CardError(this.deadCode, 'card or reader lost', { cause: err }) : cardErrorFromPcsc(err, 'transmit');
          if (SESSION_FATAL_CODES.includes(e.code)) this.kill(e.code === 'reader-gone' ? 'reader-gone' : 'card-removed');
          reject(e);
          return;
        }
        if (response.length < 2) {
          // No status word at all: the card stopped answering mid-exchange (vpcd reports a pulled
          // card this way). Treat it as removed so the operation ends and restarts from SELECT.
          this.kill('card-removed');
          reject(new CardError('card-removed', 'no answer from the card'));
          return;
        }
        resolve(new Uint8Array(response));
      });
    });
  }

  /**
   * Resolves at once when a command is still unanswered: the reset is sent when pcsclite gives
   * the reader back, and the manager learns the session is gone only then.
   */
  close(): Promise<void> {
    if (this.released) return Promise.resolve();
    this.released = true;
    this.open = false;
    const pending = this.pendingNative;
    if (pending) {
      void pending.then(() => this.resetAndRelease()).then(() => (this.resetOwed = false));
      return Promise.resolve();
    }
    return this.resetAndRelease();
  }

  private async resetAndRelease(): Promise<void> {
    await disconnectWithReset(this.reader);
    this.onClosed(this);
  }
}

/** SCardDisconnect with SCARD_RESET_CARD, so no verified PIN survives. Never rejects. */
export function disconnectWithReset(reader: PcscReaderLike): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!reader.connected) return resolve();
    try {
      reader.disconnect(reader.SCARD_RESET_CARD, (err) => {
        // A failed disconnect (card gone, service gone) must not leave pcsclite thinking it is
        // connected, or its next connect() would silently skip SCardConnect.
        if (err) reader.connected = false;
        resolve();
      });
    } catch {
      reader.connected = false;
      resolve();
    }
  });
}
