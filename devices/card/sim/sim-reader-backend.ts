/**
 * The in-process simulator backend: one reader, named like a normal reader
 * ("Madoguchi Simulator 00 00"), hosting any `ApduCard`. Asynchronous like real hardware:
 * events and APDU answers arrive on a later tick. Tests and the demo use `insertCard`,
 * `removeCard`, `unplugReader`/`plugReader`, and `faults.beforeTransmit` to pull the card
 * at an exact APDU (or `faults.loseAnswer` to drop one answer on the link). A card that does not
 * answer (see silent-card.ts) leaves the APDU pending until its bound: `card-timeout`, the session
 * dies and the card is reset at once (the simulator's SCardDisconnect with reset, which a real
 * reader can only send once it lets go).
 */
import { CardError } from '../card-errors';
import { DEFAULT_APDU_TIMEOUT_MS, type CardReaderEvents, type CardReaderInfo, type CardReaderManager, type CardSession } from '../card-reader-manager';
import { TypedEmitter } from '../typed-emitter';
import type { ApduCard } from './apdu-card';

/** Default reader name: looks like a PC/SC name, says plainly that it is a simulator. */
export const SIM_READER_NAME = 'Madoguchi Simulator 00 00';

/** Options of the simulator backend. */
export interface SimReaderBackendOptions {
  /** Reader name (default SIM_READER_NAME). */
  readonly readerName?: string;
  /** Added delay per APDU in ms (default 0: answer on the next tick). */
  readonly latencyMs?: number;
}

/** Test hooks. */
export interface SimFaults {
  /**
   * Called before the card sees each APDU (0-based index since the session opened). It may call
   * `removeCard()` or `unplugReader()`: the pending APDU then fails like on real hardware.
   */
  beforeTransmit?: (index: number, command: Uint8Array) => void;
  /**
   * Called after the card answered each APDU. A CardError returned is thrown instead of the
   * answer (a link error: the card did the work, the kiosk never hears of it) and the session
   * stays open, so a layer that retried would reach the card again.
   */
  loseAnswer?: (index: number, command: Uint8Array) => CardError | undefined;
}

/** An answer `faults.loseAnswer` dropped: the session stays open. */
class LostAnswer {
  constructor(readonly error: CardError) {}
}

export class SimReaderBackend implements CardReaderManager {
  readonly backend = 'sim' as const;
  readonly readerName: string;
  /** Fault-injection hooks for tests. */
  readonly faults: SimFaults = {};
  private readonly latencyMs: number;
  private readonly events = new TypedEmitter<CardReaderEvents>();
  private card: ApduCard | undefined;
  private plugged = true;
  private started = false;
  /** Bumped on every removal/unplug: sessions of an older generation are dead. */
  private generation = 0;
  private session: SimSession | undefined;
  /** APDUs the card never answered: failed when the card or reader goes away, like on hardware. */
  private readonly unanswered = new Set<(e: CardError) => void>();

  constructor(opts: SimReaderBackendOptions = {}) {
    this.readerName = opts.readerName ?? SIM_READER_NAME;
    this.latencyMs = opts.latencyMs ?? 0;
  }

