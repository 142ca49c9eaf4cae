/**
 * Results, money state and errors of the `CashUnit` service.
 *
 * Money invariants (checked by the contract tests after every scenario):
 *  - collect: inserted = kept + paidOut + owed, every field ≥ 0, at every settled result or error.
 *  - refund:  due (the amount to refund) = paidOut + owed.
 *  - `owed` > 0 means the citizen is still owed that much: the kiosk issues a refund voucher
 *    and alerts staff. `unverified` is cash the device reported stuck in a jam (not counted in
 *    `inserted`); staff find it when clearing the jam.
 */
import type { Denomination, FaultCode, NakReason, OperationResult } from './cash-unit-protocol';

/** Where every yen of one operation is. */
export interface MoneyState {
  /** 'collect' for a payment, 'refund' for a later refund. */
  operation: 'collect' | 'refund';
  /** Collect: the fee due. Refund: the amount to refund. */
  due: number;
  /** Collect: cash the device counted from the citizen. Refund: 0. */
  inserted: number;
  /** Collect: cash kept as the fee (equals `due` once committed, else 0). Refund: 0. */
  kept: number;
  /** Cash handed to the citizen: change, returned escrow, refund. */
  paidOut: number;
  /** Still owed to the citizen (voucher + staff alert when > 0). */
  owed: number;
  /** Value the device reported stuck in a jam, not included in `inserted` (0 if none/unknown). */
  unverified: number;
}

/** Why an operation paid out less than it should have (null when it paid everything). */
export type PayoutProblem = Exclude<OperationResult, 'ok'> | 'disconnected' | 'response-timeout' | null;

/** How `collect` ended when it did not throw. */
export type CollectResult = MoneyState & {
  /** paid: the fee is kept; cancelled: by cancel() or the abort signal; timed-out: nobody inserted anything for too long. */
  status: 'paid' | 'cancelled' | 'timed-out';
  /** Change due (inserted - due) for 'paid', 0 otherwise. */
  change: number;
  /**
   * Set when change or the returned escrow could not be paid out fully (then owed > 0); or, on a
   * `cancelled` result with nothing owed, `cannot-make-change`: the item that crossed the fee needed
   * change the unit does not hold, so everything inserted was given back instead (change-rule.ts);
   * `no-change-for-any`: nothing the unit takes could be changed for this fee, so it was not
   * enabled at all and nothing was inserted.
   */
  problem: PayoutProblem | 'no-change-for-any';
};

/** How `refund` ended when it did not throw. */
export type RefundResult = MoneyState & { problem: PayoutProblem };

export type CashUnitErrorCode =
  | 'busy'
  | 'bad-amount'
  | 'disconnected'
  | 'response-timeout'
  | 'nak'
  | 'device-fault'
  | 'protocol'
  /** The device holds escrow from an earlier payment that could not be returned: staff must empty it. */
  | 'escrow-held';

/** Typed CashUnit failure. `money` (when an operation was under way) says where every yen is. */
export class CashUnitError extends Error {
  override readonly name = 'CashUnitError';
  constructor(
    readonly code: CashUnitErrorCode,
    message: string,
    readonly details: { money?: MoneyState; fault?: FaultCode; nakReason?: NakReason } = {},
  ) {
    super(message);
  }
  get money(): MoneyState | undefined {
    return this.details.money;
  }
}

/** Progress during collect. */
export interface InsertedProgress {
  due: number;
  inserted: number;
  remaining: number;
}

/** What the unit was told it may take now (change-rule.ts); `refused` are the configured ones it may not. */
export interface AcceptingDenominations {
  accept: Denomination[];
  refused: Denomination[];
}

export interface CashUnitEvents {
  /** The unit was (re-)enabled for these denominations. */
  accepting: (a: AcceptingDenominations) => void;
  /** The counted total changed (after each accepted coin/note). */
  inserted: (p: InsertedProgress) => void;
  /** A coin/note was handed back (not enabled, unrecognised, cash box full). */
  rejected: (r: { denomination: number | null; reason: string }) => void;
  /** A device fault was reported (jam, door-open... and the non-blocking low-change, cash-box-full). */
  fault: (f: { fault: FaultCode; value: number }) => void;
}
