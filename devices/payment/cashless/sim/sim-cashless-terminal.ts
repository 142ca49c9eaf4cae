/**
 * A simulated cashless terminal with its own acquirer ledger. Outcomes come from the fixture
 * script (one per new charge) and from programmatic hooks: `queue(step)`, `setOffline(bool)`.
 *
 * It keeps the idempotency promise the real thing must keep: the ledger is keyed by
 * idempotency key, a repeated key replays the recorded outcome, a concurrent repeat joins the
 * running call, and `chargeCount` / `totalCharged` let tests prove nothing was charged twice.
 */
import { createLogger } from '../../../../platform/log';
import { badRequest, type CashlessRefundResult, type CashlessStatus, type CashlessTerminal, type ChargeResult } from '../cashless-terminal';
import { loadCashlessSimFixture, type CashlessSimFixture, type CashlessStep } from './sim-cashless-fixture';

const log = createLogger('payment-cashless-sim');

interface Charge {
  key: string;
  transactionId: string;
  amount: number;
  refunded: number;
}

export class SimCashlessTerminal implements CashlessTerminal {
  readonly description = 'sim:cashless';
  /** Charges the acquirer actually made, by idempotency key. */
  readonly charges = new Map<string, Charge>();
  private readonly declined = new Map<string, { amount: number; result: ChargeResult }>();
  private readonly refunds = new Map<string, CashlessRefundResult>();
  private readonly inFlight = new Map<string, { amount: number; p: Promise<ChargeResult> }>();
  private readonly script: CashlessStep[];
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private readonly latencyMs: number;
  private readonly timeoutMs: number;
  private offline = false;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly fixture: CashlessSimFixture = loadCashlessSimFixture(),
    opts: { latencyMs?: number; timeoutMs?: number } = {},
  ) {
    this.script = [...fixture.script];
    this.latencyMs = opts.latencyMs ?? fixture.latencyMs;
    this.timeoutMs = opts.timeoutMs ?? fixture.timeoutMs;
  }

  // ----- hooks -----
  /** Queues the outcome of the next new charge. */
  queue(...steps: CashlessStep[]): void {
    this.script.push(...steps);
  }
  /** Takes the terminal off/on line. */
  setOffline(offline: boolean): void {
    this.offline = offline;
  }
  /** Number of distinct charges made at the acquirer. */
  get chargeCount(): number {
    return this.charges.size;
  }
  /** Yen charged minus yen refunded, over all charges. */
  get netCharged(): number {
    return [...this.charges.values()].reduce((s, c) => s + c.amount - c.refunded, 0);
  }

  // ----- CashlessTerminal -----
  charge(amount: number, opts: { idempotencyKey: string; signal?: AbortSignal }): Promise<ChargeResult> {
    const key = opts.idempotencyKey;
    if (badRequest(amount, key)) return Promise.resolve({ status: 'error', code: 'bad-request', outcomeUnknown: false });
    const known = this.recorded(key);
    if (known) return Promise.resolve(known.amount === amount ? known.result : conflict());
    const running = this.inFlight.get(key);
    if (running) return running.amount === amount ? running.p : Promise.resolve(conflict());
    if (this.offline || this.closed) return Promise.resolve({ status: 'error', code: 'offline', outcomeUnknown: false });
    if (opts.signal?.aborted) return Promise.resolve({ status: 'declined', reason: 'cancelled-by-user' });
    const p = this.run(key, amount).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, { amount, p });
    return p;
  }

  async refund(transactionId: string, amount: number, opts: { idempotencyKey: string }): Promise<CashlessRefundResult> {
    if (badRequest(amount, opts.idempotencyKey)) return { status: 'error', code: 'bad-request', outcomeUnknown: false };
    const done = this.refunds.get(opts.idempotencyKey);
    if (done) return done;
    if (this.offline || this.closed) return { status: 'error', code: 'offline', outcomeUnknown: false };
    await this.sleep(Math.min(this.latencyMs, 50));
    if (this.closed) return { status: 'error', code: 'offline', outcomeUnknown: false };
    const charge = [...this.charges.values()].find((c) => c.transactionId === transactionId);
    let result: CashlessRefundResult;
    if (!charge) result = { status: 'rejected', reason: 'unknown-transaction' };
    else if (amount > charge.amount - charge.refunded) result = { status: 'rejected', reason: 'exceeds-charge' };
    else {
      charge.refunded += amount;
      result = { status: 'refunded', refundId: `SIMR-${String(this.nextId++).padStart(6, '0')}`, transactionId, amount };
    }
    this.refunds.set(opts.idempotencyKey, result);
    return result;
  }

  async lookup(idempotencyKey: string): Promise<ChargeResult | null> {
    if (this.offline || this.closed) return { status: 'error', code: 'offline', outcomeUnknown: true };
    return this.recorded(idempotencyKey)?.result ?? null;
  }

  async status(): Promise<CashlessStatus> {
    return { state: this.offline || this.closed ? 'offline' : this.inFlight.size > 0 ? 'busy' : 'ready' };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const [t, wake] of this.timers) {
      clearTimeout(t);
      wake();
    } // pending calls finish as errors
    this.timers.clear();
  }

  // ----- internals -----
  private recorded(key: string): { amount: number; result: ChargeResult } | null {
    const c = this.charges.get(key);
    if (c) return { amount: c.amount, result: { status: 'approved', transactionId: c.transactionId, amount: c.amount } };
    return this.declined.get(key) ?? null;
  }

  private async run(key: string, amount: number): Promise<ChargeResult> {
    const step = this.script.shift() ?? this.fixture.default;
    log.debug({ outcome: step.outcome }, 'simulated charge');
    if (step.outcome === 'timeout') {
      if (step.charged) this.record(key, amount); // charged at the acquirer, but the answer never arrives
      await this.sleep(this.timeoutMs);
      return { status: 'error', code: 'timeout', outcomeUnknown: true };
    }
    await this.sleep(this.latencyMs);
    if (this.closed) return { status: 'error', code: 'offline', outcomeUnknown: false };
    switch (step.outcome) {
      case 'offline':
        return { status: 'error', code: 'offline', outcomeUnknown: false };
      case 'device-error':
        return { status: 'error', code: 'device-error', outcomeUnknown: false };
      case 'decline':
        return this.decline(key, amount, step.reason);
      case 'approve':
        if (amount > this.fixture.maxAmount) return this.decline(key, amount, 'limit-exceeded');
        return this.record(key, amount);
    }
  }

  private record(key: string, amount: number): ChargeResult {
    const transactionId = `SIM-${String(this.nextId++).padStart(6, '0')}`;
    this.charges.set(key, { key, transactionId, amount, refunded: 0 });
    return { status: 'approved', transactionId, amount };
  }

  private decline(key: string, amount: number, reason: Extract<ChargeResult, { status: 'declined' }>['reason']): ChargeResult {
    const result: ChargeResult = { status: 'declined', reason };
    this.declined.set(key, { amount, result });
    return result;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.set(t, resolve);
    });
  }
}

function conflict(): ChargeResult {
  return { status: 'error', code: 'idempotency-conflict', outcomeUnknown: false };
}
