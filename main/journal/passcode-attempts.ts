/**
 * The staff passcode's wrong-try count and lockout, kept in the journal database (migration 4) so
 * that restarting or power-cycling the kiosk does not reset them. One row; each `save` is one
 * commit (WAL, synchronous=FULL) that is on disk when the call returns. The policy (how many tries,
 * how long a lockout) lives in main/staff/passcode-lockout.ts; this file only stores numbers.
 * Never a passcode or any part of one.
 */
import { JournalError } from './journal-errors';
import type { JournalDatabase } from './journal-database';

/** What is remembered about staff passcode tries. */
export interface PasscodeAttempts {
  /** Tries counted as wrong since the last lockout or right passcode (a try being checked counts already). */
  failures: number;
  /** Epoch ms until which no try is checked; 0 when not locked. */
  lockedUntil: number;
  /** Lockouts since the last right passcode (each makes the next one longer). */
  lockouts: number;
}

interface AttemptsRow {
  failures: number;
  locked_until: number;
  lockouts: number;
}

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

export class PasscodeAttemptLedger {
  constructor(private readonly database: JournalDatabase) {}

  /** The stored state (the zero state on a fresh journal). */
  load(): PasscodeAttempts {
    const row = this.database.stmt('SELECT failures, locked_until, lockouts FROM staff_passcode_attempts WHERE id = 1').get() as AttemptsRow | undefined;
    // The migration inserts the row and a trigger keeps it; its absence means a hand-edited file:
    // refuse rather than start with a clean slate.
    if (!row) throw new JournalError('not-found', 'The staff passcode attempt row is missing.');
    return { failures: row.failures, lockedUntil: row.locked_until, lockouts: row.lockouts };
  }

  /** Replaces the stored state; durable when it returns. Throws JournalError `invalid-input` or `closed`. */
  save(next: PasscodeAttempts): void {
    if (!isCount(next.failures) || !isCount(next.lockedUntil) || !isCount(next.lockouts)) {
      throw new JournalError('invalid-input', 'passcode attempts must be non-negative integers.');
    }
    const r = this.database
      .stmt('UPDATE staff_passcode_attempts SET failures = ?, locked_until = ?, lockouts = ?, updated_at = ? WHERE id = 1')
      .run(next.failures, next.lockedUntil, next.lockouts, this.database.now());
    if (r.changes !== 1) throw new JournalError('not-found', 'The staff passcode attempt row is missing.');
  }
}
