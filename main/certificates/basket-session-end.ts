/**
 * The session wipe for a basket (several sales, one payment record): each sale ends in the journal
 * as JournaledSale.atSessionEnd does for one certificate, but the one payment's money is shared
 * out first, so no yen is counted on two sales. Before payment (every sale still `authenticated`)
 * what the unit could not give back is owed once, on the first sale's voucher, and the rest are
 * cancelled. After payment each unsettled sale gets its own share of what went back
 * (splitMoneyBack); printed sales are done and get none.
 */
import type { PaymentMethod } from '../../devices/payment/payment-service';
import { splitMoneyBack } from './basket';
import type { JournaledSale } from './journaled-sale';

type PaymentFacts = { refunded: number; owed: number; method: PaymentMethod };

const AFTER_PAYMENT = new Set(['paid', 'printing']);

export function basketAtSessionEnd(
  items: readonly { sale: JournaledSale; paidYen: number }[],
  record: PaymentFacts | undefined,
  heldYen: number,
  changeVoucheredYen: number,
  alertStaff: (alert: { code: string; severity: 'error'; reference: string }) => void,
): void {
  const [first] = items;
  if (items.length <= 1 || !first) {
    first?.sale.atSessionEnd(record, heldYen, changeVoucheredYen);
    return;
  }
  const paid = items.filter((item) => AFTER_PAYMENT.has(item.sale.state));
  if (paid.length === 0) {
    // Not paid (or already settled): the first sale carries whatever the unit owes, once.
    items.forEach((item, i) => item.sale.atSessionEnd(i === 0 ? record : undefined, i === 0 ? heldYen : 0, i === 0 ? changeVoucheredYen : 0));
    return;
  }
  const owedYen = Math.max(0, (record?.owed ?? 0) - changeVoucheredYen) + heldYen;
  const split = splitMoneyBack(
    paid.map((item) => item.paidYen),
    record?.refunded ?? 0,
    owedYen,
  );
  if (!split) {
    // The money does not add up to the unsettled items: nothing is guessed into the journal (for one
    // sale the journal itself refuses a refund that is not what was paid). They stay paid-not-printed
    // for start-up recovery; staff get the payment to check against the cash unit by hand.
    alertStaff({ code: 'basket-money-mismatch', severity: 'error', reference: first.sale.id });
    return;
  }
  for (const item of items) {
    const i = paid.indexOf(item);
    if (i < 0) item.sale.atSessionEnd(undefined);
    else item.sale.atSessionEnd({ refunded: split[i]!.refundedYen, owed: split[i]!.owedYen, method: record?.method ?? 'cash' }, 0, 0);
  }
}
