/** Typed errors of the transaction journal. Messages carry ids and states, never personal data. */
import type { TransactionState } from './journal-states';

export type JournalErrorCode =
  | 'illegal-transition'
  | 'not-found'
  | 'invalid-input'
  | 'amount-mismatch'
  | 'serial-reused'
  | 'closed'
  /** The refund voucher was already paid out at the counter. */
  | 'voucher-settled'
  /** The amount or 照合コード given for a voucher is not the journal's. */
  | 'voucher-mismatch';

export class JournalError extends Error {
  /** Stable machine-readable code. */
  readonly code: JournalErrorCode;

  constructor(code: JournalErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/** The requested state change is not in the transition table. */
export class IllegalTransitionError extends JournalError {
  /** Current state. */
  readonly from: TransactionState;
  /** Requested state. */
  readonly to: TransactionState;

  constructor(txId: string, from: TransactionState, to: TransactionState) {
    super('illegal-transition', `Transaction ${txId}: ${from} → ${to} is not allowed.`);
    this.from = from;
    this.to = to;
  }
}
