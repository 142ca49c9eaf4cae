/**
 * Delivers queued submissions: one independent queue per destination (its own timer, failure count
 * and pause), so one ward's outage never delays another's submissions.
 *
 * Delivery is at-least-once: a row leaves `queued` only after the sender reported the back end's
 * answer, so a crash or a lost answer means a resend with the same idempotency key, which the back
 * end answers with the same receipt: exactly-once effect. Order within a destination is not kept:
 * up to `concurrency` sends are in flight per destination, and retries reorder anyway (each
 * submission is independent at the back end, which numbers them in arrival order).
 *
 * Acknowledgements are group-committed (`AckGroup`): one fsync'd transaction for many deliveries
 * instead of one each, the drain's bottleneck. A delivery someone waits on (`waitForOutcome`) is
 * committed at once; the others at most `ackGroupMs` later, or when the group is full, the
 * destination idles or the dispatcher stops. Until committed the row stays `queued` (a crash means
 * a harmless resend under the same key), and nobody is told it was delivered.
 */
import { systemClock, type Clock } from '../../platform/clock';
import { createLogger, errorCode } from '../../platform/log';
import { AckGroup, type PendingAck } from './ack-group';
import { DEFAULT_BACKOFF, fullJitterDelay, type BackoffPolicy } from './backoff';
import type { EnqueueInput, Outbox } from './outbox';
import { OutboxError } from './outbox-errors';
import type { OutboxItem, SendResult, Sender } from './sender';

const log = createLogger('outbox-dispatcher');

/** Sent to staff when a submission is dead-lettered. Carries no payload. */
export interface DeadLetterAlert {
  /** Local receipt number. */
  receiptNumber: string;
  /** Destination queue. */
  destination: string;
  /** Submission kind. */
  kind: string;
  /** HTTP status of the refusal (0: refused locally, e.g. payload failed authentication). */
  httpStatus: number;
  /** Refusal code. */
  code: string;
}

/** Final or interim outcome of one submission as the citizen should be told. */
export type SubmissionOutcome =
  /** The back end acknowledged it: 「受け付けました」. */
  | 'delivered'
  /** Stored safely, will be sent when the connection is back: 「通信が回復したら自動で送信します」. */
  | 'queued'
  /** Refused by the back end; staff were alerted and will follow up. */
  | 'dead';

export interface DispatcherOptions {
  /** The store to drain. */
  outbox: Outbox;
  /** Carries one item to its back end. */
  sender: Sender;
  /** Staff alert for every dead letter. */
  onDeadLetter?: (alert: DeadLetterAlert) => void;
  /** Backoff between retries (per item and per destination). */
  backoff?: BackoffPolicy;
  /** Parallel sends per destination. Default 4. */
  concurrency?: number;
  /** Largest group of acknowledgements committed in one transaction. Default 128 (1 = one commit each). */
  ackGroupSize?: number;
  /** Longest an acknowledgement nobody waits on stays uncommitted while sending goes on (ms). Default 50. */
  ackGroupMs?: number;
  /** Random source in [0, 1) for jitter. */
  random?: () => number;
  /** Clock and timers. */
  clock?: Clock;
}

interface DestinationQueue {
  failures: number;
  pausedUntil: number;
  timer: unknown;
  inFlight: Map<number, Promise<void>>;
  /** Due items read ahead (one query for several sends); dropped on pause and stop. */
  ready: OutboxItem[];
}

/** Per-destination view for the staff screen. */
export interface DispatcherDestinationStatus {
  /** Consecutive transient failures (0 = last attempt reached the back end). */
  consecutiveFailures: number;
  /** Until when sending is paused by backoff (epoch ms), if paused. */
  pausedUntil?: number;
  /** Sends in flight. */
  inFlight: number;
}

export class Dispatcher {
  private readonly opts: DispatcherOptions;
  private readonly clock: Clock;
  private readonly backoff: BackoffPolicy;
  private readonly queues = new Map<string, DestinationQueue>();
  private readonly waiters = new Map<string, Set<(o: SubmissionOutcome) => void>>();
  private readonly acks: AckGroup;
  private unsubscribe: (() => void) | undefined;
  private running = false;

  constructor(options: DispatcherOptions) {
    this.opts = options;
    this.clock = options.clock ?? systemClock;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.acks = new AckGroup({
      clock: this.clock,
      maxItems: Math.max(1, options.ackGroupSize ?? 128),
      maxDelayMs: Math.max(0, options.ackGroupMs ?? 50),
      commit: (acks) => {
        this.opts.outbox.markDeliveredMany(acks.map((a) => ({ id: a.item.id, remoteReceipt: a.remoteReceipt, at: a.at })));
      },
      onCommitted: (acks) => this.committed(acks),
      onFailed: (acks, err) => {
        // The database is closing or failing: the rows stay queued and are resent (same key) later.
        log.error({ count: acks.length, err: errorCode(err) }, 'could not record deliveries');
      },
    });
  }

