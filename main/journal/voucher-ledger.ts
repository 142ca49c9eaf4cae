/**
 * Refund vouchers (返金引換券): money the kiosk owes a citizen, paid out at the counter.
 *
 * A voucher is born with a voucher refund (a trigger in journal-schema.ts writes its row in the
 * same commit as the `refunded` event) or, for cash a failed payment could not give back before
 * anything was paid, by {@link VoucherLedger.issue}. Each gets a random 8-hex-digit 照合コード
 * (check code) that only the journal and the printed slip know. Staff settle a voucher once,
 * with its number and amount (and the code when a slip was printed): a copied slip therefore
 * pays out at most once in total, and a made-up one needs a number, amount and code that match.
 *
 * Every change also appends an event to the transaction's history (same state, no transition),
 * so the audit trail of a sale shows its voucher issued and settled. No personal data.
 */
import { JournalError } from './journal-errors';
import type { TransactionState } from './journal-states';
import type { JournalDatabase } from './journal-database';

const VOUCHER = /^RV-[A-Za-z0-9-]{4,60}$/;
const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;
const CHECK = /^[0-9A-F]{8}$/;

/** One voucher as the journal keeps it. */
export interface VoucherRecord {
  /** `RV-<kiosk>-<YYYYMMDD>-<NNNN>`. */
  number: string;
  /** The sale it belongs to. */
  txId: string;
  /** Yen owed to the citizen (what the machine could not give back). */
  amountYen: number;
  /** Why it was issued (short code: `print-failed`, `payment-failed`, `printer-not-ready`...). */
  reason: string;
  /** 照合コード printed on the slip (8 hex digits). Never shown in staff listings. */
  checkCode: string;
  /** Epoch ms. */
  issuedAt: number;
  /** When the kiosk printed its slip, if it did. */
  slipPrintedAt?: number;
  /** When staff paid it out at the counter, and their coded reason. */
  settledAt?: number;
  settleReason?: string;
}

interface VoucherRow {
  number: string;
  tx_id: string;
  amount_yen: number;
  reason: string;
  check_code: string;
  issued_at: number;
  slip_printed_at: number | null;
  settled_at: number | null;
  settle_reason: string | null;
}

function toRecord(r: VoucherRow): VoucherRecord {
  return {
    number: r.number,
    txId: r.tx_id,
    amountYen: r.amount_yen,
    reason: r.reason,
    checkCode: r.check_code,
    issuedAt: r.issued_at,
    ...(r.slip_printed_at !== null ? { slipPrintedAt: r.slip_printed_at } : {}),
    ...(r.settled_at !== null ? { settledAt: r.settled_at } : {}),
    ...(r.settle_reason !== null ? { settleReason: r.settle_reason } : {}),
  };
}

/** Totals of vouchers for the daily reconciliation. */
export interface VoucherTotals {
  /** Issued that day. */
  issued: { count: number; yen: number };
  /** Paid out at the counter that day (issued any day). */
  settled: { count: number; yen: number };
  /** Issued that day and not paid out yet. */
  outstandingOfDay: { count: number; yen: number };
  /** Not paid out yet, whatever day they were issued (now). */
  outstanding: { count: number; yen: number };
}

export class VoucherLedger {
  constructor(private readonly database: JournalDatabase) {}

  /** One voucher, or undefined. */
  get(number: string): VoucherRecord | undefined {
    const row = this.database.stmt('SELECT * FROM vouchers WHERE number = ?').get(number) as VoucherRow | undefined;
    return row && toRecord(row);
  }

  /**
   * Records a voucher that is not part of a refund transition (e.g. coins a failed payment could
   * not give back, while the sale itself is cancelled). `number` comes from `nextVoucherNumber()`.
   */
  issue(input: { number: string; txId: string; amountYen: number; reason: string }): VoucherRecord {
    check(VOUCHER.test(input.number), 'voucher number format is invalid.');
    check(CODE.test(input.reason), 'reason must be a short code.');
    check(Number.isSafeInteger(input.amountYen) && input.amountYen > 0, 'amountYen must be a positive integer.');
    const at = this.database.now();
    this.database.db
      .transaction(() => {
        this.note(input.txId, at, { voucherIssued: input.number, amountYen: input.amountYen, reason: input.reason });
        this.database
          .stmt('INSERT INTO vouchers (number, tx_id, amount_yen, reason, check_code, issued_at) VALUES (?, ?, ?, ?, upper(hex(randomblob(4))), ?)')
          .run(input.number, input.txId, input.amountYen, input.reason, at);
      })
      .immediate();
    return this.get(input.number) as VoucherRecord;
  }

