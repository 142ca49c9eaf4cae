/**
 * Several certificates in one sale: the basket (type, options, copies per item) with its running
 * total, and the money rule for it. Pure: no device, no journal.
 *
 * The money rule: each item is its own journaled transaction with its own serial and fee (one
 * payment covers them all; each carries the same payment reference), so start-up recovery and a
 * refund are per item. After payment every yen kept ends as exactly one of: a printed item's fee,
 * money given back, or a voucher. A failure after payment gives back the fees of the items not
 * printed, and only those.
 */
import {
  basketTotalYen,
  itemTotalYen,
  MAX_BASKET_ITEMS,
  type BasketItemView,
  type CertificateChoice,
  type CertificateOptionsView,
  type CertificateView,
} from '../../contract/certificate-journey';
import type { RefusalReason } from '../../contract/ward-api';
import { choiceProblem, refusalMessageKey } from './issue-request';

export { MAX_BASKET_ITEMS };

type Offer = Extract<CertificateView, { step: 'choose' }>['offers'][number];

export type BasketItem = BasketItemView;

export { basketTotalYen, itemTotalYen };

/** Adds a choice, or says why not (an i18n key): a type not offered, options the back end would refuse, a full basket. */
export function addToBasket(
  items: readonly BasketItem[],
  choice: CertificateChoice,
  offers: readonly Offer[],
  options: CertificateOptionsView,
): { ok: true; items: BasketItem[] } | { ok: false; errorKey: string } {
  const offer = offers.find((o) => o.type === choice.type);
  if (!offer?.available) return { ok: false, errorKey: offer?.reasonKey ?? 'certificate.error.notOffered' };
  const problem = choiceProblem(choice, options);
  if (problem) return { ok: false, errorKey: problem };
  if (items.length >= MAX_BASKET_ITEMS) return { ok: false, errorKey: 'certificate.basket.full' };
  return { ok: true, items: [...items, { choice, unitFeeYen: offer.unitFeeYen }] };
}

export function removeFromBasket(items: readonly BasketItem[], index: number): BasketItem[] {
  return items.filter((_, i) => i !== index);
}

/**
 * Before payment: the items the back end refused leave the basket, each with the reason to show.
 * `refusals` maps an item's index to the back end's reason.
 */
export function dropRefused(
  items: readonly BasketItem[],
  refusals: ReadonlyMap<number, RefusalReason>,
): { kept: BasketItem[]; removed: { type: CertificateChoice['type']; reasonKey: string }[] } {
  return {
    kept: items.filter((_, i) => !refusals.has(i)),
    removed: [...refusals].sort(([a], [b]) => a - b).map(([i, reason]) => ({ type: items[i]!.choice.type, reasonKey: refusalMessageKey(reason) })),
  };
}

/** One paid item of a basket sale, as the journey knows it after payment. */
export interface PaidItem {
  serial: string;
  /** This item's share of the payment (its fee), journaled on its own transaction. */
  paidYen: number;
  printed: boolean;
}

/**
 * What a failure after payment gives back: the fees of the items not printed (their serials are
 * voided), never a printed item's fee.
 */
export function refundDue(items: readonly PaidItem[]): { serials: string[]; amountYen: number } {
  const unprinted = items.filter((item) => !item.printed);
  return { serials: unprinted.map((item) => item.serial), amountYen: unprinted.reduce((sum, item) => sum + item.paidYen, 0) };
}

/**
 * The payment kept is shared out exactly over the items, each journaled with its own fee (the back
 * end's, per item): a payment that does not equal their sum is not split (the sale is refunded whole).
 */
export function shareOutPayment(feesYen: readonly number[], keptYen: number): number[] | null {
  return feesYen.reduce((sum, fee) => sum + fee, 0) === keptYen ? [...feesYen] : null;
}

/** The money rule, checked: every yen kept is a printed item's fee, given back, or on a voucher. */
export function moneyAccountedFor(input: { keptYen: number; items: readonly PaidItem[]; givenBackYen: number; voucheredYen: number }): boolean {
  const printedYen = input.items.filter((item) => item.printed).reduce((sum, item) => sum + item.paidYen, 0);
  return printedYen + input.givenBackYen + input.voucheredYen === input.keptYen;
}

/** One item's part of the money going back, journaled on its own transaction. */
export interface ItemReturn {
  /** Given back by the payment device (coins/notes, or the card charge cancelled). */
  refundedYen: number;
  /** Owed by refund voucher (this item's own voucher: a voucher belongs to one transaction). */
  owedYen: number;
}

/**
 * Splits what one payment gave back over the items it paid for, so that each item's journaled
 * refund is exactly its own share (the journal refuses any other amount): what the device gave
 * back covers the items in order, what it owes covers the rest. `owedYen` must not include change
 * already owed under its own voucher: one yen is never counted on two items. Null when the amounts
 * do not add up to the shares (nothing is guessed; the caller tells staff).
 */
export function splitMoneyBack(sharesYen: readonly number[], refundedYen: number, owedYen: number): ItemReturn[] | null {
  const totalYen = sharesYen.reduce((sum, share) => sum + share, 0);
  if (refundedYen < 0 || owedYen < 0 || refundedYen + owedYen !== totalYen) return null;
  let refundLeft = refundedYen;
  return sharesYen.map((share) => {
    const refunded = Math.min(share, refundLeft);
    refundLeft -= refunded;
    return { refundedYen: refunded, owedYen: share - refunded };
  });
}
