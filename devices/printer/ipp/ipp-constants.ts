/**
 * IPP operation ids, status codes and enum values used by Madoguchi (RFC 8011, PWG 5100.x).
 * Only what the client and the simulator speak; unknown numbers stay numbers.
 */

/** Operation ids (RFC 8011 section 5.4.15). */
export const Operation = {
  PrintJob: 0x0002,
  ValidateJob: 0x0004,
  CancelJob: 0x0008,
  GetJobAttributes: 0x0009,
  GetJobs: 0x000a,
  GetPrinterAttributes: 0x000b,
} as const;

/** Status codes (RFC 8011 section 4.1.6). */
export const Status = {
  successfulOk: 0x0000,
  successfulOkIgnoredOrSubstituted: 0x0001,
  clientErrorBadRequest: 0x0400,
  clientErrorForbidden: 0x0401,
  clientErrorNotFound: 0x0406,
  clientErrorNotPossible: 0x0404,
  clientErrorRequestEntityTooLarge: 0x0409,
  clientErrorAttributesOrValuesNotSupported: 0x040b,
  clientErrorDocumentFormatNotSupported: 0x040a,
  clientErrorCharsetNotSupported: 0x040d,
  clientErrorDocumentFormatError: 0x0418,
  serverErrorInternalError: 0x0500,
  serverErrorOperationNotSupported: 0x0501,
  serverErrorVersionNotSupported: 0x0503,
  serverErrorNotAcceptingJobs: 0x0506,
  serverErrorBusy: 0x0507,
} as const;

/** True for the successful-* status range (0x0000-0x00FF). */
export function isSuccessStatus(code: number): boolean {
  return code >= 0 && code <= 0x00ff;
}

/** printer-state enum (RFC 8011 section 5.4.11). */
export const PrinterStateEnum = { idle: 3, processing: 4, stopped: 5 } as const;

/** job-state enum (RFC 8011 section 5.3.7). */
export const JobStateEnum = {
  pending: 3,
  pendingHeld: 4,
  processing: 5,
  processingStopped: 6,
  canceled: 7,
  aborted: 8,
  completed: 9,
} as const;

/** Names for job-state values, as the rest of the code speaks them. */
export type JobStateName = 'pending' | 'pending-held' | 'processing' | 'processing-stopped' | 'canceled' | 'aborted' | 'completed';

const JOB_STATE_NAMES: Record<number, JobStateName> = {
  3: 'pending',
  4: 'pending-held',
  5: 'processing',
  6: 'processing-stopped',
  7: 'canceled',
  8: 'aborted',
  9: 'completed',
};

/** Maps a job-state enum to its name, or null if the number is not a job state. */
export function jobStateName(value: number): JobStateName | null {
  return JOB_STATE_NAMES[value] ?? null;
}

/** True for the three terminal job states. */
export function isTerminalJobState(state: JobStateName): boolean {
  return state === 'canceled' || state === 'aborted' || state === 'completed';
}

/** The document format Madoguchi prints: certificates are rendered as PDF. */
export const PDF_FORMAT = 'application/pdf';
