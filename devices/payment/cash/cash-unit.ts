/**
 * `CashUnit`: taking a fee in coins and notes, giving change, giving everything back on cancel,
 * and refunding later: over any HidTransport (real node-hid or the simulator, same code path).
 *
 * The money state is always known (see MoneyState in cash-unit-types.ts): shortfalls never
 * throw, they resolve with `owed` > 0 and a `problem`. Faults that stop the payment (jam, door
 * open, device error) and a disconnect reject with a CashUnitError whose `money` says where every
 * yen is. Where the device did not confirm an outcome, the figures are the conservative ones for
 * the citizen: money counts as kept only after ACCEPTED, and as paid out only after the device
 * reported it, so `owed` is never understated.
 *
 * One operation at a time (else `busy`). After a disconnect the unit is dead: open a new one.
 */
import { createLogger } from '../../../platform/log';
import type { HidTransport } from '../hid/hid-transport';
import { TypedEvents } from '../typed-events';
import { type Denomination, type DeviceEvent, type DeviceState, type FaultCode } from './cash-unit-protocol';
import { CashUnitLink, type Stimulus } from './cash-unit-link';
import { acceptableDenominations, canPayOut, type ChangeInventory } from './change-rule';
import {
  CashUnitError,
  type CashUnitEvents,
  type CollectResult,
  type AcceptingDenominations,
  type InsertedProgress,
  type MoneyState,
  type PayoutProblem,
  type RefundResult,
} from './cash-unit-types';

const log = createLogger('payment-cash');
const STOPPING_FAULTS: readonly FaultCode[] = ['jam', 'door-open', 'device-error'];

export interface CashUnitOptions {
  /** Denominations to accept (default 10, 50, 100, 500, 1000 yen). */
  accept?: readonly Denomination[];
  /** Per-attempt wait for ACK/NAK, ms (default 1000). */
  ackTimeoutMs?: number;
  /** Re-sends of a command without answer (default 2); the device never executes a retry twice. */
  retries?: number;
  /** Wait for ACCEPTED / RETURNED / DISPENSE_COMPLETE, ms (default 30000). */
  operationTimeoutMs?: number;
  /** Collect gives everything back after this long without any device event, ms (default 120000). */
  inactivityTimeoutMs?: number;
}

export interface CollectOptions {
  /** Aborting is the same as cancel(): everything inserted is given back. */
  signal?: AbortSignal;
  /** Called after each counted coin/note. */
  onInserted?: (p: InsertedProgress) => void;
  /** Called whenever the unit is told which denominations it may take (before the first insert, and when that changes). */
  onAccepting?: (a: AcceptingDenominations) => void;
  /** Overrides the unit's inactivity timeout for this payment. */
  inactivityTimeoutMs?: number;
}

export interface CashUnitStatus {
  state: DeviceState;
  faults: FaultCode[];
  escrowTotal: number;
}

export class CashUnit {
  private readonly link: CashUnitLink;
  private readonly events = new TypedEvents<CashUnitEvents>();
  private readonly opts: Required<CashUnitOptions>;
  private current: Promise<CollectResult> | null = null;
  private busyWith: string | null = null;
  /** A cancel seen while waiting for a specific event (preflight, enable): honoured at the next step. */
  private cancelPending = false;

  constructor(transport: HidTransport, opts: CashUnitOptions = {}) {
    this.opts = {
      accept: opts.accept ?? [10, 50, 100, 500, 1000],
      ackTimeoutMs: opts.ackTimeoutMs ?? 1000,
      retries: opts.retries ?? 2,
      operationTimeoutMs: opts.operationTimeoutMs ?? 30_000,
      inactivityTimeoutMs: opts.inactivityTimeoutMs ?? 120_000,
    };
    this.link = new CashUnitLink(transport, { ackTimeoutMs: this.opts.ackTimeoutMs, retries: this.opts.retries });
  }