  /** Starts one queue for every destination with waiting rows, and follows new enqueues. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.opts.outbox.onEnqueued((d) => this.pump(d));
    for (const destination of this.opts.outbox.queuedDestinations()) this.pump(destination);
  }

  /** The destination is reachable again (network up, health check passed): retry everything now. */
  notifyReachable(destination: string): void {
    const q = this.queue(destination);
    q.failures = 0;
    q.pausedUntil = 0;
    if (this.running) this.opts.outbox.makeAllDue(destination, this.clock.now());
    this.pump(destination);
  }

  /**
   * Enqueues durably, then waits up to `waitMs` for the first delivery attempt so the citizen can be
   * told the honest outcome: `delivered` 「受け付けました」 or `queued` 「通信が回復したら自動で送信します」
   * (with the receipt number either way), or `dead` (staff follow up).
   */
  async submit(input: EnqueueInput, waitMs: number): Promise<{ receiptNumber: string; idempotencyKey: string; outcome: SubmissionOutcome }> {
    const r = this.opts.outbox.enqueue(input);
    const outcome = await this.waitForOutcome(r.receiptNumber, waitMs);
    return { receiptNumber: r.receiptNumber, idempotencyKey: r.idempotencyKey, outcome };
  }

  /** Resolves with the outcome once known, or `queued` after `timeoutMs`. */
  waitForOutcome(receiptNumber: string, timeoutMs: number): Promise<SubmissionOutcome> {
    // Acknowledged but not yet committed: commit now rather than keep the citizen waiting.
    if (this.acks.holds(receiptNumber)) this.acks.flush();
    const current = this.opts.outbox.receipt(receiptNumber)?.state;
    if (current === 'delivered') return Promise.resolve('delivered');
    if (current === 'dead' || current === 'resolved') return Promise.resolve('dead');
    return new Promise((resolveOutcome) => {
      const set = this.waiters.get(receiptNumber) ?? new Set();
      this.waiters.set(receiptNumber, set);
      const done = (o: SubmissionOutcome): void => {
        this.clock.clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(receiptNumber);
        resolveOutcome(o);
      };
      const timer = this.clock.setTimeout(() => done('queued'), timeoutMs);
      set.add(done);
    });
  }

  /** Backoff state per destination (counts come from `Outbox.status()`). */
  status(): Record<string, DispatcherDestinationStatus> {
    const now = this.clock.now();
    const out: Record<string, DispatcherDestinationStatus> = {};
    for (const [d, q] of this.queues) {
      out[d] = { consecutiveFailures: q.failures, inFlight: q.inFlight.size, ...(q.pausedUntil > now ? { pausedUntil: q.pausedUntil } : {}) };
    }
    return out;
  }

  /** Stops scheduling, waits for sends in flight and commits every acknowledgement. Call before `outbox.close()`. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const pending: Promise<void>[] = [];
    for (const q of this.queues.values()) {
      if (q.timer !== undefined) this.clock.clearTimeout(q.timer);
      q.timer = undefined;
      q.ready = [];
      pending.push(...q.inFlight.values());
    }
    await Promise.allSettled(pending);
    this.acks.flush();
    for (const [receipt, set] of this.waiters) for (const w of [...set]) w(this.opts.outbox.receipt(receipt)?.state === 'delivered' ? 'delivered' : 'queued');
  }

  private queue(destination: string): DestinationQueue {
    let q = this.queues.get(destination);
    if (!q) {
      q = { failures: 0, pausedUntil: 0, timer: undefined, inFlight: new Map(), ready: [] };
      this.queues.set(destination, q);
    }
    return q;
  }

  private schedule(destination: string, q: DestinationQueue, at: number): void {
    if (q.timer !== undefined) this.clock.clearTimeout(q.timer);
    q.timer = this.clock.setTimeout(
      () => {
        q.timer = undefined;
        this.pump(destination);
      },
      Math.max(0, at - this.clock.now()),
    );
  }

  /**
   * Runs from timers, enqueue events and finished sends, where nobody catches: a store that fails
   * (disk error) or was closed under a dispatcher nobody stopped must not become an uncaught error
   * that takes the kiosk down. The rows stay queued; a failing store is tried again after a backoff.
   */
  private pump(destination: string): void {
    if (!this.running) return;
    const q = this.queue(destination);
    try {
      this.fill(destination, q);
    } catch (err) {
      q.ready = [];
      if (err instanceof OutboxError && err.code === 'closed') {
        log.warn({ destination }, 'outbox closed while the dispatcher was running: sending stops');
        return;
      }
      const now = this.clock.now();
      q.pausedUntil = Math.max(q.pausedUntil, now + fullJitterDelay(q.failures, this.backoff, this.opts.random ?? Math.random));
      q.failures++;
      log.error({ destination, err: errorCode(err) }, 'outbox store failed: will try again');
      if (q.inFlight.size === 0) this.schedule(destination, q, q.pausedUntil);
    }
  }

