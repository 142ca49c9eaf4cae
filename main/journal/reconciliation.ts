/**
 * Daily reconciliation for the staff screen: what was taken, by certificate type, payment method
 * and what became of the sale (sold, refunded, voided, still open), so a refunded sale is never
 * counted as sold; what was refunded, by method; serials voided (and voids the back end has not
 * confirmed); certificates printed; and money still open (paid but not printed). All figures in yen.
 */
import type { JournalDatabase } from './journal-database';
import type { VoucherLedger, VoucherTotals } from './voucher-ledger';

/**
 * What became of a paid sale: `sold` (the certificate printed), `refunded` (the money went back),
 * `voided` (the serial was voided and no refund is journaled yet: staff follow it up), `open`
 * (paid, not printed yet).
 */
export const SALE_OUTCOMES = ['sold', 'open', 'voided', 'refunded'] as const;
export type SaleOutcome = (typeof SALE_OUTCOMES)[number];

/** The outcome of each journal state a paid sale can be in, as SQL (one place for the mapping). */
const OUTCOME_SQL = `CASE state WHEN 'refunded' THEN 'refunded' WHEN 'voided' THEN 'voided'
  WHEN 'paid' THEN 'open' WHEN 'printing' THEN 'open' ELSE 'sold' END`;
const OUTCOME_ORDER_SQL = `CASE outcome ${SALE_OUTCOMES.map((o, i) => `WHEN '${o}' THEN ${i}`).join(' ')} END`;

export interface DailyReconciliation {
  /** `YYYYMMDD` in the kiosk's calendar. */
  day: string;
  /** Payments taken that day, grouped by type, method and outcome (a refunded sale is not a sale). */
  sales: Array<{ certificateType: string; method: string; outcome: SaleOutcome; count: number; yen: number }>;
  /** Refunds made that day, by refund method. */
  refunds: Array<{ method: string; count: number; yen: number }>;
  /** Serials voided that day. */
  voids: number;
  /** Voided serials (any day) the back end has not acknowledged yet. */
  unconfirmedVoids: number;
  /** Certificates the printer confirmed that day. */
  printed: number;
  /** Sum of payments minus sum of refunds that day. */
  netYen: number;
  /** Transactions currently paid but not printed (should be 0 outside a sale). */
  openPaidNotPrinted: number;
  /** Refund vouchers: issued and settled that day, and still to pay out. */
  vouchers: VoucherTotals;
}

/** Epoch-ms bounds [start, end) of a calendar day at the given offset. */
export function dayBounds(day: string, utcOffsetMinutes: number): [number, number] {
  const start = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))) - utcOffsetMinutes * 60_000;
  return [start, start + 86_400_000];
}

export function dailyReconciliation(journal: JournalDatabase, vouchers: VoucherLedger, day: string): DailyReconciliation {
  const [from, to] = dayBounds(day, journal.utcOffsetMinutes);
  const sales = journal
    .stmt(
      `SELECT certificate_type AS certificateType, payment_method AS method, ${OUTCOME_SQL} AS outcome, count(*) AS count, sum(paid_yen) AS yen
       FROM transactions WHERE paid_at >= ? AND paid_at < ? GROUP BY 1, 2, 3 ORDER BY 1, 2, ${OUTCOME_ORDER_SQL}`,
    )
    .all(from, to) as DailyReconciliation['sales'];
  const refunds = journal
    .stmt(
      `SELECT refund_method AS method, count(*) AS count, sum(refunded_yen) AS yen
       FROM transactions WHERE refunded_at >= ? AND refunded_at < ? GROUP BY refund_method ORDER BY 1`,
    )
    .all(from, to) as DailyReconciliation['refunds'];
  const one = (sql: string, ...args: number[]): number => (journal.stmt(sql).get(...args) as { n: number }).n;
  const taken = sales.reduce((s, r) => s + r.yen, 0);
  const given = refunds.reduce((s, r) => s + r.yen, 0);
  return {
    day,
    sales,
    refunds,
    voids: one('SELECT count(*) AS n FROM serials WHERE voided_at >= ? AND voided_at < ?', from, to),
    unconfirmedVoids: one('SELECT count(*) AS n FROM serials WHERE voided_at IS NOT NULL AND void_confirmed_at IS NULL'),
    printed: one('SELECT count(*) AS n FROM transactions WHERE printed_at >= ? AND printed_at < ?', from, to),
    netYen: taken - given,
    openPaidNotPrinted: one("SELECT count(*) AS n FROM transactions WHERE state IN ('paid', 'printing')"),
    vouchers: vouchers.totals(from, to),
  };
}