  /** Subscribes to progress/rejection/fault notifications; returns the unsubscribe function. */
  on<K extends keyof CashUnitEvents>(event: K, listener: CashUnitEvents[K]): () => void {
    return this.events.on(event, listener);
  }

  /** True while an operation runs. */
  get busy(): boolean {
    return this.busyWith !== null;
  }
  /** False after a disconnect or close. */
  get connected(): boolean {
    return this.link.connected;
  }

  /**
   * Takes `amountDue` yen. Resolves `paid` (fee kept, change paid out), `cancelled` (cancel() or
   * signal) or `timed-out`, each with the full money state; rejects CashUnitError on a stopping
   * fault or disconnect (with `money`). Cancel is honoured until the escrow is committed.
   */
  collect(amountDue: number, opts: CollectOptions = {}): Promise<CollectResult> {
    checkAmount(amountDue);
    this.begin('collect');
    const m = money('collect', amountDue);
    const run = this.runCollect(m, opts).finally(() => {
      this.current = null;
      this.end();
    });
    this.current = run;
    return run;
  }

  /** Cancels the running collect; resolves with its result (everything inserted given back), or null if none runs. */
  cancel(): Promise<CollectResult | null> {
    if (!this.current) return Promise.resolve(null);
    this.link.push({ kind: 'cancel' });
    return this.current;
  }

  /** Pays `amount` back to the citizen (e.g. printing failed after payment). Never throws for a shortfall. */
  async refund(amount: number): Promise<RefundResult> {
    checkAmount(amount);
    this.begin('refund', false);
    try {
      const m = money('refund', amount);
      this.link.drain();
      const problem = this.link.connected ? await this.dispense(m, amount) : 'disconnected';
      return { ...settle(m), problem };
    } finally {
      this.end();
    }
  }

  /** Reads device state. */
  async status(): Promise<CashUnitStatus> {
    const ev = await this.query({ op: 'get-status' }, 'status');
    return { state: ev.state, faults: ev.faults, escrowTotal: ev.escrowTotal };
  }

  /** Reads the recycler's change inventory. */
  async inventory(): Promise<{ denomination: Denomination; count: number }[]> {
    return (await this.query({ op: 'get-inventory' }, 'inventory')).items;
  }

  /** Clears clearable faults (staff action); the escrow is kept. */
  async reset(): Promise<CashUnitStatus> {
    const ev = await this.query({ op: 'reset' }, 'status');
    return { state: ev.state, faults: ev.faults, escrowTotal: ev.escrowTotal };
  }

  /** Stops listening to the transport (does not close it: the opener owns it). */
  close(): void {
    this.link.dispose();
    this.events.clear();
  }

  // ----- collect -----

