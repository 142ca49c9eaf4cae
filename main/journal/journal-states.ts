/**
 * The certificate transaction state machine. One table, used by the code and mirrored by a database
 * trigger (see journal-schema.ts), so an illegal jump is refused twice.
 *
 * | from          | to            | when                                                                 |
 * |---------------|---------------|----------------------------------------------------------------------|
 * | (new)         | selected      | citizen chose certificate type and copies (amount quoted)            |
 * | selected      | authenticated | My Number card + PIN verified (resident reference id recorded)       |
 * | selected      | cancelled     | citizen cancelled, timeout, or crash before payment                  |
 * | authenticated | paid          | payment device confirmed the exact quoted amount                     |
 * | authenticated | cancelled     | as above (no money taken)                                            |
 * | paid          | printing      | back end issued the serial; written BEFORE the job goes to the printer|
 * | paid          | refunded      | nothing printed and cannot print (printer/back end down)             |
 * | printing      | printed       | printer confirmed the output                                         |
 * | printing      | voided        | print failed or its outcome is unknown: the serial is voided         |
 * | voided        | printing      | re-issue under a NEW serial (the voided one is dead at the back end) |
 * | voided        | refunded      | give up: the money goes back                                         |
 * | printed       | voided        | staff: the printout is defective or was not taken                    |
 * | printed       | card_returned | the citizen took the My Number card back                             |
 * | card_returned | done          | session closed                                                       |
 *
 * Terminal: done, refunded, cancelled. "Paid but not printed" = paid or printing (money taken, no
 * confirmed certificate): crash recovery resolves exactly these. A serial is never reused, so a
 * certificate can be issued only once; re-issue always voids first.
 */
import { transactionStateSchema } from '../../contract/staff-console';

/** The states, from the one list the staff console's contract also validates against. */
export const TRANSACTION_STATES = transactionStateSchema.options;

export type TransactionState = (typeof TRANSACTION_STATES)[number];

/** Legal transitions, keyed by the state left. */
export const TRANSITIONS: Readonly<Record<TransactionState, readonly TransactionState[]>> = {
  selected: ['authenticated', 'cancelled'],
  authenticated: ['paid', 'cancelled'],
  paid: ['printing', 'refunded'],
  printing: ['printed', 'voided'],
  voided: ['printing', 'refunded'],
  printed: ['card_returned', 'voided'],
  card_returned: ['done'],
  done: [],
  refunded: [],
  cancelled: [],
};

/** True when `from → to` is in the table. */
export function canTransition(from: TransactionState, to: TransactionState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** States where money was taken but no certificate is confirmed printed. */
export const PAID_NOT_PRINTED: readonly TransactionState[] = ['paid', 'printing'];

/** States before payment (a crash here costs the citizen nothing; recovery cancels them). */
export const BEFORE_PAYMENT: readonly TransactionState[] = ['selected', 'authenticated'];

export const PAYMENT_METHODS = ['cash', 'ic-card', 'qr', 'credit-card'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** How money went back: a voucher redeemed at the counter, cash from the kiosk, or reversal on the original method. */
export const REFUND_METHODS = ['voucher', 'cash', 'original-method'] as const;
export type RefundMethod = (typeof REFUND_METHODS)[number];
