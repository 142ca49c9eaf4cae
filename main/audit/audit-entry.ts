/**
 * What one audit entry may say: who (a staff or system actor id), what (a kind from the list
 * below), on which record (a transaction id, serial, voucher or receipt number), the outcome, and a
 * few facts as short codes and numbers. Never a citizen's name, address, My Number or PIN, nor a
 * passcode or free text: every value is checked here before it is chained, so a caller that passes
 * one gets an error, not a tamper-evident record of personal data that can never be removed.
 */
import { REDACTED_KEYS } from '../../platform/log';

/** The kinds of entry. Later features add theirs here (one list, so `audit:verify --export` readers know them). */
export const AUDIT_KINDS = [
  'audit.opened',
  'staff.sign-in',
  'staff.sign-in-refused',
  'staff.lockout',
  'staff.sign-out',
  'staff.assist',
  'certificate.void',
  'certificate.reprint',
  'voucher.settle',
  'cash.operation',
  'outbox.retry',
  'outbox.dead-letter',
  'outbox.dead-letter-decision',
  'config.changed',
  'self-test',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export type AuditOutcome = 'ok' | 'refused' | 'failed';
export type AuditDetail = Readonly<Record<string, string | number | boolean>>;

/** One event to record (the log adds its number, time and chain links). */
export interface AuditEvent {
  kind: AuditKind;
  /** `kiosk` (the kiosk itself), `staff` (the shared staff passcode), `staff:<id>`, `technician`. */
  actor: string;
  /** The record acted on: a transaction id, a certificate serial, a voucher or receipt number. */
  subject?: string;
  outcome: AuditOutcome;
  /** Short codes, counts and amounts (see {@link auditEventProblem}). */
  detail?: AuditDetail;
}

/** One entry as stored and exported. */
export interface AuditEntry {
  seq: number;
  /** Epoch milliseconds (the kiosk's clock). */
  at: number;
  kind: AuditKind;
  actor: string;
  subject: string | null;
  outcome: AuditOutcome;
  detail: AuditDetail;
  /** The hash of the entry before (hex SHA-256; the chain's anchor for the first). */
  prev: string;
  /** This entry's hash (hex SHA-256 over its canonical encoding, `prev` included). */
  hash: string;
}

export class AuditEventError extends Error {
  readonly code = 'audit-invalid-event' as const;
  constructor(problem: string) {
    super(`audit event refused: ${problem}`);
    this.name = 'AuditEventError';
  }
}

const ACTOR = /^(kiosk|technician|staff(:[A-Za-z0-9._-]{1,32})?)$/;
const IDENT = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
const CODE = /^[A-Za-z0-9._:/-]{0,64}$/;
/** Four or more digits alone could be a PIN, a passcode or a My Number: amounts and counts are numbers. */
const DIGITS_ONLY = /^\d{4,}$/;
const FORBIDDEN_KEYS = new Set(REDACTED_KEYS.map((k) => k.toLowerCase()));
const MAX_DETAIL_KEYS = 16;

function valueProblem(key: string, value: unknown): string | null {
  if (FORBIDDEN_KEYS.has(key.toLowerCase())) return `detail key "${key}" may carry personal data`;
  if (!/^[a-zA-Z][a-zA-Z0-9]{0,31}$/.test(key)) return `detail key "${key.slice(0, 32)}" is not a short name`;
  if (typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? null : `detail ${key} is not an integer`;
  if (typeof value !== 'string') return `detail ${key} is not a string, number or boolean`;
  if (!CODE.test(value)) return `detail ${key} is not a short code`;
  if (DIGITS_ONLY.test(value)) return `detail ${key} is a digit string (could be a PIN or My Number)`;
  return null;
}

/** Why an event cannot be recorded, or null when it can. */
export function auditEventProblem(event: AuditEvent): string | null {
  if (!(AUDIT_KINDS as readonly string[]).includes(event.kind)) return `unknown kind "${String(event.kind).slice(0, 40)}"`;
  if (!ACTOR.test(event.actor)) return 'actor is not kiosk, technician, staff or staff:<id>';
  if (!['ok', 'refused', 'failed'].includes(event.outcome)) return 'unknown outcome';
  if (event.subject !== undefined && (!IDENT.test(event.subject) || DIGITS_ONLY.test(event.subject))) return 'subject is not a record id';
  const entries = Object.entries(event.detail ?? {});
  if (entries.length > MAX_DETAIL_KEYS) return 'too many detail keys';
  for (const [key, value] of entries) {
    const problem = valueProblem(key, value);
    if (problem) return problem;
  }
  return null;
}

/** A code from elsewhere (a back end's rejection, a device fault) made safe for `detail`. */
export function auditCode(code: string): string {
  const safe = code.replace(/[^A-Za-z0-9._:/-]/g, '-').slice(0, 64);
  return DIGITS_ONLY.test(safe) ? `code-${safe.slice(0, 59)}` : safe;
}
