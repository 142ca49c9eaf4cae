/**
 * The contract between the dispatcher and whatever carries a submission to a ward back end.
 *
 * The sender must send `idempotencyKey` with every attempt: the dispatcher delivers at least once
 * (it resends after a crash or a lost answer) and the back end's idempotency turns that into
 * exactly-once effect (the same key returns the same receipt, never a duplicate).
 */

/** Any JSON value; payloads are JSON documents. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One queued submission, decrypted, as handed to a sender. */
export interface OutboxItem {
  /** Row id in the outbox (local only). */
  id: number;
  /** Local receipt number shown to the citizen. */
  receiptNumber: string;
  /** Key the back end uses to deduplicate; identical on every attempt. */
  idempotencyKey: string;
  /** Destination queue name (which ward back end). */
  destination: string;
  /** Submission kind (e.g. `moving-in`), chosen by the caller. */
  kind: string;
  /** The decrypted payload. Never log it. */
  payload: JsonValue;
  /** Attempts made before this one. */
  attempts: number;
  /** When the submission was queued (epoch ms). */
  createdAt: number;
}

/** What one delivery attempt achieved. */
export type SendResult =
  /** The back end stored it (or had already stored it under this key) and answered with its receipt. */
  | { status: 'delivered'; remoteReceipt: string }
  /** The back end refused it for good (validation, other 4xx): it goes to the dead-letter list. */
  | { status: 'rejected'; httpStatus: number; code: string }
  /** Transient failure (unreachable, timeout, 5xx, 429...): try again later with backoff. */
  | { status: 'retry'; reason: string };

/** Carries one item to its destination. Must not throw (a throw is treated as a retry). */
export type Sender = (item: OutboxItem) => Promise<SendResult>;
