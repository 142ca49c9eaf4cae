/**
 * The durable submission outbox: one SQLite file (WAL, synchronous=FULL, exclusive), one row per
 * submission, payload sealed with AES-256-GCM, identity and payload immutable (database triggers).
 *
 * `enqueue` returns only after the row is committed and fsync'd, so a receipt number shown to the
 * citizen always names a submission that survives a crash. Delivery lives in `Dispatcher`.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { openDatabase, type SqliteDatabase } from '../../platform/sqlite/open-database';
import { createLogger } from '../../platform/log';
import type { KeyProvider } from './key-provider';
import { IdempotencyConflictError, OutboxError, OutboxInputError, OutboxKeyError, PayloadIntegrityError } from './outbox-errors';
import { loadOutboxKey } from './outbox-key-check';
import { OUTBOX_MIGRATIONS } from './outbox-schema';
import { associatedData, open as openSealed, seal, type SealIdentity } from './payload-cipher';
import { calendarDay, formatReceiptNumber, JST_OFFSET_MINUTES, RECEIPT_PREFIX_PATTERN } from './receipt-number';
import type { JsonValue, OutboxItem } from './sender';
import { rowToReceipt, type DeadLetter, type OutboxStatus, type SubmissionReceipt, type SubmissionRow } from './outbox-rows';

export type { DeadLetter, OutboxStatus, SubmissionReceipt } from './outbox-rows';

const log = createLogger('outbox');
const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export interface OutboxOptions {
  /** Database file. */
  path: string;
  /** Supplies the AES key; must not keep its key file inside the database directory. */
  keyProvider: KeyProvider;
  /** Receipt prefix, 1-8 of A-Z0-9 (e.g. the kiosk code `KK01`). */
  receiptPrefix: string;
  /** Clock (epoch ms); injectable for tests. */
  now?: () => number;
  /** UTC offset of the receipt calendar day; default +09:00 (Japan). */
  utcOffsetMinutes?: number;
  /** Largest accepted payload after JSON encoding, bytes. Default 1 MiB. */
  maxPayloadBytes?: number;
}

export interface EnqueueInput {
  /** Destination queue (ward back end id), `[a-z0-9][a-z0-9._-]{0,63}`. */
  destination: string;
  /** Submission kind, same pattern as destination. */
  kind: string;
  /** JSON payload (the application). Encrypted at rest; never logged. */
  payload: JsonValue;
  /** Caller-chosen key (16-128 of A-Za-z0-9_-); a random UUID when absent. Reusing it returns the first receipt. */
  idempotencyKey?: string;
}

export interface EnqueueResult {
  /** Local receipt number to show the citizen. */
  receiptNumber: string;
  /** The idempotency key sent with every attempt. */
  idempotencyKey: string;
  /** Queue time (epoch ms). */
  createdAt: number;
  /** True when this key was already queued and the existing receipt was returned. */
  duplicate: boolean;
}

function assertInsideNot(keyPath: string, dbPath: string): void {
  const rel = relative(dirname(resolve(dbPath)), resolve(keyPath));
  if (!rel.startsWith('..') && !isAbsolute(rel)) {
    throw new OutboxKeyError('key-location', `Key file ${keyPath} must live outside the database directory.`);
  }
}

export class Outbox {
  private readonly db: SqliteDatabase;
  private readonly key: Buffer;
  private readonly options: OutboxOptions;
  private readonly listeners = new Set<(destination: string) => void>();
  private readonly statements = new Map<string, Database.Statement>();
  private closed = false;

  private constructor(db: SqliteDatabase, key: Buffer, options: OutboxOptions) {
    this.db = db;
    this.key = key;
    this.options = options;
  }

