/**
 * The payment facade the kiosk uses: `pay(fee, method, {txId})`, `cancel(txId)`, `refundAll(txId)`.
 * One `PaymentRecord` per certificate transaction; every change goes to `onChange` listeners so
 * the certificate flow's journal can persist it (this class keeps records in memory only).
 *
 * Money invariants per txId (tests check them):
 *  - `kept` is what the office took as the fee: the fee after `paid`, otherwise 0 (or what a
 *    faulty device committed). `kept - refunded` is what the office still holds for it.
 *  - `owed` is cash the citizen is still owed (change or refund shortfalls, escrow the device
 *    could not give back): when > 0 the kiosk issues a refund voucher and alerts staff.
 *  - refundAll: afterwards `refunded + (owed added by it) = kept`. Repeating it is harmless.
 *  - A txId is never charged twice: `pay` on a paid txId returns the record; cashless attempts
 *    use idempotency keys `${txId}/${attempt}`, and an unknown outcome is resolved with the same
 *    key (lookup, or the repeated charge) before any new attempt.
 *  - Cancel before printing: during `pay` → cancel(txId) (cash escrow comes back in full);
 *    after `pay` → refundAll(txId).
 */
import { createLogger } from '../../platform/log';
import type { CashUnit } from './cash/cash-unit';
import { CashUnitError, type AcceptingDenominations, type InsertedProgress } from './cash/cash-unit-types';
import type { CashlessTerminal } from './cashless/cashless-terminal';
import { TypedEvents } from './typed-events';

const log = createLogger('payment');

export type PaymentMethod = 'cash' | 'cashless';
export type PaymentState = 'collecting' | 'paid' | 'cancelled' | 'declined' | 'failed' | 'unknown' | 'refunded';

export interface PaymentRecord {
  txId: string;
  method: PaymentMethod;
  fee: number;
  /** collecting → paid | cancelled | declined | failed | unknown (cashless outcome not known) → refunded. */
  state: PaymentState;
  /** Yen taken as the fee. */
  kept: number;
  /** Yen given back by refundAll (not counting change or returned escrow). */
  refunded: number;
  /** Yen still owed to the citizen (voucher + staff alert when > 0). */
  owed: number;
  /** Cash reported stuck in a jam, for staff (not in `kept`/`owed`). */
  unverified: number;
  /** Cashless transaction id once approved. */
  transactionId: string | null;
  /** Why it is not a plain success: payout problem, decline reason, error/fault code. */
  problem: string | null;
  /** Cashless charge attempts made (each with its own idempotency key). */
  attempts: number;
}

export type PaymentErrorCode = 'in-progress' | 'amount-mismatch' | 'unknown-transaction' | 'already-refunded' | 'refund-first' | 'no-device' | 'device-busy';