  /** The kiosk printed the voucher's slip (from now on settling it needs the 照合コード). */
  markSlipPrinted(number: string): void {
    const r = this.database.stmt('UPDATE vouchers SET slip_printed_at = ? WHERE number = ? AND slip_printed_at IS NULL').run(this.database.now(), number);
    if (r.changes === 0 && !this.get(number)) throw new JournalError('not-found', `No voucher ${number}.`);
  }

  /**
   * Staff paid the voucher out at the counter. `amountYen` must be the journal's; `checkCode` is
   * required when a slip was printed (staff copy it from the slip) and checked whenever given.
   * Throws JournalError `not-found`, `voucher-settled` or `voucher-mismatch`; nothing changes then.
   */
  settle(input: { number: string; amountYen: number; checkCode?: string; reason: string }): VoucherRecord {
    check(CODE.test(input.reason), 'reason must be a short code.');
    const at = this.database.now();
    this.database.db
      .transaction(() => {
        const row = this.database.stmt('SELECT * FROM vouchers WHERE number = ?').get(input.number) as VoucherRow | undefined;
        if (!row) throw new JournalError('not-found', `No voucher ${input.number}.`);
        if (row.settled_at !== null) throw new JournalError('voucher-settled', `Voucher ${row.number} was already paid out.`);
        const code = input.checkCode?.toUpperCase();
        const codeOk = code === undefined ? row.slip_printed_at === null : CHECK.test(code) && code === row.check_code;
        if (input.amountYen !== row.amount_yen || !codeOk)
          throw new JournalError('voucher-mismatch', `Voucher ${row.number}: amount or check code does not match.`);
        this.database.stmt('UPDATE vouchers SET settled_at = ?, settle_reason = ? WHERE number = ?').run(at, input.reason, row.number);
        this.note(row.tx_id, at, { voucherSettled: row.number, amountYen: row.amount_yen, reason: input.reason });
      })
      .immediate();
    return this.get(input.number) as VoucherRecord;
  }

  /** Vouchers not yet paid out (any day) and those issued or settled in [from, to), oldest first. */
  list(from: number, to: number): VoucherRecord[] {
    const rows = this.database
      .stmt(
        `SELECT * FROM vouchers WHERE settled_at IS NULL OR (issued_at >= ? AND issued_at < ?) OR (settled_at >= ? AND settled_at < ?)
         ORDER BY issued_at, number`,
      )
      .all(from, to, from, to) as VoucherRow[];
    return rows.map(toRecord);
  }

  /** Totals for the reconciliation of the day [from, to). */
  totals(from: number, to: number): VoucherTotals {
    const sum = (where: string, ...args: number[]): { count: number; yen: number } => {
      const r = this.database.stmt(`SELECT count(*) AS count, coalesce(sum(amount_yen), 0) AS yen FROM vouchers WHERE ${where}`).get(...args) as {
        count: number;
        yen: number;
      };
      return { count: r.count, yen: r.yen };
    };
    return {
      issued: sum('issued_at >= ? AND issued_at < ?', from, to),
      settled: sum('settled_at >= ? AND settled_at < ?', from, to),
      outstandingOfDay: sum('issued_at >= ? AND issued_at < ? AND settled_at IS NULL', from, to),
      outstanding: sum('settled_at IS NULL'),
    };
  }

  /** Appends a same-state event to the transaction's history (inside the caller's transaction). */
  private note(txId: string, at: number, detail: Record<string, unknown>): void {
    const row = this.database.stmt('SELECT state, seq FROM transactions WHERE id = ?').get(txId) as { state: TransactionState; seq: number } | undefined;
    if (!row) throw new JournalError('not-found', `No transaction ${txId}.`);
    this.database.stmt('UPDATE transactions SET seq = ?, updated_at = ? WHERE id = ? AND seq = ?').run(row.seq + 1, at, txId, row.seq);
    this.database.appendEvent(txId, row.seq + 1, row.state, row.state, at, detail);
  }
}

function check(cond: boolean, message: string): void {
  if (!cond) throw new JournalError('invalid-input', message);
}
