/**
 * A basket's print run stopped after some of its items printed: the items not printed are
 * refunded by voucher, the route crash recovery takes, because the payment device can only give
 * back a whole payment and the printed items' fees are rightly kept. Each unprinted serial is
 * voided, each item journaled refunded at exactly its own share under its own voucher (a voucher
 * belongs to one transaction), staff told. An item already settled is never refunded again.
 * (Nothing printed yet: the journey gives the whole payment back instead, as for one certificate.)
 */
import { refundDue } from './basket';
import type { JournaledSale } from './journaled-sale';
import type { JourneyDeps } from './journey-deps';
import { voidIssuedSerial } from './money-return';
import type { Prepared } from './print-sale';

export interface PaidBasketItem {
  sale: JournaledSale;
  prepared: Prepared;
  /** This item's share of the payment, as journaled `paid`. */
  paidYen: number;
}

export interface UnprintedRefund {
  /** Journaled vouchers, in the basket's order. */
  vouchers: { number: string; amountYen: number }[];
  /** Yen no voucher could be journaled for: staff were told the serial and the amount. */
  unrecordedYen: number;
}

/** Journal states in which an item was paid for and neither printed nor settled yet. */
const UNSETTLED = new Set(['paid', 'printing', 'voided']);

export async function voucherUnprinted(
  deps: Pick<JourneyDeps, 'ward' | 'alertStaff' | 'journal'>,
  items: readonly PaidBasketItem[],
  reason: 'print-failed' | 'session-ended',
): Promise<UnprintedRefund> {
  const unsettled = items.filter((item) => UNSETTLED.has(item.sale.state));
  const due = new Set(refundDue(unsettled.map((item) => ({ serial: item.sale.serial, paidYen: item.paidYen, printed: item.prepared.printed }))).serials);
  const result: UnprintedRefund = { vouchers: [], unrecordedYen: 0 };
  for (const { sale, prepared, paidYen } of unsettled) {
    if (!due.has(sale.serial)) continue;
    const voidConfirmed = await voidIssuedSerial(deps, sale.issuer, sale.serial, 'print-failed');
    const number = sale.voucherNumber();
    const recorded =
      number !== null && sale.refunded({ refundedYen: 0, owedYen: paidYen, voucher: number, method: null, reason, voidConfirmed }) && sale.state === 'refunded';
    prepared.pdf.fill(0);
    if (recorded) {
      deps.alertStaff({ code: 'refund-voucher', severity: 'error', reference: number });
      result.vouchers.push({ number, amountYen: paidYen });
    } else {
      sale.unrecorded(paidYen);
      result.unrecordedYen += paidYen;
    }
  }
  return result;
}
