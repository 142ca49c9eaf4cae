/**
 * The queue's deliberate refusals, each a machine-readable code; the HTTP layer maps a code to
 * its status (queue/http/queue-routes.ts) and the OpenAPI lists them all.
 */
export const queueErrorCodes = [
  'unknown-ward',
  'unknown-service',
  'unknown-counter',
  'ticket-not-found',
  'illegal-transition',
  'transfer-target-required',
  'reservation-not-offered',
  'slot-invalid',
  'slot-full',
  'reservation-not-found',
  'reservation-not-today',
  'reservation-already-checked-in',
  'check-in-too-early',
] as const;
export type QueueErrorCode = (typeof queueErrorCodes)[number];

export class QueueError extends Error {
  constructor(
    readonly code: QueueErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'QueueError';
  }
}