  /** @inheritdoc */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await tick(0);
    if (this.plugged) this.events.emit('readerAdded', this.info());
    if (this.plugged && this.card) this.events.emit('cardInserted', this.info());
  }

  /** @inheritdoc */
  async stop(): Promise<void> {
    this.started = false;
    this.generation++;
    this.session = undefined;
    this.failUnanswered(new CardError('reader-gone', 'reader stopped'));
    this.events.clear();
  }

  /** @inheritdoc */
  listReaders(): readonly CardReaderInfo[] {
    return this.started && this.plugged ? [this.info()] : [];
  }

  /** @inheritdoc */
  on<K extends keyof CardReaderEvents>(event: K, listener: CardReaderEvents[K]): () => void {
    return this.events.on(event, listener);
  }

  /** Puts `card` into the reader (cold reset, as a real insertion). Replaces any card present. */
  insertCard(card: ApduCard): void {
    if (this.card) this.removeCard();
    card.reset();
    this.card = card;
    if (this.started && this.plugged) this.events.emit('cardInserted', this.info());
  }

  /** Pulls the card out; an open session dies and a pending APDU fails with `card-removed`. */
  removeCard(): void {
    if (!this.card) return;
    this.card = undefined;
    this.generation++;
    this.session = undefined;
    this.failUnanswered(new CardError('card-removed', 'card removed'));
    if (this.started && this.plugged) this.events.emit('cardRemoved', this.readerName);
  }

  /** Unplugs the whole reader (with the card in it): sessions fail with `reader-gone`. */
  unplugReader(): void {
    if (!this.plugged) return;
    this.plugged = false;
    this.generation++;
    this.session = undefined;
    this.failUnanswered(new CardError('reader-gone', 'reader unplugged'));
    if (this.started) this.events.emit('readerRemoved', this.readerName);
  }

  /** Plugs the reader back in. */
  plugReader(): void {
    if (this.plugged) return;
    this.plugged = true;
    if (!this.started) return;
    this.events.emit('readerAdded', this.info());
    if (this.card) this.events.emit('cardInserted', this.info());
  }

  /** @inheritdoc */
  async connect(readerName: string): Promise<CardSession> {
    await tick(0);
    if (!this.started || !this.plugged || readerName !== this.readerName) {
      throw new CardError('no-reader', 'no such reader');
    }
    if (!this.card) throw new CardError('no-card', 'no card in the reader');
    if (this.session?.isOpen) throw new CardError('busy', 'a session is already open on this reader');
    const session = new SimSession(this, this.generation, this.card.atr);
    this.session = session;
    return session;
  }

  /** @internal Runs one APDU for a session of `generation`. */
  async exchange(generation: number, index: number, command: Uint8Array): Promise<Uint8Array> {
    await tick(this.latencyMs);
    this.check(generation);
    this.faults.beforeTransmit?.(index, command);
    this.check(generation);
    const card = this.card as ApduCard;
    // The card works on its own copy, as over a wire.
    const answer = card.transmit(Uint8Array.from(command));
    if (answer === null) return this.noAnswer();
    const response = Uint8Array.from(answer);
    // Pulled while the card was working: the reader reports the removal, not an answer.
    this.check(generation);
    const lost = this.faults.loseAnswer?.(index, command);
    if (lost) throw new LostAnswer(lost);
    return response;
  }

  /** A mute card: nothing comes back until the card or the reader goes away. */
  private noAnswer(): Promise<never> {
    return new Promise<never>((_, reject) => {
      const fail = (e: CardError): void => {
        this.unanswered.delete(fail);
        reject(e);
      };
      this.unanswered.add(fail);
    });
  }

  private failUnanswered(e: CardError): void {
    for (const fail of [...this.unanswered]) fail(e);
  }

  /** @internal Ends a session: a real reader resets the card on disconnect. */
  release(session: SimSession, generation: number): void {
    if (this.session === session) this.session = undefined;
    if (generation !== this.generation || !this.card) return;
    // The reset ends any exchange the card left unanswered (the session gave up on it already).
    this.failUnanswered(new CardError('card-timeout', 'card reset'));
    this.card.reset();
  }

  private check(generation: number): void {
    if (!this.plugged) throw new CardError('reader-gone', 'reader unplugged');
    if (generation !== this.generation || !this.card) throw new CardError('card-removed', 'card removed');
  }

  private info(): CardReaderInfo {
    return { name: this.readerName, cardPresent: this.card !== undefined, atr: this.card?.atr };
  }
}

class SimSession implements CardSession {
  readonly readerName: string;
  private open = true;
  private released = false;
  private busy = false;
  private sent = 0;

  constructor(
    private readonly backend: SimReaderBackend,
    private readonly generation: number,
    readonly atr: Uint8Array,
  ) {
    this.readerName = backend.readerName;
  }

  get isOpen(): boolean {
    return this.open;
  }

  async transmit(command: Uint8Array, timeoutMs: number = DEFAULT_APDU_TIMEOUT_MS): Promise<Uint8Array> {
    if (!this.open) throw new CardError('card-removed', 'session is closed');
    if (this.busy) throw new CardError('busy', 'an APDU is already in flight');
    this.busy = true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CardError('card-timeout', `no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.backend.exchange(this.generation, this.sent++, command), timedOut]);
    } catch (e) {
      if (e instanceof LostAnswer) throw e.error;
      this.open = false;
      // Dropped and reset at once: the next session finds a card that starts from scratch.
      if (e instanceof CardError && e.code === 'card-timeout') await this.close();
      throw e;
    } finally {
      clearTimeout(timer);
      this.busy = false;
    }
  }

  async close(): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.open = false;
    await tick(0);
    this.backend.release(this, this.generation);
  }
}

function tick(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
}
