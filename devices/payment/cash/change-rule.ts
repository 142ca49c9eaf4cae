/**
 * Which coins and notes the cash unit may take, given what is still due and the change it holds.
 *
 * A real 自動交付機 never takes a note it cannot change: the validator is told the allowed
 * denominations before it accepts, and anything else comes straight back out of the slot
 * (「千円札はご利用いただけません」). Taking it and then owing the change by voucher would send
 * the citizen to the counter for money the machine should never have kept.
 *
 * The unit stops accepting by itself once the escrow reaches the fee (see ENABLE in
 * cash-unit-protocol.ts), so only the one coin or note that crosses the fee ever needs change:
 * `denomination - remaining`. It is allowed when that change can be paid out of the recycler as
 * the unit pays it: greedily, largest denomination first (the simulator does exactly this, and so
 * do the common recyclers). Coins inserted during this payment are not counted as change: the
 * rule errs towards refusing, never towards owing.
 */
import { DENOMINATIONS, type Denomination } from './cash-unit-protocol';

/** The recycler's change: count per denomination (the INVENTORY report). */
export type ChangeInventory = readonly { denomination: Denomination; count: number }[];

/** True when the unit, paying out greedily from `inventory`, can pay exactly `amount` yen. */
export function canPayOut(amount: number, inventory: ChangeInventory): boolean {
  let left = amount;
  for (const d of [...DENOMINATIONS].reverse()) {
    const have = inventory.filter((i) => i.denomination === d).reduce((s, i) => s + i.count, 0);
    left -= Math.min(have, Math.floor(left / d)) * d;
  }
  return left === 0;
}

/**
 * The denominations of `offered` the unit may take while `remaining` yen are still due: those that
 * do not pass the fee, and those whose change the recycler can pay. `remaining` ≤ 0 allows nothing.
 */
export function acceptableDenominations(remaining: number, offered: readonly Denomination[], inventory: ChangeInventory): Denomination[] {
  if (remaining <= 0) return [];
  return offered.filter((d) => d <= remaining || canPayOut(d - remaining, inventory));
}
