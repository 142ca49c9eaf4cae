/**
 * Prints the receipt (領収書) a citizen asked for, after the certificates came out: the items
 * sold with their serials, what was paid and how, the kiosk and the office, at the kiosk clock's
 * time. A convenience, never a condition of the sale: any trouble (printer not ready, a render
 * or print failure) gives false and a staff warning, and the screen says to ask at the counter.
 */
import type { Printer } from '../../devices/printer/printer';
import type { Clock } from '../../platform/clock';
import { createLogger, errorCode } from '../../platform/log';
import { renderReceipt, type ReceiptInput, type ReceiptItem } from '../documents/receipt/receipt';
import type { StaffAlert } from '../staff/staff-alert';

const log = createLogger('receipt');

/** What the journey knows of a paid sale (the printer adds time, kiosk and office). */
export interface PaidSale {
  items: readonly ReceiptItem[];
  totalYen: number;
  method: ReceiptInput['method'];
}

/** Prints the receipt of a paid sale; true when the printer confirmed it came out. Never throws. */
export type ReceiptPrinter = (sale: PaidSale) => Promise<boolean>;

export interface ReceiptPrinterDeps {
  printer: Pick<Printer, 'health' | 'print'>;
  kioskId: string;
  /** Who received the money, as printed (e.g. 北九州市 小倉北区役所). */
  office: string;
  clock: Pick<Clock, 'now'>;
  alertStaff: (alert: StaffAlert) => void;
  /** Longest wait for the job (default 60 s). */
  timeoutMs?: number;
}

export function createReceiptPrinter(deps: ReceiptPrinterDeps): ReceiptPrinter {
  return async (sale) => {
    const reference = sale.items[0]?.serial;
    const notPrinted = (why: string): false => {
      log.warn({ why }, 'receipt not printed');
      deps.alertStaff({ code: 'receipt-not-printed', severity: 'warning', ...(reference ? { reference } : {}) });
      return false;
    };
    try {
      const health = await deps.printer.health().catch(() => null);
      if (!health?.ready) return notPrinted('printer-not-ready');
      const pdf = await renderReceipt({ ...sale, paidAt: new Date(deps.clock.now()), kioskId: deps.kioskId, office: deps.office });
      const result = await deps.printer.print(pdf, {
        jobName: `receipt-${reference ?? 'sale'}`,
        copies: 1,
        signal: AbortSignal.timeout(deps.timeoutMs ?? 60_000),
      });
      if (result.outcome !== 'completed') return notPrinted(`job-${result.outcome}`);
      log.info({ items: sale.items.length }, 'receipt printed');
      return true;
    } catch (err) {
      return notPrinted(errorCode(err));
    }
  };
}