  private async runCollect(m: MoneyState, opts: CollectOptions): Promise<CollectResult> {
    this.link.drain();
    this.cancelPending = false;
    if (opts.signal?.aborted) return { ...settle(m), status: 'cancelled', change: 0, problem: null };
    const onAbort = (): void => this.link.push({ kind: 'cancel' });
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const inactivity = opts.inactivityTimeoutMs ?? this.opts.inactivityTimeoutMs;
    try {
      const change = await this.preflight(m);
      // Only what the unit can change is enabled; anything else comes back out of the slot at once.
      let accept: Denomination[] | null = null;
      /** Tells the unit what it may take now (only when that changed, always the first time); returns it. */
      const enable = async (): Promise<Denomination[]> => {
        const now = acceptableDenominations(m.due - m.inserted, this.opts.accept, change);
        const before = accept;
        if (before && now.length === before.length && now.every((d, i) => d === before[i])) return now;
        accept = now;
        // amountDue is the whole fee: the unit compares it with the escrow total.
        await this.guarded(m, this.link.send({ op: 'enable', amountDue: m.due, accept: now }));
        this.announce({ accept: now, refused: this.opts.accept.filter((d) => !now.includes(d)) }, opts);
        return now;
      };
      // Nothing it may take for this fee (say, notes only and no change): said at once, not after
      // an inactivity timeout the citizen spends inserting coins the slot hands back.
      if ((await enable()).length === 0) return await this.giveBack(m, 'cancelled', 'no-change-for-any');
      for (;;) {
        if (this.cancelPending) return await this.giveBack(m, 'cancelled');
        const s = await this.link.next(inactivity);
        if (s.kind === 'event') {
          const fault = this.observe(m, s.event, opts);
          if (fault) return await this.failOnFault(m, fault);
        } else if (s.kind === 'resync') {
          await this.resync(m);
        } else if (s.kind === 'cancel') {
          return await this.giveBack(m, 'cancelled');
        } else if (s.kind === 'timeout') {
          return await this.giveBack(m, 'timed-out');
        } else {
          throw lost(m);
        }
        if (m.inserted >= m.due) {
          // Two items in quick succession can beat the narrower ENABLE: the last one is never kept for a voucher.
          if (!canPayOut(m.inserted - m.due, change)) return await this.giveBack(m, 'cancelled', 'cannot-make-change');
          return await this.finishPaid(m);
        }
        // Less is due now: a note that was fine for the whole fee may need change the unit lacks.
        await enable();
      }
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Before taking money: the escrow must be empty (else an earlier citizen's cash would be
   * counted for this one) and no stopping fault may be active (staff must reset first).
   */
  private async preflight(m: MoneyState): Promise<ChangeInventory> {
    await this.guarded(m, this.link.send({ op: 'get-status' }));
    const st = await this.awaitEvent(m, 'status');
    if (st === 'disconnected') throw lost(m);
    if (st === 'timeout') throw new CashUnitError('response-timeout', 'no STATUS report', { money: settle(m) });
    if (st.escrowTotal > 0) throw new CashUnitError('escrow-held', 'the device still holds cash from an earlier payment', { money: settle(m) });
    const fault = st.faults.find((f) => STOPPING_FAULTS.includes(f));
    if (fault) throw new CashUnitError('device-fault', `cash unit fault: ${fault}`, { money: settle(m), fault });
    // The change it holds decides which notes it may take (change-rule.ts).
    await this.guarded(m, this.link.send({ op: 'get-inventory' }));
    const inv = await this.awaitEvent(m, 'inventory');
    if (inv === 'disconnected') throw lost(m);
    if (inv === 'timeout') throw new CashUnitError('response-timeout', 'no INVENTORY report', { money: settle(m) });
    return inv.items;
  }

  private announce(a: AcceptingDenominations, opts: CollectOptions): void {
    this.events.emit('accepting', a);
    try {
      opts.onAccepting?.(a);
    } catch {
      /* the caller's callback must not break the payment */
    }
  }

  /** Applies one event to the books; returns a fault that must stop the payment. */
  private observe(m: MoneyState, ev: DeviceEvent, opts?: CollectOptions): FaultCode | null {
    if (ev.type === 'inserted' && m.kept === 0) {
      if (ev.escrowTotal < m.inserted) log.warn({ was: m.inserted, now: ev.escrowTotal }, 'escrow total went down; keeping the higher figure');
      m.inserted = Math.max(m.inserted, ev.escrowTotal);
      const p = { due: m.due, inserted: m.inserted, remaining: Math.max(0, m.due - m.inserted) };
      this.events.emit('inserted', p);
      try {
        opts?.onInserted?.(p);
      } catch {
        /* the caller's callback must not break the payment */
      }
    } else if (ev.type === 'rejected') {
      this.events.emit('rejected', { denomination: ev.denomination, reason: ev.reason });
    } else if (ev.type === 'fault') {
      log.warn({ fault: ev.fault, unit: ev.unit }, 'cash unit fault');
      if (ev.fault === 'jam') m.unverified += ev.value;
      this.events.emit('fault', { fault: ev.fault, value: ev.value });
      if (STOPPING_FAULTS.includes(ev.fault)) return ev.fault;
    }
    return null;
  }

  /** Re-reads the escrow total after a lost or corrupted event. */
  private async resync(m: MoneyState): Promise<void> {
    await this.guarded(m, this.link.send({ op: 'get-status' }));
    const ev = await this.awaitEvent(m, 'status');
    if (ev === 'disconnected') throw lost(m);
    if (ev !== 'timeout' && m.kept === 0) m.inserted = Math.max(m.inserted, ev.escrowTotal);
  }

  private async finishPaid(m: MoneyState): Promise<CollectResult> {
    await this.sendTolerant(m, { op: 'disable' });
    await this.guarded(m, this.link.send({ op: 'commit' }));
    const acc = await this.awaitEvent(m, 'accepted');
    if (acc === 'disconnected') throw lost(m);
    if (acc === 'timeout') throw new CashUnitError('response-timeout', 'no ACCEPTED after commit', { money: settle(m) });
    m.inserted = Math.max(m.inserted, acc.total);
    if (acc.total < m.due) {
      m.kept = acc.total; // the device kept less than the fee: the payment did not happen; refund it
      throw new CashUnitError('protocol', 'device committed less than the fee', { money: settle(m) });
    }
    m.kept = m.due;
    const change = m.inserted - m.due;
    const problem = change > 0 ? await this.dispense(m, change) : null;
    log.info({ due: m.due, change, owed: settle(m).owed }, 'cash payment complete');
    return { ...settle(m), status: 'paid', change, problem };
  }

  /** Disables acceptance and returns the escrow (cancel / timeout / fault). */
  private async giveBack(m: MoneyState, status: 'cancelled' | 'timed-out', why: CollectResult['problem'] = null): Promise<CollectResult> {
    await this.sendTolerant(m, { op: 'disable' });
    let problem: PayoutProblem = null;
    try {
      await this.link.send({ op: 'return-escrow' });
      const ev = await this.awaitEvent(m, 'returned');
      if (ev === 'disconnected' || ev === 'timeout') problem = ev === 'timeout' ? 'response-timeout' : 'disconnected';
      else {
        m.paidOut += ev.returned;
        if (ev.result !== 'ok') problem = ev.result;
      }
    } catch (e) {
      if (!(e instanceof CashUnitError)) throw e;
      problem = e.code === 'disconnected' ? 'disconnected' : e.code === 'response-timeout' ? 'response-timeout' : 'device-error';
    }
    const s = settle(m);
    if (s.owed > 0 && problem === null) problem = 'device-error';
    log.info({ status, inserted: s.inserted, owed: s.owed, why }, 'cash payment given back');
    return { ...s, status, change: 0, problem: problem ?? why };
  }

  private async failOnFault(m: MoneyState, fault: FaultCode): Promise<never> {
    const back = await this.giveBack(m, 'cancelled');
    throw new CashUnitError('device-fault', `cash unit fault: ${fault}`, { money: settle({ ...back }), fault });
  }

  /** Pays out `amount`, adding to m.paidOut as the device reports progress. Returns the problem, if any. */
  private async dispense(m: MoneyState, amount: number): Promise<PayoutProblem> {
    const base = m.paidOut;
    try {
      await this.link.send({ op: 'dispense', amount });
    } catch (e) {
      if (!(e instanceof CashUnitError)) throw e;
      return e.code === 'disconnected' ? 'disconnected' : e.code === 'response-timeout' ? 'response-timeout' : 'device-error';
    }
    for (;;) {
      const ev = await this.awaitEvent(m, 'dispense-progress', 'dispense-complete');
      if (ev === 'timeout') return 'response-timeout';
      if (ev === 'disconnected') return 'disconnected';
      m.paidOut = base + Math.min(ev.dispensed, amount);
      if (ev.type === 'dispense-complete') return ev.result === 'ok' && ev.dispensed >= amount ? null : ev.result === 'ok' ? 'device-error' : ev.result;
    }
  }

  // ----- plumbing -----

  /** Waits for an event of one of `types`, applying others to the books; a cancel is remembered, not acted on. */
  private async awaitEvent<T extends DeviceEvent['type']>(
    m: MoneyState,
    ...types: T[]
  ): Promise<Extract<DeviceEvent, { type: T }> | 'timeout' | 'disconnected'> {
    for (;;) {
      const s: Stimulus = await this.link.next(this.opts.operationTimeoutMs);
      if (s.kind === 'timeout' || s.kind === 'disconnected') return s.kind;
      if (s.kind === 'cancel') this.cancelPending = true;
      if (s.kind !== 'event') continue;
      if ((types as string[]).includes(s.event.type)) return s.event as Extract<DeviceEvent, { type: T }>;
      this.observe(m, s.event);
    }
  }

  private async query<T extends 'status' | 'inventory'>(
    cmd: { op: 'get-status' | 'get-inventory' | 'reset' },
    type: T,
  ): Promise<Extract<DeviceEvent, { type: T }>> {
    this.begin(cmd.op);
    try {
      this.link.drain();
      await this.link.send(cmd);
      const ev = await this.awaitEvent(money('refund', 0), type);
      if (ev === 'timeout') throw new CashUnitError('response-timeout', `no ${type} report`);
      if (ev === 'disconnected') throw new CashUnitError('disconnected', 'cash unit disconnected');
      return ev;
    } finally {
      this.end();
    }
  }

  /** Sends a command whose refusal does not matter (DISABLE); a disconnect still stops the operation. */
  private async sendTolerant(m: MoneyState, cmd: { op: 'disable' }): Promise<void> {
    try {
      await this.link.send(cmd);
    } catch (e) {
      if (e instanceof CashUnitError && e.code === 'disconnected') throw lost(m);
      log.warn({ op: cmd.op, code: (e as CashUnitError).code }, 'command refused; continuing');
    }
  }

  /** Awaits a command, turning a failure into a CashUnitError that carries the money state. */
  private async guarded(m: MoneyState, p: Promise<void>): Promise<void> {
    try {
      await p;
    } catch (e) {
      if (!(e instanceof CashUnitError)) throw e;
      if (m.inserted > 0 && e.code !== 'disconnected') {
        // The device holds citizen money: try to give it back before reporting the failure.
        const back = await this.giveBack(m, 'cancelled');
        throw new CashUnitError(e.code, e.message, { ...e.details, money: settle({ ...back }) });
      }
      throw new CashUnitError(e.code, e.message, { ...e.details, money: settle(m) });
    }
  }

  private begin(what: string, requireConnected = true): void {
    if (this.busyWith) throw new CashUnitError('busy', `cash unit busy with ${this.busyWith}`);
    if (requireConnected && !this.link.connected) throw new CashUnitError('disconnected', 'cash unit is not connected');
    this.busyWith = what;
  }
  private end(): void {
    this.busyWith = null;
  }
}

function money(operation: MoneyState['operation'], due: number): MoneyState {
  return { operation, due, inserted: 0, kept: 0, paidOut: 0, owed: 0, unverified: 0 };
}

/** Recomputes `owed` from the invariant and returns a snapshot. */
function settle(m: MoneyState): MoneyState {
  const owed = m.operation === 'collect' ? m.inserted - m.kept - m.paidOut : m.due - m.paidOut;
  if (owed < 0) log.error({ owed }, 'paid out more than owed');
  m.owed = Math.max(0, owed);
  return { operation: m.operation, due: m.due, inserted: m.inserted, kept: m.kept, paidOut: m.paidOut, owed: m.owed, unverified: m.unverified };
}

function lost(m: MoneyState): CashUnitError {
  return new CashUnitError('disconnected', 'cash unit disconnected during the operation', { money: settle(m) });
}

function checkAmount(v: number): void {
  if (!Number.isInteger(v) || v <= 0 || v % 10 !== 0 || v > 10_000_000) {
    throw new CashUnitError('bad-amount', 'amount must be a positive multiple of 10 yen up to 10,000,000');
  }
}
