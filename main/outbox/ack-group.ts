/**
 * Group commit of delivery acknowledgements. Recording each acknowledgement in its own fsync'd
 * transaction caps a drain at one fsync per item; the dispatcher instead collects them here and
 * commits them together, every `maxItems` acknowledgements or `maxDelayMs` after the first, at once
 * when someone waits on one of them, and whenever the dispatcher idles or stops.
 *
 * Why this weakens nothing: an acknowledgement not yet committed leaves its row `queued` in the
 * database, so a crash before the group commits only means a resend with the same idempotency key,
 * which the back end answers with the same receipt (exactly-once effect, as for an answer lost on
 * the wire). Nobody is told 「受け付けました」 and no payload is purged before the commit: the
 * `onCommitted` callback runs only after the transaction returned.
 */
import type { Clock } from '../../platform/clock';
import type { OutboxItem } from './sender';

/** One acknowledgement waiting for its group's commit. */
export interface PendingAck {
  /** The delivered item (row id, receipt number, destination). */
  item: OutboxItem;
  /** The back end's receipt. */
  remoteReceipt: string;
  /** When the back end's answer arrived (epoch ms). */
  at: number;
}

export interface AckGroupOptions {
  /** Commits the acknowledgements in ONE transaction (all or none); throws if it could not. */
  commit(acks: readonly PendingAck[]): void;
  /** Runs after a successful commit (notify waiters, log). */
  onCommitted(acks: readonly PendingAck[]): void;
  /** Runs when the commit threw: the rows stay `queued` and will be resent. */
  onFailed(acks: readonly PendingAck[], err: unknown): void;
  /** Commit when this many acknowledgements are pending. */
  maxItems: number;
  /** Commit at the latest this long after the first pending acknowledgement (ms). */
  maxDelayMs: number;
  /** Timers. */
  clock: Clock;
}

export class AckGroup {
  private readonly opts: AckGroupOptions;
  private pending = new Map<number, PendingAck>();
  private readonly byReceipt = new Map<string, number>();
  private timer: unknown;

  constructor(options: AckGroupOptions) {
    this.opts = options;
  }

  /** Acknowledgements waiting for their commit. */
  get size(): number {
    return this.pending.size;
  }

  /** Adds an acknowledgement; commits at once when `urgent` (someone waits on it) or the group is full. */
  add(ack: PendingAck, urgent: boolean): void {
    this.pending.set(ack.item.id, ack);
    this.byReceipt.set(ack.item.receiptNumber, ack.item.id);
    if (urgent || this.pending.size >= this.opts.maxItems) this.flush();
    else if (this.timer === undefined)
      this.timer = this.opts.clock.setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, this.opts.maxDelayMs);
  }

  /** True while the acknowledgement of this receipt waits for its commit. */
  holds(receiptNumber: string): boolean {
    return this.byReceipt.has(receiptNumber);
  }

  /** Row ids of a destination waiting for their commit (the dispatcher must not send them again). */
  ids(destination: string): number[] {
    const out: number[] = [];
    for (const [id, ack] of this.pending) if (ack.item.destination === destination) out.push(id);
    return out;
  }

  /** Commits everything pending now (no-op when empty). Synchronous: better-sqlite3 is. */
  flush(): void {
    if (this.timer !== undefined) this.opts.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const acks = [...this.pending.values()];
    this.pending = new Map();
    this.byReceipt.clear();
    try {
      this.opts.commit(acks);
    } catch (err) {
      this.opts.onFailed(acks, err);
      return;
    }
    this.opts.onCommitted(acks);
  }
}