export class PaymentError extends Error {
  override readonly name = 'PaymentError';
  constructor(
    readonly code: PaymentErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface PayOptions {
  txId: string;
  signal?: AbortSignal;
  /** Cash progress for the UI. */
  onInserted?: (p: InsertedProgress) => void;
  /** Cash: the denominations the unit may take now (the UI says which it may not). */
  onAccepting?: (a: AcceptingDenominations) => void;
}

export class PaymentService {
  private readonly records = new Map<string, PaymentRecord>();
  private readonly running = new Map<string, { abort: AbortController; done: Promise<PaymentRecord> }>();
  private readonly events = new TypedEvents<{ change: (r: PaymentRecord) => void }>();

  constructor(private readonly devices: { cash?: CashUnit; cashless?: CashlessTerminal }) {}

  /** Called with a copy of the record after every change (for the journal). */
  onChange(listener: (r: PaymentRecord) => void): () => void {
    return this.events.on('change', listener);
  }

  /** A copy of the record, or null. */
  get(txId: string): PaymentRecord | null {
    const r = this.records.get(txId);
    return r ? { ...r } : null;
  }

  /**
   * Takes the fee. Resolves with the record (check `state`): declines, cancels and device faults
   * are outcomes, not rejections. Rejects only with PaymentError for misuse (see its codes).
   */
  pay(fee: number, method: PaymentMethod, opts: PayOptions): Promise<PaymentRecord> {
    let r: PaymentRecord;
    try {
      this.need(method === 'cash' ? this.devices.cash : this.devices.cashless);
      r = this.prepare(fee, method, opts.txId);
    } catch (e) {
      return Promise.reject(e);
    }
    if (r.state === 'paid') return Promise.resolve({ ...r });
    const abort = new AbortController();
    const onOuter = (): void => abort.abort();
    opts.signal?.addEventListener('abort', onOuter, { once: true });
    if (opts.signal?.aborted) abort.abort();
    const retryUnknown = r.state === 'unknown';
    this.update(r, { state: 'collecting', problem: null });
    const work = method === 'cash' ? this.payCash(r, abort.signal, opts) : this.payCashless(r, abort.signal, retryUnknown);
    const done = work
      .finally(() => {
        opts.signal?.removeEventListener('abort', onOuter);
        this.running.delete(r.txId);
      })
      .then(() => ({ ...r }));
    this.running.set(r.txId, { abort, done });
    return done;
  }

  /** Cancels a running `pay` (cash: everything inserted comes back). Resolves with the record. */
  async cancel(txId: string): Promise<PaymentRecord | null> {
    const run = this.running.get(txId);
    if (!run) return this.get(txId);
    run.abort.abort();
    return run.done;
  }

  /** Gives back everything kept for `txId` (e.g. printing failed after payment). */
  async refundAll(txId: string): Promise<PaymentRecord> {
    if (this.running.has(txId)) await this.cancel(txId);
    const r = this.records.get(txId);
    if (!r) throw new PaymentError('unknown-transaction', 'no payment for this transaction');
    const amount = r.kept - r.refunded;
    if (amount <= 0) {
      if (r.kept > 0 && r.state !== 'refunded') this.update(r, { state: 'refunded' });
      return { ...r };
    }
    if (r.method === 'cash') {
      const cash = this.need(this.devices.cash);
      let res;
      try {
        res = await cash.refund(amount);
      } catch (e) {
        if (e instanceof CashUnitError && e.code === 'busy') throw new PaymentError('device-busy', 'cash unit busy');
        throw e;
      }
      // Whatever was not paid out is owed (voucher); the refund itself is settled either way.
      this.update(r, { state: 'refunded', refunded: r.refunded + res.paidOut, owed: r.owed + res.owed, problem: res.problem });
    } else {
      const term = this.need(this.devices.cashless);
      const res = await term.refund(r.transactionId ?? '', amount, { idempotencyKey: `${txId}/refund` });
      if (res.status === 'refunded') this.update(r, { state: 'refunded', refunded: r.refunded + res.amount, problem: null });
      else this.update(r, { problem: `refund-${res.status === 'rejected' ? res.reason : res.code}` }); // retry later: same key
    }
    log.info({ txId, state: r.state, refunded: r.refunded, owed: r.owed }, 'refund finished');
    return { ...r };
  }

  private prepare(fee: number, method: PaymentMethod, txId: string): PaymentRecord {
    const r = this.records.get(txId);
    if (!r) {
      const fresh: PaymentRecord = {
        txId,
        method,
        fee,
        state: 'collecting',
        kept: 0,
        refunded: 0,
        owed: 0,
        unverified: 0,
        transactionId: null,
        problem: null,
        attempts: 0,
      };
      this.records.set(txId, fresh);
      return fresh;
    }
    if (this.running.has(txId)) throw new PaymentError('in-progress', 'payment already running');
    if (r.fee !== fee) throw new PaymentError('amount-mismatch', 'fee differs from the first attempt');
    if (r.state === 'refunded') throw new PaymentError('already-refunded', 'transaction was refunded');
    if (r.state !== 'paid' && r.kept > r.refunded) throw new PaymentError('refund-first', 'money is held from a failed attempt');
    if (r.state === 'unknown' && method !== r.method) throw new PaymentError('in-progress', 'a cashless outcome is still unknown');
    r.method = method;
    return r;
  }

  private async payCash(r: PaymentRecord, signal: AbortSignal, opts: Pick<PayOptions, 'onInserted' | 'onAccepting'>): Promise<void> {
    const cash = this.need(this.devices.cash);
    try {
      const res = await cash.collect(r.fee, { signal, onInserted: opts.onInserted, onAccepting: opts.onAccepting });
      this.update(r, {
        state: res.status === 'paid' ? 'paid' : 'cancelled',
        kept: res.kept,
        owed: r.owed + res.owed,
        unverified: r.unverified + res.unverified,
        problem: res.status === 'timed-out' ? 'timed-out' : res.problem,
      });
    } catch (e) {
      if (!(e instanceof CashUnitError)) throw e;
      const m = e.money;
      this.update(r, {
        state: 'failed',
        kept: m?.kept ?? 0,
        owed: r.owed + (m?.owed ?? 0),
        unverified: r.unverified + (m?.unverified ?? 0),
        problem: e.details.fault ?? e.code,
      });
    }
  }

  private async payCashless(r: PaymentRecord, signal: AbortSignal, retryUnknown: boolean): Promise<void> {
    const term = this.need(this.devices.cashless);
    if (!retryUnknown) r.attempts++;
    const key = `${r.txId}/${r.attempts}`;
    let res = await term.charge(r.fee, { idempotencyKey: key, signal });
    if (res.status === 'error' && res.outcomeUnknown) {
      const found = await term.lookup(key);
      if (found === null)
        res = { status: 'error', code: res.code, outcomeUnknown: false }; // nothing was charged
      else if (found.status !== 'error') res = found; // else: still unknown, keep the original error
    }
    if (res.status === 'approved') this.update(r, { state: 'paid', kept: res.amount, transactionId: res.transactionId, problem: null });
    else if (res.status === 'declined') this.update(r, { state: 'declined', problem: res.reason });
    else this.update(r, { state: res.outcomeUnknown ? 'unknown' : 'failed', problem: res.code });
  }

  private need<T>(d: T | undefined): T {
    if (!d) throw new PaymentError('no-device', 'payment method not available');
    return d;
  }

  private update(r: PaymentRecord, patch: Partial<PaymentRecord>): void {
    Object.assign(r, patch);
    this.events.emit('change', { ...r });
  }
}
