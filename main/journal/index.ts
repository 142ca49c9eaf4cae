/** Public surface of the certificate transaction journal. */
export { TransactionJournal, type TransactionJournalOptions, type TransactionRecord, type JournalEvent } from './transaction-journal';
export type { PrintJobFact, RecoveryAction, RecoveryPolicy, RecoveryRefundReason, RecoveryResult, RecoveryStaffAlert } from './crash-recovery';
export type { DailyReconciliation } from './reconciliation';
export {
  TRANSITIONS,
  TRANSACTION_STATES,
  PAYMENT_METHODS,
  REFUND_METHODS,
  canTransition,
  type TransactionState,
  type PaymentMethod,
  type RefundMethod,
} from './journal-states';
export { JournalError, IllegalTransitionError, type JournalErrorCode } from './journal-errors';
export { VoucherLedger, type VoucherRecord, type VoucherTotals } from './voucher-ledger';
export { PasscodeAttemptLedger, type PasscodeAttempts } from './passcode-attempts';
export { PendingVoidLedger, type PendingVoid, type PendingVoidOutcome } from './pending-voids';
export { StaffAlertStore, DEFAULT_ALERT_PRUNING, type AlertPruning, type StoredAlert } from './staff-alert-store';
