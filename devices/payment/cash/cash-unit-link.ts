/**
 * The command/event link to a cash unit over any HidTransport.
 *
 * - `send(cmd)` writes one command report and resolves on the matching ACK (seq echo); a missing
 *   ACK is retried with the SAME seq and bytes, which the device answers without executing twice.
 * - Every other event goes into an inbox in arrival order, so an operation never misses an event
 *   that arrived before it started waiting.
 * - Undecodable reports and gaps in the device's event seq become a `resync` stimulus: the
 *   caller re-reads STATUS (the escrow total there is authoritative).
 */
import { createLogger } from '../../../platform/log';
import type { HidTransport } from '../hid/hid-transport';
import { decodeEvent, encodeCommand, toHex, type Command, type DeviceEvent } from './cash-unit-protocol';
import { CashUnitError } from './cash-unit-types';

const log = createLogger('payment-cash');

export type Stimulus = { kind: 'event'; event: DeviceEvent } | { kind: 'resync' } | { kind: 'cancel' } | { kind: 'disconnected' } | { kind: 'timeout' };

export interface LinkOptions {
  /** How long to wait for ACK/NAK per attempt (ms). */
  ackTimeoutMs: number;
  /** Extra attempts after the first when no ACK arrives. */
  retries: number;
}

export class CashUnitLink {
  private seq = Math.floor(Math.random() * 256); // a restarted host must not look like a retry
  private lastEventSeq: number | null = null;
  private lastEventHex = '';
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: CashUnitError) => void }>();
  private queue: Stimulus[] = [];
  private waiter: ((s: Stimulus) => void) | null = null;
  private alive = true;
  private readonly unsubs: (() => void)[];
  /** Counters for diagnostics (never report bytes). */
  readonly stats = { badReports: 0, gaps: 0, retries: 0 };

  constructor(
    private readonly transport: HidTransport,
    private readonly opts: LinkOptions,
  ) {
    this.unsubs = [
      transport.on('report', (r) => this.onReport(r)),
      transport.on('disconnect', () => this.onDisconnect()),
      transport.on('error', (e) => log.warn({ code: e.code }, 'transport error')),
    ];
  }

  get connected(): boolean {
    return this.alive && this.transport.isOpen;
  }

  /** Sends a command; resolves on ACK, rejects with CashUnitError (nak, response-timeout, disconnected). */
  async send(cmd: Command): Promise<void> {
    if (!this.connected) throw new CashUnitError('disconnected', 'cash unit is not connected');
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xff;
    const report = encodeCommand(seq, cmd);
    for (let attempt = 0; attempt <= this.opts.retries; attempt++) {
      if (attempt > 0) this.stats.retries++;
      const acked = new Promise<void>((resolve, reject) => this.pending.set(seq, { resolve, reject }));
      acked.catch(() => undefined); // observed by the race below; this only keeps Node from calling it unhandled
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), this.opts.ackTimeoutMs);
      });
      try {
        await this.transport.write(report).catch((e: { code?: string; message?: string }) => {
          throw new CashUnitError(e?.code === 'disconnected' || e?.code === 'closed' ? 'disconnected' : 'protocol', `write failed: ${e?.code ?? 'unknown'}`);
        });
        if ((await Promise.race([acked, timeout])) !== 'timeout') return;
      } finally {
        clearTimeout(timer);
        this.pending.delete(seq);
      }
      log.warn({ op: cmd.op, attempt }, 'no ACK from cash unit');
    }
    throw new CashUnitError('response-timeout', `no answer to ${cmd.op}`);
  }

  /** Next stimulus in arrival order, or `timeout` after `timeoutMs`. */
  next(timeoutMs: number): Promise<Stimulus> {
    const first = this.queue.shift();
    if (first) return Promise.resolve(first);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve({ kind: 'timeout' });
      }, timeoutMs);
      this.waiter = (s) => {
        clearTimeout(timer);
        this.waiter = null;
        resolve(s);
      };
    });
  }

  /** Queues a stimulus from outside (cancel). */
  push(s: Stimulus): void {
    if (this.waiter) this.waiter(s);
    else this.queue.push(s);
  }

  /** Drops queued stimuli except a disconnect (called at the start of an operation). */
  drain(): Stimulus[] {
    const old = this.queue;
    this.queue = old.filter((s) => s.kind === 'disconnected');
    return old;
  }

  dispose(): void {
    for (const u of this.unsubs) u();
    this.alive = false;
    this.failPending();
  }

  private onReport(report: Uint8Array): void {
    const r = decodeEvent(report);
    if (!r.ok) {
      this.stats.badReports++;
      log.warn({ code: r.error.code }, 'undecodable report from cash unit');
      this.push({ kind: 'resync' });
      return;
    }
    const { seq, body } = r.value;
    const hex = toHex(report);
    if (seq === this.lastEventSeq && hex === this.lastEventHex) return; // duplicate delivery
    if (this.lastEventSeq !== null && seq !== ((this.lastEventSeq + 1) & 0xff)) {
      this.stats.gaps++;
      log.warn({ expected: (this.lastEventSeq + 1) & 0xff, got: seq }, 'gap in cash unit events');
      this.push({ kind: 'resync' });
    }
    this.lastEventSeq = seq;
    this.lastEventHex = hex;
    if (body.type === 'ack' || body.type === 'nak') {
      const p = this.pending.get(body.ackSeq);
      if (!p) return; // late answer to an attempt we already gave up on
      if (body.type === 'ack') p.resolve();
      else p.reject(new CashUnitError('nak', `${body.op} refused: ${body.reason}`, { nakReason: body.reason }));
      return;
    }
    this.push({ kind: 'event', event: body });
  }

  private onDisconnect(): void {
    log.warn('cash unit disconnected');
    this.alive = false;
    this.failPending();
    this.push({ kind: 'disconnected' });
  }

  private failPending(): void {
    for (const p of this.pending.values()) p.reject(new CashUnitError('disconnected', 'cash unit disconnected'));
    this.pending.clear();
  }
}
