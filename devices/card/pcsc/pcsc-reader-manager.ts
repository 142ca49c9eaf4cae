/**
 * The PC/SC backend (`real`): readers from pcscd through the `pcsclite` addon.
 *  - Hot-plug: readers appear/disappear, cards are inserted/removed, as events.
 *  - Recovery: when pcscd goes away (context error), every session dies with `reader-gone`,
 *    `serviceLost` is emitted and a new context is created with exponential backoff;
 *    `serviceRestored` follows. Events of an old context are ignored (generation counter).
 *  - Policy: readers whose names mark them virtual are refused unless allow-listed.
 *  - A card that stops answering: see pcsc-session.ts; its reader takes no new session until the
 *    unanswered command has ended and the card was reset.
 * Nothing here retries an APDU.
 */
import { CardError } from '../card-errors';
import { DEFAULT_APDU_TIMEOUT_MS, type CardReaderEvents, type CardReaderInfo, type CardReaderManager, type CardSession } from '../card-reader-manager';
import { TypedEmitter } from '../typed-emitter';
import { createLogger, errorCode } from '../../../platform/log';
import { cardErrorFromPcsc, pcscCodeOf } from './pcsc-error-map';
import { disconnectWithReset, PcscSession } from './pcsc-session';
import { loadPcscFactory, type PcscFactory, type PcscLiteLike, type PcscReaderLike } from './pcsclite-types';
import { isReaderAllowed, type ReaderNamePolicy } from './reader-name-policy';

const log = createLogger('card-pcsc');

/** Options of the PC/SC backend. */
export interface PcscReaderManagerOptions extends ReaderNamePolicy {
  /** First reconnect delay in ms (default 100); doubles up to `maxBackoffMs`. */
  readonly initialBackoffMs?: number;
  /** Longest reconnect delay in ms (default 2000). */
  readonly maxBackoffMs?: number;
  /** Injected context factory (tests); default loads the `pcsclite` addon. */
  readonly factory?: PcscFactory;
}

interface ReaderEntry {
  readonly reader: PcscReaderLike;
  cardPresent: boolean;
  atr: Uint8Array | undefined;
  session: PcscSession | undefined;
  /** An SCardConnect that outlived its bound is still inside pcsclite: the reader is not usable yet. */
  connectPending: boolean;
}

