/** Row shape of `transactions` and the public record built from it. No personal data in either. */
import type { PaymentMethod, RefundMethod, TransactionState } from './journal-states';

/** One row of `transactions` as SQLite returns it. */
export interface TransactionRow {
  id: string;
  kiosk_id: string;
  certificate_type: string;
  copies: number;
  amount_yen: number;
  state: TransactionState;
  seq: number;
  resident_ref: string | null;
  payment_method: PaymentMethod | null;
  payment_ref: string | null;
  paid_yen: number | null;
  paid_at: number | null;
  serial: string | null;
  print_attempts: number;
  print_job_id: number | null;
  issuer: string | null;
  printed_at: number | null;
  refund_method: RefundMethod | null;
  refund_voucher: string | null;
  refunded_yen: number | null;
  refunded_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A transaction as callers see it. */
export interface TransactionRecord {
  /** `TX-<kiosk>-<YYYYMMDD>-<random>`. */
  id: string;
  /** Certificate type code (e.g. `juminhyo`). */
  certificateType: string;
  /** Number of copies. */
  copies: number;
  /** Quoted fee (yen). */
  amountYen: number;
  /** Current state. */
  state: TransactionState;
  /** Number of state changes so far (1 = just selected). */
  seq: number;
  /** Opaque resident reference from the back end (never a name). */
  residentRef?: string;
  /** Payment method and device/provider reference. */
  payment?: { method: PaymentMethod; reference: string; amountYen: number; at: number };
  /** The back end (ward code) that issued the serial, when recorded at authentication. */
  issuer?: string;
  /** Current certificate serial (the latest one if re-issued). */
  serial?: string;
  /** How many print jobs were sent for this transaction (first send and every re-send). */
  printAttempts: number;
  /** The printer's job id of the current attempt, once the printer accepted it. */
  printJobId?: number;
  /** When the printer confirmed output. */
  printedAt?: number;
  /** Refund details. */
  refund?: { method: RefundMethod; amountYen: number; voucherNumber?: string; at: number };
  /** Creation and last change (epoch ms). */
  createdAt: number;
  updatedAt: number;
}

/** One entry of the append-only history. */
export interface JournalEvent {
  /** 1-based position in the transaction's history. */
  seq: number;
  /** State left (null for the first event). */
  from: TransactionState | null;
  /** State entered. */
  to: TransactionState;
  /** Epoch ms. */
  at: number;
  /** Amounts, methods, references, serials, reasons. */
  detail: Record<string, unknown>;
}

export function rowToRecord(r: TransactionRow): TransactionRecord {
  return {
    id: r.id,
    certificateType: r.certificate_type,
    copies: r.copies,
    amountYen: r.amount_yen,
    state: r.state,
    seq: r.seq,
    ...(r.resident_ref !== null ? { residentRef: r.resident_ref } : {}),
    ...(r.payment_method !== null && r.payment_ref !== null && r.paid_yen !== null && r.paid_at !== null
      ? { payment: { method: r.payment_method, reference: r.payment_ref, amountYen: r.paid_yen, at: r.paid_at } }
      : {}),
    ...(r.issuer !== null ? { issuer: r.issuer } : {}),
    ...(r.serial !== null ? { serial: r.serial } : {}),
    printAttempts: r.print_attempts,
    ...(r.print_job_id !== null ? { printJobId: r.print_job_id } : {}),
    ...(r.printed_at !== null ? { printedAt: r.printed_at } : {}),
    ...(r.refund_method !== null && r.refunded_yen !== null && r.refunded_at !== null
      ? {
          refund: {
            method: r.refund_method,
            amountYen: r.refunded_yen,
            at: r.refunded_at,
            ...(r.refund_voucher !== null ? { voucherNumber: r.refund_voucher } : {}),
          },
        }
      : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
