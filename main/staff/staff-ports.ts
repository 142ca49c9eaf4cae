/**
 * What the staff console needs from the rest of the kiosk, as narrow interfaces: the real
 * journal, outbox, dispatcher and ward client satisfy them as they are, and a kiosk without
 * one of them (e.g. no outbox) passes null and the console says so.
 */
import type { IssuanceStatusResponse, VoidRequest, WardId } from '../../contract/ward-api';
import type { StaffReason } from '../../contract/staff-console';
import type { DailyReconciliation, PendingVoidLedger, TransactionRecord, TransactionState, VoucherLedger } from '../journal';
import type { DeadLetter, OutboxStatus } from '../outbox';
import type { PasscodeAttemptStore } from './passcode-lockout';

/** The journal's refund vouchers (main/journal/voucher-ledger.ts). */
export type StaffVoucherLedger = Pick<VoucherLedger, 'list' | 'settle'>;

/** The certificate transaction journal (main/journal). */
export interface StaffJournal {
  /** Refund vouchers: listed and paid out at the counter. */
  vouchers: StaffVoucherLedger;
  /** The staff passcode's wrong tries and lockout, kept across restarts (absent: memory only). */
  passcodeAttempts?: PasscodeAttemptStore;
  /** Transactions in the given states, oldest first. */
  list(states: readonly TransactionState[]): TransactionRecord[];
  get(txId: string): TransactionRecord | undefined;
  /** Totals of one calendar day (`YYYYMMDD`). */
  reconcile(day: string): DailyReconciliation;
  /** printing|printed → voided; `backendConfirmed` when the back end acknowledged the void. */
  markVoided(txId: string, input: { reason: string; backendConfirmed: boolean }): TransactionRecord;
  /** The back end acknowledged the void of `serial` (no-op if already confirmed). */
  confirmVoid(serial: string): void;
  /** Serials whose void the back end has not confirmed: a cancelled or refunded sale stays voidable while its serial is here. */
  pendingVoids: StaffPendingVoids;
}

/** The journal's void-pending serials (main/journal/pending-voids.ts). */
export type StaffPendingVoids = Pick<PendingVoidLedger, 'isPending' | 'resolve' | 'count'>;

/** The submission outbox (main/outbox): counts and dead letters, never payloads. */
export interface StaffOutbox {
  status(): OutboxStatus;
  listDeadLetters(): DeadLetter[];
}

/** The outbox dispatcher: backoff state, and "try now". */
export interface StaffDispatcher {
  status(): Record<string, { consecutiveFailures: number }>;
  notifyReachable(destination: string): void;
}

/** The ward back end, as far as staff need it. */
export interface StaffWard {
  /** Resolves when the back end answers its health check; rejects otherwise. */
  health(ward: WardId): Promise<unknown>;
  voidIssued(ward: WardId, serial: string, body: VoidRequest, idempotencyKey: string): Promise<IssuanceStatusResponse>;
}

/**
 * Re-issues a paid, unprinted (or voided) transaction under a new serial and prints it. The
 * certificate journey owns issuing and printing, so it implements this; the console only checks
 * that the state allows it and records the staff decision.
 */
export interface CertificateReprinter {
  reprint(txId: string, reason: StaffReason): Promise<TransactionRecord>;
}
