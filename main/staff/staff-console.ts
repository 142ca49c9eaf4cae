/**
 * The staff console's work, behind the staff session: the overview (alerts, devices, back end,
 * outbox), today's transactions with void and reprint, "send the outbox now", and the daily
 * reconciliation. Every method assumes the caller (staff-handlers) checked the session.
 *
 * Safety rules for money and paper (see main/journal/journal-states.ts):
 * - void: only a serial the back end may still void: a transaction left `printing` (the paper
 *   may or may not have come out), or a voided/refunded/cancelled one whose earlier void failed
 *   (the journal holds its serial as void-pending, main/journal/pending-voids.ts; without that
 *   store, a `backend-void-failed` alert names it). The back end's void is idempotent. A
 *   printed serial is final at the back end (409 already-printed): a spoiled printout is handled
 *   at the counter, not here.
 * - reprint: only money taken without a confirmed printout (`paid`, `printing`) and only the SAME
 *   serial the back end still holds as issued-unprinted (see staff-reprinter.ts), so one payment
 *   never yields two valid papers.
 */
import { KioskError } from '../../contract/errors';
import type { StaffOverview, StaffReason, StaffReconciliation, StaffTransaction, StaffVoucher } from '../../contract/staff-console';
import { wardInfo, type VoidRequest, type WardId } from '../../contract/ward-api';
import { createLogger, errorCode } from '../../platform/log';
import { TRANSACTION_STATES, type TransactionRecord } from '../journal';
import { dayBounds } from '../journal/reconciliation';
import { JST_OFFSET_MINUTES } from '../outbox/receipt-number';
import { WardApiError } from '../ward/ward-client';
import type { StaffAlerts } from './staff-alerts';
import { settleVoucher, voucherView } from './staff-vouchers';
import { cardTile, cashTile, printerTile, type StaffCardReaders, type StaffCashUnit, type StaffPrinter } from './staff-device-status';
import type { CertificateReprinter, StaffDispatcher, StaffJournal, StaffOutbox, StaffWard } from './staff-ports';

const log = createLogger('staff-console');

export interface StaffConsoleDeps {
  kioskId: string;
  /** This kiosk's ward (health check). */
  wardId: WardId;
  alerts: StaffAlerts;
  cardReaders: StaffCardReaders;
  printer: StaffPrinter;
  cash: StaffCashUnit | null;
  ward: StaffWard;
  /** Null until the journal is wired: transaction requests answer `staff.unavailable`. */
  journal: StaffJournal | null;
  outbox: StaffOutbox | null;
  dispatcher: StaffDispatcher | null;
  reprinter: CertificateReprinter | null;
  /** True while a citizen is mid-payment: void and reprint wait. */
  citizenBusy: () => boolean;
  now?: () => number;
  /** UTC offset of the kiosk's calendar day (default +09:00). */
  utcOffsetMinutes?: number;
}

/** Always voidable: the paper may or may not have come out. */
const VOIDABLE = new Set(['printing']);
/** Voidable while the back end has not confirmed its serial's void (journal `pending_voids`): the serial is still valid there. */
const VOIDABLE_IF_VOID_FAILED = new Set(['voided', 'refunded', 'cancelled']);
const REPRINTABLE = new Set(['paid', 'printing']);

/** Staff reasons → the back end's void reasons. */
const BACKEND_VOID_REASON: Record<StaffReason, VoidRequest['reason']> = {
  spoiled: 'print-failed',
  'not-taken': 'cancelled',
  'print-failed': 'print-failed',
  'paper-jam': 'paper-jam',
  'voucher-redeemed': 'cancelled',
  other: 'cancelled',
};

function staffError(code: string): KioskError {
  return new KioskError(code, `staff:errors.${code}`);
}

/** The ward that issued a serial, from its local government code prefix (`40106-2025-…`). */
export function wardOfSerial(serial: string): WardId | null {
  const code = serial.slice(0, 5);
  const hit = (Object.entries(wardInfo) as Array<[WardId, { code: string }]>).find(([, w]) => w.code === code);
  return hit ? hit[0] : null;
}

export class StaffConsole {
  private readonly now: () => number;
  /** Serials staff voided in this run (their void-failed alerts are settled). */
  private readonly voidedByStaff = new Set<string>();

