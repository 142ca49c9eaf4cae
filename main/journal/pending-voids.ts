/**
 * Serials whose void the back end has not confirmed ("void pending"), kept in the journal database
 * (migration 5). A serial the kiosk refunded or cancelled but could not void stays VALID at the back
 * end until someone voids it: this is the fact the background retrier works from and the staff
 * console's void eligibility reads. A row is never deleted; it is resolved once, with its outcome.
 */
import { JournalError } from './journal-errors';
import type { JournalDatabase } from './journal-database';

const SERIAL = /^[A-Za-z0-9-]{4,64}$/;
const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** How a pending void ended. */
export type PendingVoidOutcome = 'voided' | 'already-voided' | 'printed' | 'staff-voided';

/** One serial waiting for its void. */
export interface PendingVoid {
  serial: string;
  /** The back end (ward id) that issued the serial: the one to void it at. */
  issuer: string;
  /** The back end's void reason (`cancelled`, `print-failed`, `power-loss`, …). */
  reason: string;
  /** Void attempts made after the first failed one. */
  attempts: number;
  /** When the retrier tries next, epoch ms. */
  nextTryAt: number;
  /** The last failure's code (`unreachable`, `http-503`, …); null before any retry. */
  lastError: string | null;
  /** Recorded at, epoch ms. */
  createdAt: number;
}

interface PendingRow {
  serial: string;
  issuer: string;
  reason: string;
  attempts: number;
  next_try_at: number;
  last_error: string | null;
  created_at: number;
}

const toPending = (r: PendingRow): PendingVoid => ({
  serial: r.serial,
  issuer: r.issuer,
  reason: r.reason,
  attempts: r.attempts,
  nextTryAt: r.next_try_at,
  lastError: r.last_error,
  createdAt: r.created_at,
});

function check(cond: boolean, message: string): void {
  if (!cond) throw new JournalError('invalid-input', message);
}

export class PendingVoidLedger {
  constructor(private readonly database: JournalDatabase) {}

  /**
   * Records `serial` as void-pending (first try at `nextTryAt`, default now). A serial already
   * pending keeps its row; one already resolved stays resolved (its void is done). Durable on return.
   */
  record(input: { serial: string; issuer: string; reason: string; nextTryAt?: number }): void {
    check(SERIAL.test(input.serial), 'serial format is invalid.');
    check(CODE.test(input.issuer), 'issuer must be a short code.');
    check(CODE.test(input.reason), 'reason must be a short code.');
    const now = this.database.now();
    this.database
      .stmt('INSERT INTO pending_voids (serial, issuer, reason, next_try_at, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (serial) DO NOTHING')
      .run(input.serial, input.issuer, input.reason, input.nextTryAt ?? now, now);
  }

  /** Every unresolved pending void, oldest first. */
  list(): PendingVoid[] {
    return (this.database.stmt('SELECT * FROM pending_voids WHERE resolved_at IS NULL ORDER BY created_at, rowid').all() as PendingRow[]).map(toPending);
  }

  /** True while `serial`'s void is pending (recorded, not resolved). */
  isPending(serial: string): boolean {
    return this.database.stmt('SELECT 1 FROM pending_voids WHERE serial = ? AND resolved_at IS NULL').get(serial) !== undefined;
  }

  /** How many voids are pending. */
  count(): number {
    return (this.database.stmt('SELECT count(*) AS n FROM pending_voids WHERE resolved_at IS NULL').get() as { n: number }).n;
  }

  /** A retry failed: counts it and sets the next try. No-op for a resolved or unknown serial. */
  recordFailure(serial: string, input: { error: string; nextTryAt: number }): void {
    this.database
      .stmt('UPDATE pending_voids SET attempts = attempts + 1, last_error = ?, next_try_at = ? WHERE serial = ? AND resolved_at IS NULL')
      .run(input.error.slice(0, 64), input.nextTryAt, serial);
  }

  /** Makes every pending void of `issuer` due now (its back end is reachable again). Returns how many. */
  makeDue(issuer: string): number {
    return this.database
      .stmt('UPDATE pending_voids SET next_try_at = ? WHERE issuer = ? AND resolved_at IS NULL AND next_try_at > ?')
      .run(this.database.now(), issuer, this.database.now()).changes;
  }

  /** Ends a pending void with its outcome; false when it was not pending (already resolved or never recorded). */
  resolve(serial: string, outcome: PendingVoidOutcome): boolean {
    return (
      this.database
        .stmt('UPDATE pending_voids SET resolved_at = ?, outcome = ? WHERE serial = ? AND resolved_at IS NULL')
        .run(this.database.now(), outcome, serial).changes === 1
    );
  }

  /** How a serial's pending void ended, or null while pending / never recorded. */
  outcome(serial: string): PendingVoidOutcome | null {
    const row = this.database.stmt('SELECT outcome FROM pending_voids WHERE serial = ?').get(serial) as { outcome: PendingVoidOutcome | null } | undefined;
    return row?.outcome ?? null;
  }
}
