/**
 * Staff alerts kept in the journal database (migration 5), so that a restart or a crash does not
 * lose what staff were told: each insert and each acknowledgement is one commit (WAL,
 * synchronous=FULL) on disk when the call returns. Codes and references only, never personal data.
 *
 * Bounded history: an unacknowledged alert is always kept (a trigger refuses its deletion);
 * acknowledged ones are pruned once older than `maxAckedAgeMs` (acknowledged that long ago) or
 * beyond the newest `maxAcked` of them. The display policy lives in main/staff/staff-alerts.ts.
 */
import { JournalError } from './journal-errors';
import type { JournalDatabase } from './journal-database';

/** A stored alert. */
export interface StoredAlert {
  /** Kiosk-unique id, never reused (AUTOINCREMENT). */
  id: number;
  /** Alert code, e.g. `backend-void-failed`. */
  code: string;
  severity: 'info' | 'warning' | 'error';
  /** Serial, voucher or receipt number; never personal data. */
  reference?: string;
  /** Raised at, epoch ms. */
  raisedAt: number;
  /** Acknowledged at, epoch ms, once staff did. */
  ackedAt?: number;
}

/** How much acknowledged history is kept. */
export interface AlertPruning {
  /** Acknowledged alerts acknowledged longer ago than this are deleted. Default 30 days. */
  maxAckedAgeMs: number;
  /** At most this many acknowledged alerts are kept (the newest). Default 500. */
  maxAcked: number;
}

export const DEFAULT_ALERT_PRUNING: AlertPruning = { maxAckedAgeMs: 30 * 24 * 60 * 60 * 1000, maxAcked: 500 };

interface AlertRow {
  id: number;
  code: string;
  severity: StoredAlert['severity'];
  reference: string | null;
  raised_at: number;
  acked_at: number | null;
}

const SEVERITIES = new Set(['info', 'warning', 'error']);

function toAlert(r: AlertRow): StoredAlert {
  return {
    id: r.id,
    code: r.code,
    severity: r.severity,
    ...(r.reference !== null ? { reference: r.reference } : {}),
    raisedAt: r.raised_at,
    ...(r.acked_at !== null ? { ackedAt: r.acked_at } : {}),
  };
}

export class StaffAlertStore {
  constructor(private readonly database: JournalDatabase) {}

  /** Every kept alert, oldest first. */
  list(): StoredAlert[] {
    return (this.database.stmt('SELECT * FROM staff_alerts ORDER BY id').all() as AlertRow[]).map(toAlert);
  }

  /**
   * Stores an alert raised at `raisedAt` (under `id` when given: the caller numbers alerts so that
   * one kept in memory while the disk failed keeps its number); durable when it returns. Throws JournalError
   * `invalid-input` (bad code, severity or reference), `closed`, or the database's error.
   */
  insert(alert: { id?: number; code: string; severity: StoredAlert['severity']; reference?: string }, raisedAt: number): StoredAlert {
    if (alert.id !== undefined && !(Number.isSafeInteger(alert.id) && alert.id > 0))
      throw new JournalError('invalid-input', 'alert id must be a positive integer.');
    if (alert.code.length < 1 || alert.code.length > 80) throw new JournalError('invalid-input', 'alert code must be 1-80 characters.');
    if (!SEVERITIES.has(alert.severity)) throw new JournalError('invalid-input', 'unknown alert severity.');
    if (alert.reference !== undefined && alert.reference.length > 80) throw new JournalError('invalid-input', 'alert reference must be at most 80 characters.');
    const row = this.database
      .stmt('INSERT INTO staff_alerts (id, code, severity, reference, raised_at) VALUES (?, ?, ?, ?, ?) RETURNING *')
      .get(alert.id ?? null, alert.code, alert.severity, alert.reference ?? null, raisedAt) as AlertRow;
    return toAlert(row);
  }

  /** The highest id ever given (pruned ones included), 0 on a fresh journal: ids are never reused. */
  lastId(): number {
    const seq = this.database.stmt("SELECT seq FROM sqlite_sequence WHERE name = 'staff_alerts'").get() as { seq: number } | undefined;
    return seq?.seq ?? 0;
  }

  /** Marks an alert acknowledged at `at` (kept if it already was). False when there is no such alert. */
  ack(id: number, at: number): boolean {
    const r = this.database.stmt('UPDATE staff_alerts SET acked_at = coalesce(acked_at, ?) WHERE id = ?').run(at, id);
    return r.changes === 1;
  }

  /** Deletes acknowledged alerts past the policy (never an unacknowledged one). Returns the ids deleted. */
  prune(now: number, policy: AlertPruning = DEFAULT_ALERT_PRUNING): number[] {
    return this.database.db
      .transaction(() => {
        const old = this.database
          .stmt('DELETE FROM staff_alerts WHERE acked_at IS NOT NULL AND acked_at < ? RETURNING id')
          .all(now - policy.maxAckedAgeMs) as Array<{ id: number }>;
        const beyond = this.database
          .stmt('DELETE FROM staff_alerts WHERE id IN (SELECT id FROM staff_alerts WHERE acked_at IS NOT NULL ORDER BY id DESC LIMIT -1 OFFSET ?) RETURNING id')
          .all(policy.maxAcked) as Array<{ id: number }>;
        return [...old, ...beyond].map((r) => r.id);
      })
      .immediate();
  }
}
