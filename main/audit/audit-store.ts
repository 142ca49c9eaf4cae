/**
 * The audit log's database, `<dataDir>/audit/audit.db`: the entries and the signed heads, nothing
 * else. A store of its own (not a table of the sales journal) so that the sales retention never
 * touches it and a technician can copy and verify it alone. Opened the project's way
 * (platform/sqlite: durable, exclusive, migrated); the folder is 0700 as every store's.
 */
import Database from 'better-sqlite3';
import type { Migration, SqliteDatabase } from '../../platform/sqlite/open-database';
import type { AuditDetail, AuditEntry, AuditKind, AuditOutcome } from './audit-entry';
import type { SignedHead } from './audit-chain';

export const AUDIT_MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE entries (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    subject TEXT,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL
  ) STRICT;
  CREATE TABLE heads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kiosk_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    at INTEGER NOT NULL,
    key_id TEXT NOT NULL,
    signature TEXT NOT NULL
  ) STRICT;
  `,
];

/** A row of `entries` as SQLite returns it. */
export interface EntryRow {
  seq: number;
  at: number;
  kind: string;
  actor: string;
  subject: string | null;
  outcome: string;
  detail: string;
  prev: string;
  hash: string;
}

interface HeadRow {
  kiosk_id: string;
  seq: number;
  hash: string;
  at: number;
  key_id: string;
  signature: string;
}

export function toEntry(row: EntryRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    kind: row.kind as AuditKind,
    actor: row.actor,
    subject: row.subject,
    outcome: row.outcome as AuditOutcome,
    detail: JSON.parse(row.detail) as AuditDetail,
    prev: row.prev,
    hash: row.hash,
  };
}

/** Every entry in stored order (by number), as the verifier reads them. */
export function readEntries(db: SqliteDatabase): AuditEntry[] {
  return (db.prepare('SELECT * FROM entries ORDER BY seq').all() as EntryRow[]).map(toEntry);
}

export function readHeads(db: SqliteDatabase): SignedHead[] {
  return (db.prepare('SELECT * FROM heads ORDER BY id').all() as HeadRow[]).map((r) => ({
    kioskId: r.kiosk_id,
    seq: r.seq,
    hash: r.hash,
    at: r.at,
    keyId: r.key_id,
    signature: r.signature,
  }));
}

export function lastEntry(db: SqliteDatabase): AuditEntry | undefined {
  const row = db.prepare('SELECT * FROM entries ORDER BY seq DESC LIMIT 1').get() as EntryRow | undefined;
  return row && toEntry(row);
}

export function lastEntryOf(db: SqliteDatabase, kind: AuditKind): AuditEntry | undefined {
  const row = db.prepare('SELECT * FROM entries WHERE kind = ? ORDER BY seq DESC LIMIT 1').get(kind) as EntryRow | undefined;
  return row && toEntry(row);
}

export function lastHead(db: SqliteDatabase): SignedHead | undefined {
  return readHeads(db).at(-1);
}

export function insertEntry(db: SqliteDatabase, e: AuditEntry): void {
  db.prepare('INSERT INTO entries (seq, at, kind, actor, subject, outcome, detail, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    e.seq,
    e.at,
    e.kind,
    e.actor,
    e.subject,
    e.outcome,
    JSON.stringify(e.detail),
    e.prev,
    e.hash,
  );
}

export function insertHead(db: SqliteDatabase, h: SignedHead): void {
  db.prepare('INSERT INTO heads (kiosk_id, seq, hash, at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)').run(
    h.kioskId,
    h.seq,
    h.hash,
    h.at,
    h.keyId,
    h.signature,
  );
}

/**
 * Opens a copy or a stopped kiosk's file read-only, for the verifier: nothing is written, migrated
 * or checkpointed. A running kiosk holds its store exclusively: this then fails with SQLITE_BUSY.
 */
export function openAuditReadOnly(path: string): SqliteDatabase {
  return new Database(path, { readonly: true, fileMustExist: true });
}