  /**
   * Opens the outbox. Throws `DatabaseError` subclasses (corrupt, locked, too new) or
   * `OutboxKeyError` (key missing for existing data, wrong key, key beside the database).
   */
  static open(options: OutboxOptions): Outbox {
    if (!RECEIPT_PREFIX_PATTERN.test(options.receiptPrefix)) {
      throw new OutboxInputError(`Receipt prefix must match ${RECEIPT_PREFIX_PATTERN}.`);
    }
    if (options.keyProvider.keyPath) assertInsideNot(options.keyProvider.keyPath, options.path);
    const db = openDatabase({ path: options.path, migrations: OUTBOX_MIGRATIONS, secureDelete: true });
    try {
      const key = loadOutboxKey(db, options.keyProvider);
      const queued = (db.prepare("SELECT count(*) AS n FROM submissions WHERE state = 'queued'").get() as { n: number }).n;
      log.info({ queued }, 'outbox opened');
      return new Outbox(db, key, options);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** Prepared statements are cached: preparing costs more than running on the hot paths. */
  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private ensureOpen(): void {
    if (this.closed) throw new OutboxError('closed', 'The outbox is closed.');
  }

  /** Registers a listener told the destination of every newly queued submission. Returns an unsubscribe function. */
  onEnqueued(listener: (destination: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Queues a submission durably (committed and fsync'd before returning). Reusing an idempotency
   * key returns the first receipt (`duplicate: true`) if the submission is the same, else throws
   * `IdempotencyConflictError`.
   */
  enqueue(input: EnqueueInput): EnqueueResult {
    this.ensureOpen();
    if (!NAME_PATTERN.test(input.destination)) throw new OutboxInputError('Destination name is invalid.');
    if (!NAME_PATTERN.test(input.kind)) throw new OutboxInputError('Submission kind is invalid.');
    const idempotencyKey = input.idempotencyKey ?? randomUUID();
    if (!IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) throw new OutboxInputError('Idempotency key is invalid.');
    let json: string | undefined;
    try {
      json = JSON.stringify(input.payload);
    } catch {
      json = undefined;
    }
    if (json === undefined) throw new OutboxInputError('Payload is not JSON-serialisable.');
    const plain = Buffer.from(json, 'utf8');
    if (plain.length > (this.options.maxPayloadBytes ?? 1024 * 1024)) throw new OutboxInputError('Payload is too large.');

    const createdAt = this.now();
    const result = this.db
      .transaction((): EnqueueResult => {
        const existing = this.stmt('SELECT * FROM submissions WHERE idempotency_key = ?').get(idempotencyKey) as SubmissionRow | undefined;
        if (existing) return this.sameSubmission(existing, input, plain);
        const day = calendarDay(createdAt, this.options.utcOffsetMinutes ?? JST_OFFSET_MINUTES);
        const { last } = this.stmt('INSERT INTO receipt_counters (day, last) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last').get(
          day,
        ) as { last: number };
        const receiptNumber = formatReceiptNumber(this.options.receiptPrefix, day, last);
        const identity: SealIdentity = { idempotencyKey, receiptNumber, destination: input.destination, kind: input.kind };
        this.stmt(
          `INSERT INTO submissions (receipt_number, idempotency_key, destination, kind, created_at, sealed, next_attempt_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(receiptNumber, idempotencyKey, input.destination, input.kind, createdAt, seal(this.key, associatedData(identity), plain), createdAt);
        return { receiptNumber, idempotencyKey, createdAt, duplicate: false };
      })
      .immediate();
    log.info({ receiptNumber: result.receiptNumber, destination: input.destination, duplicate: result.duplicate }, 'queued');
    if (!result.duplicate) for (const listener of this.listeners) listener(input.destination);
    return result;
  }

  private sameSubmission(row: SubmissionRow, input: EnqueueInput, plain: Buffer): EnqueueResult {
    const same = row.destination === input.destination && row.kind === input.kind && (row.sealed === null || this.decrypt(row).equals(plain));
    if (!same) throw new IdempotencyConflictError(row.idempotency_key);
    return { receiptNumber: row.receipt_number, idempotencyKey: row.idempotency_key, createdAt: row.created_at, duplicate: true };
  }

  private decrypt(row: SubmissionRow): Buffer {
    if (row.sealed === null) throw new OutboxError('not-found', `Payload of ${row.receipt_number} was purged.`);
    const plain = openSealed(
      this.key,
      associatedData({
        idempotencyKey: row.idempotency_key,
        receiptNumber: row.receipt_number,
        destination: row.destination,
        kind: row.kind,
      }),
      row.sealed,
    );
    if (!plain) throw new PayloadIntegrityError(row.receipt_number);
    return plain;
  }

  /** Decrypts a row into a sender item. Throws `PayloadIntegrityError` on a tampered row. */
  private toItem(row: SubmissionRow): OutboxItem {
    return {
      id: row.id,
      receiptNumber: row.receipt_number,
      idempotencyKey: row.idempotency_key,
      destination: row.destination,
      kind: row.kind,
      payload: JSON.parse(this.decrypt(row).toString('utf8')) as JsonValue,
      attempts: row.attempts,
      createdAt: row.created_at,
    };
  }

  /** Destinations that have queued submissions (the dispatcher starts one queue per destination). */
  queuedDestinations(): string[] {
    this.ensureOpen();
    const rows = this.stmt("SELECT DISTINCT destination FROM submissions WHERE state = 'queued'").all() as Array<{ destination: string }>;
    return rows.map((r) => r.destination);
  }

  /**
   * Up to `limit` queued rows of `destination` whose next attempt is due at `now`, oldest schedule
   * first, skipping `excludeIds` (in flight). A row that fails authentication is returned in
   * `corrupt` instead, so the dispatcher can dead-letter it rather than send or drop it.
   */
  due(destination: string, now: number, limit: number, excludeIds: readonly number[] = []): { items: OutboxItem[]; corrupt: SubmissionRow[] } {
    this.ensureOpen();
    const rows = this.stmt(
      `SELECT * FROM submissions WHERE state = 'queued' AND destination = ? AND next_attempt_at <= ?
         AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY next_attempt_at, id LIMIT ?`,
    ).all(destination, now, JSON.stringify(excludeIds), limit) as SubmissionRow[];
    const items: OutboxItem[] = [];
    const corrupt: SubmissionRow[] = [];
    for (const row of rows) {
      try {
        items.push(this.toItem(row));
      } catch (err) {
        if (!(err instanceof PayloadIntegrityError) && !(err instanceof SyntaxError)) throw err;
        corrupt.push(row);
      }
    }
    return { items, corrupt };
  }

  /** Earliest `next_attempt_at` among the destination's queued rows, or undefined if none. */
  nextDueAt(destination: string): number | undefined {
    this.ensureOpen();
    const row = this.stmt("SELECT min(next_attempt_at) AS t FROM submissions WHERE state = 'queued' AND destination = ?").get(destination) as {
      t: number | null;
    };
    return row.t ?? undefined;
  }

  /** Records the acknowledgement and purges the payload in one transaction; keeps the minimal receipt. */
  markDelivered(id: number, remoteReceipt: string, at: number = this.now()): void {
    this.markDeliveredMany([{ id, remoteReceipt, at }]);
  }

  /**
   * Records several acknowledgements (purging their payloads, keeping the minimal receipts) in ONE
   * transaction, committed and fsync'd once: all or none. Rows no longer queued are left alone.
   * Returns how many rows changed.
   */
  markDeliveredMany(acks: ReadonlyArray<{ id: number; remoteReceipt: string; at: number }>): number {
    this.ensureOpen();
    if (acks.length === 0) return 0;
    const update = this.stmt(
      `UPDATE submissions SET state = 'delivered', sealed = NULL, remote_receipt = ?, delivered_at = ?,
       attempts = attempts + 1, last_attempt_at = ?, last_reason = NULL WHERE id = ? AND state = 'queued'`,
    );
    return this.db.transaction(() => acks.reduce((n, a) => n + update.run(a.remoteReceipt, a.at, a.at, a.id).changes, 0)).immediate();
  }

  /** Records a transient failure and when to try again. */
  markRetry(id: number, reason: string, nextAttemptAt: number, at: number = this.now()): void {
    this.ensureOpen();
    this.stmt(
      `UPDATE submissions SET attempts = attempts + 1, last_attempt_at = ?, last_reason = ?, next_attempt_at = ?
         WHERE id = ? AND state = 'queued'`,
    ).run(at, reason.slice(0, 200), nextAttemptAt, id);
  }

  /** Moves a row to the dead-letter list (payload kept for staff). */
  markDead(id: number, httpStatus: number, code: string, at: number = this.now()): void {
    this.ensureOpen();
    this.stmt(
      `UPDATE submissions SET state = 'dead', http_status = ?, reject_code = ?, dead_at = ?, attempts = attempts + 1,
         last_attempt_at = ? WHERE id = ? AND state = 'queued'`,
    ).run(httpStatus, code.slice(0, 100), at, at, id);
  }

  /** Makes every queued row of a destination due now (the back end is reachable again). */
  makeAllDue(destination: string, at: number = this.now()): number {
    this.ensureOpen();
    return this.stmt("UPDATE submissions SET next_attempt_at = ? WHERE state = 'queued' AND destination = ? AND next_attempt_at > ?").run(at, destination, at)
      .changes;
  }

  /** The minimal receipt of one submission, by local receipt number. */
  receipt(receiptNumber: string): SubmissionReceipt | undefined {
    this.ensureOpen();
    const row = this.stmt('SELECT * FROM submissions WHERE receipt_number = ?').get(receiptNumber) as SubmissionRow | undefined;
    return row && rowToReceipt(row);
  }

  /** Dead-lettered submissions, oldest first (no payloads). */
  listDeadLetters(): DeadLetter[] {
    this.ensureOpen();
    const rows = this.stmt("SELECT * FROM submissions WHERE state = 'dead' ORDER BY dead_at, id").all() as SubmissionRow[];
    return rows.map((r) => ({ ...rowToReceipt(r), httpStatus: r.http_status ?? 0, code: r.reject_code ?? '' }));
  }

  /** Decrypted payload of a dead letter, for staff to process it by hand. Never log it. */
  readDeadLetterPayload(receiptNumber: string): JsonValue {
    this.ensureOpen();
    const row = this.stmt("SELECT * FROM submissions WHERE receipt_number = ? AND state = 'dead'").get(receiptNumber) as SubmissionRow | undefined;
    if (!row) throw new OutboxError('not-found', `No dead letter ${receiptNumber}.`);
    return JSON.parse(this.decrypt(row).toString('utf8')) as JsonValue;
  }

  /** Staff closed a dead letter (handled at the counter): record how, purge the payload, keep the receipt. */
  resolveDeadLetter(receiptNumber: string, resolution: string, at: number = this.now()): void {
    this.ensureOpen();
    const changes = this.stmt(
      "UPDATE submissions SET state = 'resolved', sealed = NULL, resolution = ?, resolved_at = ? WHERE receipt_number = ? AND state = 'dead'",
    ).run(resolution.slice(0, 200), at, receiptNumber).changes;
    if (changes === 0) throw new OutboxError('not-found', `No dead letter ${receiptNumber}.`);
  }

  /** Deletes minimal receipts of delivered/resolved rows older than `before` (retention). Returns the count. */
  pruneReceipts(before: number): number {
    this.ensureOpen();
    return this.stmt("DELETE FROM submissions WHERE state IN ('delivered', 'resolved') AND coalesce(delivered_at, resolved_at) < ?").run(before).changes;
  }

  /** Counts for the staff screen. */
  status(): OutboxStatus {
    this.ensureOpen();
    const rows = this.stmt(
      `SELECT destination, state, count(*) AS n, min(created_at) AS oldest, min(next_attempt_at) AS next
         FROM submissions GROUP BY destination, state`,
    ).all() as Array<{ destination: string; state: SubmissionRow['state']; n: number; oldest: number; next: number }>;
    const status: OutboxStatus = { queued: 0, delivered: 0, deadLetters: 0, resolved: 0, byDestination: {} };
    for (const r of rows) {
      const d = (status.byDestination[r.destination] ??= { queued: 0, delivered: 0, deadLetters: 0 });
      if (r.state === 'queued') {
        status.queued += r.n;
        d.queued = r.n;
        d.oldestQueuedAt = r.oldest;
        d.nextAttemptAt = r.next;
      } else if (r.state === 'delivered') {
        status.delivered += r.n;
        d.delivered = r.n;
      } else if (r.state === 'dead') {
        status.deadLetters += r.n;
        d.deadLetters = r.n;
      } else status.resolved += r.n;
    }
    return status;
  }

  /** Closes the database (releases the exclusive lock). Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.db.close();
  }
}
