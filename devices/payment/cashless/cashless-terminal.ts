/**
 * The cashless payment terminal contract (IC card / e-money / QR code), hardware-neutral.
 *
 * Idempotency: every charge and refund carries an `idempotencyKey`. The terminal (and its
 * acquirer) never executes the same key twice: a repeat returns the first outcome, so a kiosk
 * that timed out can simply ask again with the same key. A repeat with a different amount is an
 * `idempotency-conflict` error. A new attempt after a definite decline needs a new key.
 *
 * Outcomes never throw: approvals, declines and errors are values. `outcomeUnknown: true` means
 * the terminal may have charged (e.g. it timed out after sending); resolve it with `lookup(key)`
 * or a repeat `charge` with the same key before telling the citizen anything.
 */
export type DeclineReason = 'insufficient-funds' | 'card-expired' | 'card-blocked' | 'cancelled-by-user' | 'limit-exceeded' | 'unsupported-card';
export type CashlessErrorCode = 'timeout' | 'offline' | 'device-error' | 'idempotency-conflict' | 'bad-request';

export type ChargeResult =
  | { status: 'approved'; transactionId: string; amount: number }
  | { status: 'declined'; reason: DeclineReason }
  | { status: 'error'; code: CashlessErrorCode; outcomeUnknown: boolean };

export type CashlessRefundResult =
  | { status: 'refunded'; refundId: string; transactionId: string; amount: number }
  | { status: 'rejected'; reason: 'unknown-transaction' | 'exceeds-charge' }
  | { status: 'error'; code: CashlessErrorCode; outcomeUnknown: boolean };

export interface CashlessStatus {
  /** ready: can take a charge; busy: a charge is running; offline: no link to the acquirer. */
  state: 'ready' | 'busy' | 'offline';
}

export interface CashlessTerminal {
  /** Loggable description (`sim:cashless`, a model name); no merchant ids. */
  readonly description: string;
  /**
   * Asks the citizen to pay `amount` yen (positive integer). Resolves approved / declined /
   * error; never rejects. The same `idempotencyKey` never charges twice.
   */
  charge(amount: number, opts: { idempotencyKey: string; signal?: AbortSignal }): Promise<ChargeResult>;
  /** Refunds up to the charged amount of `transactionId`; idempotent by key like `charge`. */
  refund(transactionId: string, amount: number, opts: { idempotencyKey: string }): Promise<CashlessRefundResult>;
  /** The final outcome of an earlier charge by its key: the result, or null if nothing was charged. */
  lookup(idempotencyKey: string): Promise<ChargeResult | null>;
  /** Current availability. */
  status(): Promise<CashlessStatus>;
  /** Releases timers/connections; pending calls resolve as errors. */
  close(): Promise<void>;
}

/** Shared request validation: positive whole yen, a sane key. */
export function badRequest(amount: number, key: string): boolean {
  return !Number.isInteger(amount) || amount <= 0 || amount > 10_000_000 || typeof key !== 'string' || key.length === 0 || key.length > 128;
}
