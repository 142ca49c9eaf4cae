/**
 * The journal's database: the SQLite handle and the primitives every part of the journal builds on
 * (prepared statements, the clock, calendar days, day counters, reading transactions and applying
 * one transition). The public facade (transaction-journal.ts), its ledgers (vouchers, staff alerts,
 * pending voids, passcode tries), crash recovery, reconciliation and retention all take this object,
 * so none of them imports the facade back.
 */
import type Database from 'better-sqlite3';
import { createLogger } from '../../platform/log';
import { openDatabase, type SqliteDatabase } from '../../platform/sqlite/open-database';
import { calendarDay, JST_OFFSET_MINUTES } from '../outbox/receipt-number';
import { IllegalTransitionError, JournalError } from './journal-errors';
import { rowToRecord, type TransactionRecord, type TransactionRow } from './journal-rows';
import { JOURNAL_MIGRATIONS } from './journal-schema';
import { canTransition, TRANSACTION_STATES, type TransactionState } from './journal-states';

const log = createLogger('journal');

export interface JournalOptions {
  /** Database file. */
  path: string;
  /** This kiosk's id (A-Z0-9, 1-8), used in transaction ids and voucher numbers. */
  kioskId: string;
  /** Clock (epoch ms), injectable for tests. */
  now?: () => number;
  /** UTC offset for calendar days (vouchers, reconciliation). Default +09:00. */
  utcOffsetMinutes?: number;
}

/** Column changes a transition may make (snake_case columns of `transactions`). */
export type RowPatch = Partial<Record<keyof TransactionRow, string | number | null>>;

/** The states a sale is still open in (not done, refunded or cancelled). */
const OPEN_STATES = TRANSACTION_STATES.filter((s) => !['done', 'refunded', 'cancelled'].includes(s));

export class JournalDatabase {
  private readonly statements = new Map<string, Database.Statement>();
  private closed = false;

  private constructor(
    readonly db: SqliteDatabase,
    readonly options: JournalOptions,
  ) {}

  /** Opens the database (migrating it). Throws DatabaseCorruptError / DatabaseLockedError / ... from platform/sqlite. */
  static open(options: JournalOptions): JournalDatabase {
    if (!/^[A-Z0-9]{1,8}$/.test(options.kioskId)) throw new JournalError('invalid-input', 'kioskId must be 1-8 of A-Z0-9.');
    return new JournalDatabase(openDatabase({ path: options.path, migrations: JOURNAL_MIGRATIONS }), options);
  }

  /** Cached prepared statement. Throws JournalError `closed` once closed. */
  stmt(sql: string): Database.Statement {
    if (this.closed) throw new JournalError('closed', 'The journal is closed.');
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** Current time (epoch ms). */
  now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** The kiosk calendar's offset from UTC in minutes. */
  get utcOffsetMinutes(): number {
    return this.options.utcOffsetMinutes ?? JST_OFFSET_MINUTES;
  }

  /** `YYYYMMDD` of a time in the kiosk's calendar. */
  day(at: number): string {
    return calendarDay(at, this.utcOffsetMinutes);
  }

  /** Next number of a per-day counter (inside the caller's transaction). */
  nextCounter(name: string, day: string): number {
    return (
      this.stmt('INSERT INTO counters (name, day, last) VALUES (?, ?, 1) ON CONFLICT (name, day) DO UPDATE SET last = last + 1 RETURNING last').get(
        name,
        day,
      ) as { last: number }
    ).last;
  }

  /** A new refund voucher number `RV-<kiosk>-<YYYYMMDD>-<NNNN>` of `day` (inside the caller's transaction). */
  nextVoucherNumberOf(day: string): string {
    return `RV-${this.options.kioskId}-${day}-${String(this.nextCounter('voucher', day)).padStart(4, '0')}`;
  }

  /** The row of a transaction; throws JournalError `not-found`. */
  row(txId: string): TransactionRow {
    const row = this.stmt('SELECT * FROM transactions WHERE id = ?').get(txId) as TransactionRow | undefined;
    if (!row) throw new JournalError('not-found', `No transaction ${txId}.`);
    return row;
  }

  /** One transaction, or undefined. */
  get(txId: string): TransactionRecord | undefined {
    const row = this.stmt('SELECT * FROM transactions WHERE id = ?').get(txId) as TransactionRow | undefined;
    return row && rowToRecord(row);
  }

  /** Transactions in the given states (default: every non-terminal state), oldest first. */
  list(states: readonly TransactionState[] = OPEN_STATES): TransactionRecord[] {
    const rows = this.stmt('SELECT * FROM transactions WHERE state IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid').all(
      JSON.stringify(states),
    ) as TransactionRow[];
    return rows.map(rowToRecord);
  }

  /**
   * Applies one transition: checks the table, updates the row, appends the event.
   * Must run inside a transaction (the facade's public methods wrap it).
   */
  applyTransition(txId: string, to: TransactionState, patch: RowPatch, detail: Record<string, unknown>, at: number): TransactionRow {
    const row = this.row(txId);
    if (!canTransition(row.state, to)) throw new IllegalTransitionError(txId, row.state, to);
    const seq = row.seq + 1;
    const cols = Object.keys(patch);
    this.stmt(`UPDATE transactions SET state = ?, seq = ?, updated_at = ?${cols.map((c) => `, ${c} = ?`).join('')} WHERE id = ? AND seq = ?`).run(
      to,
      seq,
      at,
      ...cols.map((c) => patch[c as keyof TransactionRow] ?? null),
      txId,
      row.seq,
    );
    this.appendEvent(txId, seq, row.state, to, at, detail);
    log.info({ txId, from: row.state, to, seq }, 'transition');
    return this.row(txId);
  }

  /** Appends one event to a transaction's history (inside the caller's transaction). */
  appendEvent(txId: string, seq: number, from: TransactionState | null, to: TransactionState, at: number, detail: Record<string, unknown>): void {
    this.stmt('INSERT INTO events (tx_id, seq, from_state, to_state, at, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
      txId,
      seq,
      from,
      to,
      at,
      JSON.stringify(detail),
    );
  }

  /** Closes the database. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
