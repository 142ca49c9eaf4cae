/**
 * The hardware-neutral reader abstraction (after AusweisApp's ReaderManager plugins and
 * serialport's BindingInterface): one interface, a PC/SC backend (`pcsc/`) and an in-process
 * simulator backend (`sim/`). Code above this file never knows which one it talks to.
 */

/** Which backend hosts the readers. */
export type CardBackendType = 'sim' | 'real';

/** A snapshot of one reader, as the UI and the client see it. */
export interface CardReaderInfo {
  /** The reader's name as PC/SC reports it (the simulator uses a reader-like name too). */
  readonly name: string;
  /** True while a card is present and powered in the reader. */
  readonly cardPresent: boolean;
  /** The card's ATR while present (informational only: cards are detected by SELECT, not ATR). */
  readonly atr: Uint8Array | undefined;
}

/** Events a reader manager emits. Listeners run asynchronously, after the state has changed. */
export interface CardReaderEvents {
  /** A reader appeared (hot-plug, start-up, or after the PC/SC service came back). */
  readerAdded: (reader: CardReaderInfo) => void;
  /** A reader disappeared (unplugged, or the PC/SC service went away). */
  readerRemoved: (readerName: string) => void;
  /** A card was inserted into a reader. */
  cardInserted: (reader: CardReaderInfo) => void;
  /** A card was removed from a reader. Any open session on it is now dead. */
  cardRemoved: (readerName: string) => void;
  /** The PC/SC service was lost; the manager is reconnecting with backoff. */
  serviceLost: () => void;
  /** The PC/SC service is back (a new context was established). */
  serviceRestored: () => void;
}

/**
 * How long one APDU may wait for its answer when the caller names no bound. The reference gives
 * no timing for any command; the slowest one, an RSA-2048 COMPUTE SIGNATURE, takes well under a
 * second on the card, so 5 s only trips for a card or reader that has stopped answering.
 */
export const DEFAULT_APDU_TIMEOUT_MS = 5000;

/** An exclusive connection to the card in one reader. */
export interface CardSession {
  /** The reader this session talks to. */
  readonly readerName: string;
  /** The ATR at connect time. */
  readonly atr: Uint8Array;
  /** False once the session was closed, the card removed or the reader lost. */
  readonly isOpen: boolean;
  /**
   * Sends one command APDU and resolves with the raw response (data + SW1 SW2).
   * Rejects with CardError `card-removed`, `reader-gone` or `no-card`; never retries.
   * One APDU at a time: a second call while one is pending rejects with `busy`.
   * No answer within `timeoutMs` (default DEFAULT_APDU_TIMEOUT_MS) rejects with `card-timeout`:
   * the session is then dead, a late answer is dropped unread, and the card is reset as soon as
   * the reader lets go of the unanswered command (the reader refuses new sessions until then).
   */
  transmit(command: Uint8Array, timeoutMs?: number): Promise<Uint8Array>;
  /** Ends the session and resets the card, so no verified-PIN state survives it. Never rejects. */
  close(): Promise<void>;
}

/** Watches readers and opens sessions. Implemented by the PC/SC and the simulator backends. */
export interface CardReaderManager {
  /** Which backend this is. */
  readonly backend: CardBackendType;
  /** Starts watching readers; resolves once the initial reader list is known (or the service is absent). */
  start(): Promise<void>;
  /** Stops watching and releases every context, session and timer. Idempotent. */
  stop(): Promise<void>;
  /** The readers currently known (allowed ones only). */
  listReaders(): readonly CardReaderInfo[];
  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof CardReaderEvents>(event: K, listener: CardReaderEvents[K]): () => void;
  /**
   * Connects to the card in `readerName`. Rejects with CardError `no-reader` (unknown or refused
   * reader), `no-card`, `reader-gone`, `busy` (a session is already open on that reader) or
   * `card-timeout` (no answer within `timeoutMs`, default DEFAULT_APDU_TIMEOUT_MS, or an earlier
   * command to the card in that reader is still unanswered).
   */
  connect(readerName: string, timeoutMs?: number): Promise<CardSession>;
}
