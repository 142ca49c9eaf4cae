/**
 * Row shapes of the outbox table and the public views built from them (receipts, dead letters,
 * status). None of these views carries a payload.
 */

/** One row of `submissions` as SQLite returns it. */
export interface SubmissionRow {
  id: number;
  receipt_number: string;
  idempotency_key: string;
  destination: string;
  kind: string;
  created_at: number;
  sealed: Buffer | null;
  state: 'queued' | 'delivered' | 'dead' | 'resolved';
  attempts: number;
  next_attempt_at: number;
  last_attempt_at: number | null;
  last_reason: string | null;
  remote_receipt: string | null;
  delivered_at: number | null;
  http_status: number | null;
  reject_code: string | null;
  dead_at: number | null;
  resolved_at: number | null;
  resolution: string | null;
}

/** The minimal receipt kept for every submission, also after its payload is purged. */
export interface SubmissionReceipt {
  /** Local receipt number given to the citizen. */
  receiptNumber: string;
  /** Idempotency key sent to the back end. */
  idempotencyKey: string;
  /** Destination queue. */
  destination: string;
  /** Submission kind. */
  kind: string;
  /** `queued` (waiting or retrying), `delivered`, `dead` (rejected, staff alerted) or `resolved` (staff closed it). */
  state: SubmissionRow['state'];
  /** Queue time (epoch ms). */
  createdAt: number;
  /** Attempts made so far. */
  attempts: number;
  /** Back end receipt once delivered. */
  remoteReceipt?: string;
  /** Delivery time (epoch ms). */
  deliveredAt?: number;
  /** Last transient failure reason while queued. */
  lastReason?: string;
  /** Whether the encrypted payload is still stored. */
  payloadStored: boolean;
}

/** A submission the back end refused; staff must handle it. */
export interface DeadLetter extends SubmissionReceipt {
  /** HTTP status of the refusal (0 if the payload could not be read locally). */
  httpStatus: number;
  /** Machine code of the refusal (e.g. `validation-failed`, `payload-integrity`). */
  code: string;
}

/** Per-destination counts. */
export interface DestinationStatus {
  /** Waiting or retrying. */
  queued: number;
  /** Delivered receipts kept. */
  delivered: number;
  /** Rejected, awaiting staff. */
  deadLetters: number;
  /** Queue time of the oldest waiting submission. */
  oldestQueuedAt?: number;
  /** Earliest scheduled attempt among waiting submissions. */
  nextAttemptAt?: number;
}

/** Counts for the staff screen. */
export interface OutboxStatus {
  /** Waiting or retrying, all destinations. */
  queued: number;
  /** Delivered receipts kept. */
  delivered: number;
  /** Awaiting staff. */
  deadLetters: number;
  /** Dead letters staff have closed. */
  resolved: number;
  /** The same counts per destination. */
  byDestination: Record<string, DestinationStatus>;
}

/** Builds the public receipt view of a row. */
export function rowToReceipt(row: SubmissionRow): SubmissionReceipt {
  return {
    receiptNumber: row.receipt_number,
    idempotencyKey: row.idempotency_key,
    destination: row.destination,
    kind: row.kind,
    state: row.state,
    createdAt: row.created_at,
    attempts: row.attempts,
    ...(row.remote_receipt !== null ? { remoteReceipt: row.remote_receipt } : {}),
    ...(row.delivered_at !== null ? { deliveredAt: row.delivered_at } : {}),
    ...(row.last_reason !== null ? { lastReason: row.last_reason } : {}),
    payloadStored: row.sealed !== null,
  };
}
