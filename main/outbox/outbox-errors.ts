/**
 * Typed errors of the submission outbox. None of them carries payload bytes or personal data.
 */

export type OutboxErrorCode =
  | 'key-missing'
  | 'key-mismatch'
  | 'key-invalid'
  | 'key-file-permissions'
  | 'keystore-unavailable'
  | 'key-location'
  | 'payload-integrity'
  | 'invalid-input'
  | 'idempotency-conflict'
  | 'not-found'
  | 'closed';

/** Base class; `code` is stable and safe to log. */
export class OutboxError extends Error {
  /** Stable machine-readable code. */
  readonly code: OutboxErrorCode;

  constructor(code: OutboxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** The encryption key cannot be obtained, does not fit the stored data, or is badly protected. */
export class OutboxKeyError extends OutboxError {}

/** A stored payload failed authentication (tampered, truncated, or moved to another row). */
export class PayloadIntegrityError extends OutboxError {
  /** Receipt number of the affected row (not secret). */
  readonly receiptNumber: string;

  constructor(receiptNumber: string, options?: { cause?: unknown }) {
    super('payload-integrity', `Stored payload of ${receiptNumber} failed authentication (tampered or swapped).`, options);
    this.receiptNumber = receiptNumber;
  }
}

/** The caller passed something the outbox refuses (bad destination, oversize payload...). */
export class OutboxInputError extends OutboxError {
  constructor(message: string) {
    super('invalid-input', message);
  }
}

/** The same idempotency key was reused for a different submission. */
export class IdempotencyConflictError extends OutboxError {
  constructor(idempotencyKey: string) {
    super('idempotency-conflict', `Idempotency key ${idempotencyKey} already names a different submission.`);
  }
}