export class PcscReaderManager implements CardReaderManager {
  readonly backend = 'real' as const;
  private readonly events = new TypedEmitter<CardReaderEvents>();
  private readonly readers = new Map<string, ReaderEntry>();
  private factory: PcscFactory | undefined;
  private context: PcscLiteLike | undefined;
  private generation = 0;
  private running = false;
  private serviceDown = false;
  private backoffMs: number;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PcscReaderManagerOptions = {}) {
    this.backoffMs = options.initialBackoffMs ?? 100;
  }

  /** @inheritdoc */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.factory = this.options.factory ?? (await loadPcscFactory());
    this.establish();
    // pcsclite reports readers and their first status from its own threads; give them a moment.
    await new Promise((r) => setTimeout(r, 200));
  }

  /** @inheritdoc */
  async stop(): Promise<void> {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.dropAll('reader-gone', false);
    await this.closeContext();
    this.events.clear();
  }

  /** @inheritdoc */
  listReaders(): readonly CardReaderInfo[] {
    return [...this.readers.values()].map((e) => info(e));
  }

  /** @inheritdoc */
  on<K extends keyof CardReaderEvents>(event: K, listener: CardReaderEvents[K]): () => void {
    return this.events.on(event, listener);
  }

  /** @inheritdoc */
  async connect(readerName: string, timeoutMs: number = DEFAULT_APDU_TIMEOUT_MS): Promise<CardSession> {
    const entry = this.readers.get(readerName);
    if (!entry) throw new CardError('no-reader', 'no such reader');
    if (!entry.cardPresent) throw new CardError('no-card', 'no card in the reader');
    if (entry.session?.isOpen) throw new CardError('busy', 'a session is already open on this reader');
    // A command to this card is still unanswered inside pcsclite: a connect now would wait behind
    // it (and take a second thread of the addon's pool). Refuse at once; pulling the card frees it.
    if (entry.session?.awaitingReset || entry.connectPending) throw new CardError('card-timeout', 'the card in this reader has not answered');
    const r = entry.reader;
    const gen = this.generation;
    // A leftover handle (e.g. a disconnect that failed) would make pcsclite skip SCardConnect.
    if (r.connected) r.connected = false;
    const protocol = await new Promise<number>((resolve, reject) => {
      let gaveUp = false;
      const timer = setTimeout(() => {
        gaveUp = true;
        entry.connectPending = true;
        reject(new CardError('card-timeout', `connect: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      try {
        r.connect({ share_mode: r.SCARD_SHARE_EXCLUSIVE }, (err, proto) => {
          clearTimeout(timer);
          if (gaveUp) return releaseLateConnect(entry, err);
          if (err) reject(cardErrorFromPcsc(err, 'connect'));
          else if (typeof proto !== 'number') reject(new CardError('reader-gone', 'connect gave no protocol'));
          else resolve(proto);
        });
      } catch (e) {
        clearTimeout(timer);
        reject(cardErrorFromPcsc(e, 'connect'));
      }
    });
    if (gen !== this.generation || this.readers.get(readerName) !== entry) {
      throw new CardError('reader-gone', 'PC/SC service restarted during connect');
    }
    const session = new PcscSession(r, protocol, entry.atr ?? new Uint8Array(0), (s) => {
      if (entry.session === s) entry.session = undefined;
    });
    entry.session = session;
    return session;
  }

  private establish(): void {
    this.retryTimer = undefined;
    if (!this.running || !this.factory) return;
    let ctx: PcscLiteLike;
    try {
      ctx = this.factory();
    } catch (e) {
      log.warn({ code: errorCode(cardErrorFromPcsc(e, 'establish')), pcsc: pcscCodeOf(e) }, 'PC/SC service unavailable; retrying');
      this.markServiceDown();
      this.scheduleRetry();
      return;
    }
    const gen = ++this.generation;
    this.context = ctx;
    ctx.on('error', (err: unknown) => this.onServiceError(gen, err));
    ctx.on('reader', (r: PcscReaderLike) => this.onReader(gen, r));
    this.backoffMs = this.options.initialBackoffMs ?? 100;
    if (this.serviceDown) {
      this.serviceDown = false;
      log.info('PC/SC service restored');
      this.events.emit('serviceRestored');
    }
  }

  private scheduleRetry(): void {
    if (!this.running || this.retryTimer) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 2000);
    this.retryTimer = setTimeout(() => this.establish(), delay);
    this.retryTimer.unref?.();
  }

  private markServiceDown(): void {
    if (this.serviceDown) return;
    this.serviceDown = true;
    this.events.emit('serviceLost');
  }

  private onServiceError(gen: number, err: unknown): void {
    if (gen !== this.generation || !this.running) return;
    log.warn({ code: errorCode(cardErrorFromPcsc(err, 'watch')), pcsc: pcscCodeOf(err) }, 'PC/SC context lost');
    this.generation++; // everything from the old context is stale from now on
    this.dropAll('reader-gone', true);
    void this.closeContext();
    this.markServiceDown();
    this.scheduleRetry();
  }

  private onReader(gen: number, r: PcscReaderLike): void {
    // Always listen for 'error': an unhandled 'error' event would crash the process.
    r.on('error', (err: unknown) => {
      if (gen === this.generation) log.debug({ reader: r.name, code: errorCode(cardErrorFromPcsc(err, 'status')), pcsc: pcscCodeOf(err) }, 'reader error');
    });
    if (gen !== this.generation) return;
    if (!isReaderAllowed(r.name, this.options)) {
      log.warn({ reader: r.name }, 'virtual reader refused in real mode (not allow-listed)');
      return;
    }
    const entry: ReaderEntry = { reader: r, cardPresent: false, atr: undefined, session: undefined, connectPending: false };
    this.readers.set(r.name, entry);
    r.on('status', (s: { state: number; atr?: Buffer }) => this.onStatus(gen, entry, s));
    r.on('end', () => this.onReaderEnd(gen, entry));
    log.info({ reader: r.name }, 'reader added');
    this.events.emit('readerAdded', info(entry));
  }

  private onStatus(gen: number, entry: ReaderEntry, s: { state: number; atr?: Buffer }): void {
    if (gen !== this.generation || this.readers.get(entry.reader.name) !== entry) return;
    const r = entry.reader;
    const present = (s.state & r.SCARD_STATE_PRESENT) !== 0 && (s.state & r.SCARD_STATE_MUTE) === 0;
    if (present === entry.cardPresent) return;
    entry.cardPresent = present;
    if (present) {
      entry.atr = s.atr && s.atr.length > 0 ? new Uint8Array(s.atr) : undefined;
      log.info({ reader: r.name }, 'card inserted');
      this.events.emit('cardInserted', info(entry));
    } else {
      entry.atr = undefined;
      entry.session?.kill('card-removed');
      log.info({ reader: r.name }, 'card removed');
      this.events.emit('cardRemoved', r.name);
    }
  }

  private onReaderEnd(gen: number, entry: ReaderEntry): void {
    if (gen !== this.generation || this.readers.get(entry.reader.name) !== entry) return;
    this.readers.delete(entry.reader.name);
    entry.session?.kill('reader-gone');
    log.info({ reader: entry.reader.name }, 'reader removed');
    this.events.emit('readerRemoved', entry.reader.name);
  }

  private dropAll(code: 'reader-gone', notify: boolean): void {
    for (const entry of this.readers.values()) {
      entry.session?.kill(code);
      if (notify) this.events.emit('readerRemoved', entry.reader.name);
    }
    this.readers.clear();
  }

  private closeContext(): Promise<void> {
    const ctx = this.context;
    this.context = undefined;
    if (!ctx) return Promise.resolve();
    // Closing joins pcsclite's watcher thread; do it outside the addon's own callback.
    return new Promise((resolve) =>
      setImmediate(() => {
        try {
          const readers = (ctx as unknown as { readers?: Record<string, PcscReaderLike> }).readers ?? {};
          for (const r of Object.values(readers)) r.close();
          ctx.close();
        } catch {
          // Already closed by the failure itself.
        }
        resolve();
      }),
    );
  }
}

/** A connect that ended after its caller gave up: whatever it opened is closed with a reset, then the reader is usable. */
function releaseLateConnect(entry: ReaderEntry, err: unknown): void {
  if (err) entry.connectPending = false;
  else void disconnectWithReset(entry.reader).then(() => (entry.connectPending = false));
}

function info(e: ReaderEntry): CardReaderInfo {
  return { name: e.reader.name, cardPresent: e.cardPresent, atr: e.atr };
}