  /** Fills the destination's free send slots with due items, or sleeps until the next one is due. */
  private fill(destination: string, q: DestinationQueue): void {
    const now = this.clock.now();
    if (now < q.pausedUntil) {
      q.ready = [];
      if (q.inFlight.size === 0) this.schedule(destination, q, q.pausedUntil);
      return;
    }
    const concurrency = this.opts.concurrency ?? 4;
    const slots = concurrency - q.inFlight.size;
    if (slots <= 0) return;
    if (q.ready.length < slots) {
      // Read ahead up to twice the concurrency: the due query costs more than the items it returns.
      // Acknowledged rows still read `queued` until their group commits: never send them again.
      const busy = [...q.inFlight.keys(), ...this.acks.ids(destination), ...q.ready.map((i) => i.id)];
      const { items, corrupt } = this.opts.outbox.due(destination, now, Math.max(slots, 2 * concurrency) - q.ready.length, busy);
      for (const row of corrupt) {
        // Never send or drop a row we cannot authenticate: staff must see it.
        this.opts.outbox.markDead(row.id, 0, 'payload-integrity', now);
        this.deadLettered({ receiptNumber: row.receipt_number, destination, kind: row.kind, httpStatus: 0, code: 'payload-integrity' });
      }
      q.ready.push(...items);
    }
    const items = q.ready.splice(0, slots);
    for (const item of items) {
      const p = this.attempt(item, q).finally(() => {
        q.inFlight.delete(item.id);
        this.pump(destination);
      });
      q.inFlight.set(item.id, p);
    }
    if (items.length === 0 && q.inFlight.size === 0) {
      // Idle: nothing to overlap the commit with, so commit now rather than after `ackGroupMs`.
      this.acks.flush();
      const next = this.opts.outbox.nextDueAt(destination);
      if (next !== undefined) this.schedule(destination, q, Math.max(next, q.pausedUntil));
    }
  }

  private async attempt(item: OutboxItem, q: DestinationQueue): Promise<void> {
    let result: SendResult;
    try {
      result = await this.opts.sender(item);
    } catch (err) {
      result = { status: 'retry', reason: `sender-error: ${errorCode(err)}` };
    }
    const now = this.clock.now();
    try {
      this.record(item, q, result, now);
    } catch (err) {
      // The database is closing or failing: the row stays queued and is retried after restart.
      log.error({ receiptNumber: item.receiptNumber, err: errorCode(err) }, 'could not record outcome');
    }
  }

  private record(item: OutboxItem, q: DestinationQueue, result: SendResult, now: number): void {
    const random = this.opts.random ?? Math.random;
    if (result.status === 'delivered') {
      q.failures = 0;
      this.acks.add({ item, remoteReceipt: result.remoteReceipt, at: now }, this.waiters.has(item.receiptNumber));
    } else if (result.status === 'rejected') {
      this.opts.outbox.markDead(item.id, result.httpStatus, result.code, now);
      q.failures = 0; // the back end answered, so it is reachable
      this.deadLettered({
        receiptNumber: item.receiptNumber,
        destination: item.destination,
        kind: item.kind,
        httpStatus: result.httpStatus,
        code: result.code,
      });
    } else {
      this.opts.outbox.markRetry(item.id, result.reason, now + fullJitterDelay(item.attempts, this.backoff, random), now);
      q.pausedUntil = Math.max(q.pausedUntil, now + fullJitterDelay(q.failures, this.backoff, random));
      q.failures++;
      log.warn({ receiptNumber: item.receiptNumber, destination: item.destination, reason: result.reason, failures: q.failures }, 'will retry');
    }
  }

  private committed(acks: readonly PendingAck[]): void {
    for (const { item } of acks) {
      log.info({ receiptNumber: item.receiptNumber, destination: item.destination, attempts: item.attempts + 1 }, 'delivered');
      this.notify(item.receiptNumber, 'delivered');
    }
  }

  private deadLettered(alert: DeadLetterAlert): void {
    log.error({ ...alert }, 'dead letter: staff alerted');
    try {
      this.opts.onDeadLetter?.(alert);
    } catch (err) {
      log.error({ err: errorCode(err) }, 'staff alert callback failed');
    }
    this.notify(alert.receiptNumber, 'dead');
  }

  private notify(receiptNumber: string, outcome: SubmissionOutcome): void {
    const set = this.waiters.get(receiptNumber);
    if (set) for (const w of [...set]) w(outcome);
  }
}
