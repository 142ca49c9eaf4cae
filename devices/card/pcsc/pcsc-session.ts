/**
 * A CardSession over one pcsclite reader: exclusive connect, one APDU at a time, disconnect
 * with a card reset so verified PINs never outlive the session.
 */
import { CardError, SESSION_FATAL_CODES } from '../card-errors';
import type { CardSession } from '../card-reader-manager';
import { cardErrorFromPcsc } from './pcsc-error-map';
import type { PcscReaderLike } from './pcsclite-types';

/** Receive buffer: an extended-length answer (65536 + SW). */
const MAX_RESPONSE = 65538;

export class PcscSession implements CardSession {
  private open = true;
  private busy = false;
  private released = false;
  private deadCode: 'card-removed' | 'reader-gone' | undefined;

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

  /** Called by the manager when the card or reader went away: further calls fail with `code`. */
  kill(code: 'card-removed' | 'reader-gone'): void {
    this.deadCode ??= code;
    this.open = false;
  }

  transmit(command: Uint8Array): Promise<Uint8Array> {
    if (!this.open) return Promise.reject(new CardError(this.deadCode ?? 'card-removed', 'session is closed'));
    if (this.busy) return Promise.reject(new CardError('busy', 'an APDU is already in flight'));
    this.busy = true;
    const out = Buffer.from(command);
    return new Promise<Uint8Array>((resolve, reject) => {
      this.reader.transmit(out, MAX_RESPONSE, this.protocol, (err, response) => {
        this.busy = false;
        out.fill(0); // may hold a PIN
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

  close(): Promise<void> {
    if (this.released) return Promise.resolve();
    this.released = true;
    this.open = false;
    return new Promise<void>((resolve) => {
      const done = () => {
        this.onClosed(this);
        resolve();
      };
      if (!this.reader.connected) return done();
      try {
        this.reader.disconnect(this.reader.SCARD_RESET_CARD, (err) => {
          // A failed disconnect (card gone, service gone) must not leave pcsclite thinking it is
          // connected, or its next connect() would silently skip SCardConnect.
          if (err) this.reader.connected = false;
          done();
        });
      } catch {
        this.reader.connected = false;
        done();
      }
    });
  }
}