  constructor(private readonly deps: StaffConsoleDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** `YYYYMMDD` of now in the kiosk's calendar. */
  today(): string {
    const shifted = new Date(this.now() + (this.deps.utcOffsetMinutes ?? JST_OFFSET_MINUTES) * 60_000);
    return shifted.toISOString().slice(0, 10).replaceAll('-', '');
  }

  async overview(): Promise<StaffOverview> {
    const [printer, cash, backend] = await Promise.all([
      printerTile(this.deps.printer),
      cashTile(this.deps.cash),
      this.deps.ward.health(this.deps.wardId).then(
        () => true,
        () => false,
      ),
    ]);
    return {
      kioskId: this.deps.kioskId,
      alerts: this.alertViews(),
      card: cardTile(this.deps.cardReaders),
      printer,
      cash,
      backend: { reachable: backend, checkedAt: new Date(this.now()).toISOString(), pendingVoids: this.pendingVoidCount() },
      outbox: this.outboxTile(),
    };
  }

  alertViews(): StaffOverview['alerts'] {
    return [...this.deps.alerts.list()].reverse().map((a) => ({
      id: a.id,
      code: a.code.slice(0, 64),
      severity: a.severity,
      ...(a.reference !== undefined ? { reference: a.reference.slice(0, 64) } : {}),
      at: a.at,
      ...(a.ackedAt !== undefined ? { ackedAt: a.ackedAt } : {}),
    }));
  }

  ackAlert(id: number): StaffOverview['alerts'] {
    if (!this.deps.alerts.ack(id)) throw staffError('staff.not-found');
    return this.alertViews();
  }

  listTransactions(): StaffTransaction[] {
    const journal = this.need(this.deps.journal);
    const [from, to] = dayBounds(this.today(), this.deps.utcOffsetMinutes ?? JST_OFFSET_MINUTES);
    return journal
      .list(TRANSACTION_STATES)
      .filter((t) => (t.createdAt >= from && t.createdAt < to) || (t.updatedAt >= from && t.updatedAt < to))
      .reverse()
      .map((t) => this.toView(t));
  }

  async void(txId: string, reason: StaffReason): Promise<StaffTransaction> {
    this.need(this.deps.journal);
    const tx = this.transaction(txId);
    if (!this.canVoid(tx) || !tx.serial || this.deps.citizenBusy()) throw staffError('staff.not-allowed');
    const serial = tx.serial;
    // The issuing ward (recorded by the journal; else from the serial's prefix): any resident at any kiosk.
    const ward = (tx.issuer !== undefined && tx.issuer in wardInfo ? (tx.issuer as WardId) : null) ?? wardOfSerial(serial) ?? this.deps.wardId;
    try {
      await this.deps.ward.voidIssued(ward, serial, { reason: BACKEND_VOID_REASON[reason] }, `void-${serial}`);
    } catch (err) {
      const code = err instanceof WardApiError ? err.code : 'unknown';
      // Voided already (by the background retrier, or a void whose answer was lost): the goal is met.
      if (code === 'already-voided') return this.voided(txId, tx, serial, reason);
      log.warn({ txId, serial, code }, 'staff void refused or failed');
      throw staffError(code === 'unreachable' || code.startsWith('http-5') ? 'staff.backend-unreachable' : 'staff.backend-refused');
    }
    return this.voided(txId, tx, serial, reason);
  }

  /** Journals a void the back end confirmed (or had already made). */
  private voided(txId: string, tx: TransactionRecord, serial: string, reason: StaffReason): StaffTransaction {
    const journal = this.need(this.deps.journal);
    if (tx.state === 'printing') journal.markVoided(txId, { reason: `staff-${reason}`, backendConfirmed: true });
    else journal.confirmVoid(serial);
    // The void the retrier was waiting for is done (its alert stays listed for the record).
    journal.pendingVoids.resolve(serial, 'staff-voided');
    this.voidedByStaff.add(serial);
    log.info({ txId, serial, reason }, 'staff voided a serial');
    return this.toView(this.transaction(txId));
  }

  async reprint(txId: string, reason: StaffReason): Promise<StaffTransaction> {
    this.need(this.deps.journal);
    const reprinter = this.need(this.deps.reprinter);
    const tx = this.transaction(txId);
    if (!REPRINTABLE.has(tx.state) || this.deps.citizenBusy()) throw staffError('staff.not-allowed');
    log.info({ txId, reason }, 'staff reprint');
    return this.toView(await reprinter.reprint(txId, reason));
  }

  /** Makes every queued submission due now, per ward with something queued. Returns how many wards. */
  retryOutbox(): number {
    const outbox = this.need(this.deps.outbox);
    const dispatcher = this.need(this.deps.dispatcher);
    const wards = Object.entries(outbox.status().byDestination)
      .filter(([, d]) => d.queued > 0)
      .map(([w]) => w);
    for (const w of wards) dispatcher.notifyReachable(w);
    log.info({ wards: wards.length }, 'staff asked to send the outbox now');
    return wards.length;
  }

  reconciliation(day: string = this.today()): StaffReconciliation {
    const journal = this.need(this.deps.journal);
    const r = journal.reconcile(day);
    const [from, to] = dayBounds(day, this.deps.utcOffsetMinutes ?? JST_OFFSET_MINUTES);
    const byState = new Map<TransactionRecord['state'], { count: number; yen: number }>();
    for (const t of journal.list(TRANSACTION_STATES)) {
      if (t.createdAt < from || t.createdAt >= to) continue;
      const s = byState.get(t.state) ?? { count: 0, yen: 0 };
      s.count += 1;
      s.yen += t.payment?.amountYen ?? 0;
      byState.set(t.state, s);
    }
    const sum = (rows: Array<{ method: string; yen: number }>, method: string) => rows.filter((x) => x.method === method).reduce((a, x) => a + x.yen, 0);
    return {
      day: r.day,
      byOutcome: TRANSACTION_STATES.flatMap((state) => {
        const s = byState.get(state);
        return s ? [{ state, count: s.count, yen: s.yen }] : [];
      }),
      sales: r.sales,
      refunds: r.refunds,
      cashInYen: sum(r.sales, 'cash'),
      cashOutYen: sum(r.refunds, 'cash'),
      vouchersOutstanding: r.vouchers.outstandingOfDay,
      vouchersIssued: r.vouchers.issued,
      vouchersSettled: r.vouchers.settled,
      vouchersOpen: r.vouchers.outstanding,
      printed: r.printed,
      voids: r.voids,
      unconfirmedVoids: r.unconfirmedVoids,
      netYen: r.netYen,
      openPaidNotPrinted: r.openPaidNotPrinted,
    };
  }

  /** Vouchers still to pay out (any day) and those issued or paid out today. */
  listVouchers(): StaffVoucher[] {
    const journal = this.need(this.deps.journal);
    const [from, to] = dayBounds(this.today(), this.deps.utcOffsetMinutes ?? JST_OFFSET_MINUTES);
    return journal.vouchers.list(from, to).map(voucherView);
  }

  /** A voucher paid out at the counter (see staff-vouchers.ts). */
  settleVoucher(input: { voucher: string; amountYen: number; checkCode?: string; reason: string }): StaffVoucher {
    return settleVoucher(this.need(this.deps.journal).vouchers, input);
  }

  /** How many voids wait for the back end; null without the journal's store (or when it cannot be read). */
  private pendingVoidCount(): number | null {
    try {
      return this.deps.journal?.pendingVoids.count() ?? null;
    } catch (err) {
      log.error({ err: errorCode(err) }, 'pending voids not readable');
      return null;
    }
  }

  private outboxTile(): StaffOverview['outbox'] {
    const outbox = this.deps.outbox;
    if (!outbox) return null;
    const status = outbox.status();
    const backoff = this.deps.dispatcher?.status() ?? {};
    return {
      queued: status.queued,
      deadLetters: status.deadLetters,
      delivered: status.delivered,
      byWard: Object.entries(status.byDestination).map(([destination, d]) => ({
        destination,
        queued: d.queued,
        deadLetters: d.deadLetters,
        delivered: d.delivered,
        failures: backoff[destination]?.consecutiveFailures ?? null,
        oldestQueuedAt: d.oldestQueuedAt ?? null,
      })),
      deadLetterList: outbox
        .listDeadLetters()
        .slice(0, 50)
        .map((d) => ({ receiptNumber: d.receiptNumber, destination: d.destination, code: d.code, httpStatus: d.httpStatus })),
    };
  }

  private transaction(txId: string): TransactionRecord {
    const tx = this.need(this.deps.journal).get(txId);
    if (!tx) throw staffError('staff.not-found');
    return tx;
  }

  private toView(t: TransactionRecord): StaffTransaction {
    return {
      txId: t.id,
      serial: t.serial ?? null,
      certificateType: t.certificateType,
      copies: t.copies,
      feeYen: t.amountYen,
      state: t.state,
      paymentMethod: t.payment?.method ?? null,
      refundVoucher: t.refund?.voucherNumber ?? null,
      updatedAt: t.updatedAt,
      createdAt: t.createdAt,
      canReprint: REPRINTABLE.has(t.state) && this.deps.reprinter !== null,
      canVoid: this.canVoid(t),
    };
  }

  private canVoid(t: TransactionRecord): boolean {
    if (t.serial === undefined) return false;
    if (VOIDABLE.has(t.state)) return true;
    if (!VOIDABLE_IF_VOID_FAILED.has(t.state) || this.voidedByStaff.has(t.serial)) return false;
    // The journal's fact: it survives restarts and is cleared by the retrier or a staff void.
    return this.deps.journal?.pendingVoids.isPending(t.serial) ?? false;
  }

  private need<T>(service: T | null): T {
    if (service === null) throw staffError('staff.unavailable');
    return service;
  }
}
