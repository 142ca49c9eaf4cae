/**
 * Opens a better-sqlite3 database the project's way: durable, exclusive, checked, migrated.
 *
 * - WAL with `synchronous=FULL`: a committed transaction is on disk (WAL fsync'd) before the
 *   call returns, so a power cut or SIGKILL never loses something the citizen was told about.
 * - `locking_mode=EXCLUSIVE`, taken at once with a `BEGIN EXCLUSIVE` probe: a second kiosk process
 *   on the same file gets a `DatabaseLockedError` instead of silently sharing the queue. The lock
 *   is an OS file lock, so the kernel releases it when the process dies (no stale lock files).
 * - `PRAGMA quick_check` at start: damage gives a `DatabaseCorruptError` naming the path.
 * - Numbered migrations tracked in `PRAGMA user_version`, each in its own transaction.
 * - Nothing here ever deletes, truncates or recreates a file.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DatabaseCorruptError,
  DatabaseError,
  DatabaseLockedError,
  DatabaseMigrationError,
  DatabaseOpenError,
  DatabaseTooNewError,
} from './database-errors';

export type SqliteDatabase = Database.Database;

/** One schema step: migration N (1-based) brings `user_version` from N-1 to N. */
export type Migration = string | ((db: SqliteDatabase) => void);

export interface OpenDatabaseOptions {
  /** Database file path. Its directory is created if missing; the file itself is created if absent. */
  path: string;
  /** Migrations in order; index 0 is schema version 1. Never edit a shipped one, append a new one. */
  migrations: readonly Migration[];
  /** How long to wait for a lock before reporting `DatabaseLockedError` (ms). Default 200. */
  busyTimeoutMs?: number;
  /** Overwrite deleted content with zeros (used where purged payloads must not linger). Default false. */
  secureDelete?: boolean;
  /** Refuse to create a missing file (for tools that must only inspect). Default false. */
  mustExist?: boolean;
}

function sqliteCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

/** Translates an SQLite error met while opening into the project's typed errors. */
export function classifyOpenError(path: string, err: unknown): DatabaseError {
  if (err instanceof DatabaseError) return err;
  const code = sqliteCode(err) ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseCorruptError(path, [message], { cause: err });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DatabaseLockedError(path, { cause: err });
  }
  return new DatabaseOpenError(path, `${code || 'error'}: ${message}`, { cause: err });
}

function runMigrations(db: SqliteDatabase, path: string, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new DatabaseTooNewError(path, current, migrations.length);
  for (let version = current + 1; version <= migrations.length; version++) {
    const step = migrations[version - 1];
    try {
      db.transaction(() => {
        if (typeof step === 'string') db.exec(step);
        else step?.(db);
        // user_version cannot be bound as a parameter; `version` is a loop integer, not input.
        db.pragma(`user_version = ${version}`);
      }).immediate();
    } catch (err) {
      throw new DatabaseMigrationError(path, version, { cause: err });
    }
  }
}

/**
 * Opens (creating if absent) and prepares a database. Throws a `DatabaseError` subclass on any
 * problem, after closing the handle; the file is left exactly as it was found.
 */
export function openDatabase(options: OpenDatabaseOptions): SqliteDatabase {
  const { path } = options;
  if (!options.mustExist) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (err) {
      throw new DatabaseOpenError(path, 'cannot create its directory', { cause: err });
    }
  }
  let db: SqliteDatabase;
  try {
    db = new Database(path, { fileMustExist: options.mustExist === true, timeout: options.busyTimeoutMs ?? 200 });
  } catch (err) {
    throw classifyOpenError(path, err);
  }
  try {
    // Order matters: exclusive locking must be chosen before WAL is first used, so that no
    // shared-memory index is created and the lock is held for the life of the connection.
    db.pragma('locking_mode = EXCLUSIVE');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new DatabaseOpenError(path, `journal_mode is ${String(mode)}, WAL required`);
    // The probe takes the exclusive lock now (and keeps it) rather than at the first write,
    // so a second instance fails at start with a clear error, not later in the middle of a sale.
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    const findings = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check);
    if (findings.length !== 1 || findings[0] !== 'ok') throw new DatabaseCorruptError(path, findings);
    // SQLite defaults WAL databases to NORMAL in this build (DEFAULT_WAL_SYNCHRONOUS=1): set FULL.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (options.secureDelete) db.pragma('secure_delete = ON');
    runMigrations(db, path, options.migrations);
    return db;
  } catch (err) {
    try {
      db.close();
    } catch {
      // Closing a handle that failed to open can itself fail; the typed error below matters more.
    }
    throw classifyOpenError(path, err);
  }
}
