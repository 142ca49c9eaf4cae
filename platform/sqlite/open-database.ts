/**
 * Opens a better-sqlite3 database the project's way: durable, exclusive, checked, migrated.
 *
 * - Inspected before it is written: the header, `PRAGMA quick_check` and the schema version are
 *   read through a read-only connection first, so a corrupt, truncated or too-new file (and its
 *   WAL) is reported byte-for-byte as found. (A read-write connection that fails would checkpoint
 *   the WAL into the damaged file on close.) An existing empty file is a truncated database.
 * - A new database is built at `<path>.creating` and linked into place complete, so the real path
 *   never holds a half-created file that a later start could mistake for an empty store.
 * - WAL with `synchronous=FULL`: a committed transaction is on disk (WAL fsync'd) before the
 *   call returns, so a power cut or SIGKILL never loses something the citizen was told about.
 * - `locking_mode=EXCLUSIVE`, taken at once with a `BEGIN EXCLUSIVE` probe: a second kiosk process
 *   on the same file gets a `DatabaseLockedError` instead of silently sharing the queue. The lock
 *   is an OS file lock, so the kernel releases it when the process dies (no stale lock files).
 * - Damage gives a `DatabaseCorruptError`, another holder a `DatabaseLockedError`, missing
 *   permissions a `DatabaseUnwritableError`; each names the file and what to do.
 * - Numbered migrations tracked in `PRAGMA user_version`, each in its own transaction.
 * - Nothing here ever deletes, truncates or recreates the database or its WAL (only a leftover
 *   `.creating` file of an interrupted first start, which never held data, and a stale `-shm`).
 */
import Database from 'better-sqlite3';
import { closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readSync, rmSync, unlinkSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import {
  DatabaseCorruptError,
  DatabaseError,
  DatabaseLockedError,
  DatabaseMigrationError,
  DatabaseOpenError,
  DatabaseTooNewError,
  DatabaseUnwritableError,
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

/** File-system error codes that mean "not allowed here" rather than "broken". */
const PERMISSION_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

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
  if (
    PERMISSION_CODES.has(code) ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_AUTH'
  ) {
    return new DatabaseUnwritableError(path, dirname(path), `${code}: ${message}`, { cause: err });
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

/** Applies the connection settings every writer uses (see the file comment for the order). */
function prepareWriter(db: SqliteDatabase, path: string): void {
  // Order matters: exclusive locking must be chosen before WAL is first used, so that no
  // shared-memory index is created and the lock is held for the life of the connection.
  db.pragma('locking_mode = EXCLUSIVE');
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new DatabaseOpenError(path, `journal_mode is ${String(mode)}, WAL required`);
  // The probe takes the exclusive lock now (and keeps it) rather than at the first write,
  // so a second instance fails at start with a clear error, not later in the middle of a sale.
  db.exec('BEGIN EXCLUSIVE; COMMIT');
  // SQLite defaults WAL databases to NORMAL in this build (DEFAULT_WAL_SYNCHRONOUS=1): set FULL.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (err) {
    if (sqliteCode(err) === 'ENOENT') return null;
    throw classifyOpenError(path, err);
  }
}

/**
 * Builds a new database at `<path>.creating` (settings and every migration), makes it durable and
 * links it into place only if `path` is still free. A kill at any point leaves either no file or a
 * complete one at `path`.
 */
function createDatabaseFile(path: string, migrations: readonly Migration[]): void {
  const dir = dirname(path);
  try {
    // Owner only: a database holds the kiosk's records (main/data/data-dir.ts tightens dataDir at start).
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    const code = sqliteCode(err) ?? 'error';
    if (PERMISSION_CODES.has(code)) throw new DatabaseUnwritableError(path, dir, `cannot create its directory: ${code}`, { cause: err });
    throw new DatabaseOpenError(path, `cannot create its directory: ${code}`, { cause: err });
  }
  const temp = `${path}.creating`;
  // A leftover from a start killed while creating: it never held anything but the schema.
  for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
  let db: SqliteDatabase;
  try {
    db = new Database(temp);
  } catch (err) {
    throw classifyOpenError(path, err);
  }
  try {
    prepareWriter(db, path);
    runMigrations(db, path, migrations);
  } catch (err) {
    db.close();
    throw classifyOpenError(path, err);
  }
  db.close(); // checkpoints the WAL into the file and removes it (exclusive mode)
  try {
    fsyncPath(temp);
    linkSync(temp, path); // fails if another process created `path` meanwhile: never overwrite
    unlinkSync(temp);
    fsyncPath(dir);
  } catch (err) {
    throw classifyOpenError(path, err);
  }
}

/**
 * Reads the file without writing anything: header, integrity and schema version. A read-only
 * connection never checkpoints, so the database and its WAL are left exactly as found.
 */
function inspectDatabase(path: string, stat: Stats, knownVersion: number, timeout: number): void {
  if (!stat.isFile()) throw new DatabaseOpenError(path, 'it is not a regular file');
  if (stat.size === 0) throw new DatabaseCorruptError(path, ['the file is empty (0 bytes): it was truncated']);
  const header = Buffer.alloc(HEADER_BYTES);
  let read: number;
  try {
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, header, 0, HEADER_BYTES, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw classifyOpenError(path, err);
  }
  if (read < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new DatabaseCorruptError(path, [`not an SQLite database (${read < HEADER_BYTES ? `only ${read} bytes` : 'wrong header'})`]);
  }
  let ro: SqliteDatabase | undefined;
  try {
    ro = new Database(path, { readonly: true, fileMustExist: true, timeout });
    const findings = (ro.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check);
    if (findings.length !== 1 || findings[0] !== 'ok') throw new DatabaseCorruptError(path, findings);
    const version = ro.pragma('user_version', { simple: true }) as number;
    if (version > knownVersion) throw new DatabaseTooNewError(path, version, knownVersion);
  } catch (err) {
    throw classifyOpenError(path, err);
  } finally {
    ro?.close();
  }
}

/**
 * Opens (creating if absent) and prepares a database. Throws a `DatabaseError` subclass on any
 * problem, after closing the handle; a corrupt, truncated, locked or too-new file is left exactly
 * as it was found.
 */
export function openDatabase(options: OpenDatabaseOptions): SqliteDatabase {
  const { path } = options;
  const timeout = options.busyTimeoutMs ?? 200;
  let stat = statOrNull(path);
  if (!stat) {
    if (options.mustExist) throw new DatabaseOpenError(path, 'the file does not exist');
    createDatabaseFile(path, options.migrations);
    stat = statOrNull(path);
    if (!stat) throw new DatabaseOpenError(path, 'the file vanished right after it was created');
  }
  inspectDatabase(path, stat, options.migrations.length, timeout);
  let db: SqliteDatabase;
  try {
    db = new Database(path, { fileMustExist: true, timeout });
  } catch (err) {
    throw classifyOpenError(path, err);
  }
  try {
    prepareWriter(db, path);
    // The read-only inspection may have left a shared-memory index; this exclusive writer never
    // uses one, and while it holds the lock no other connection can, so the stale file goes.
    rmSync(`${path}-shm`, { force: true });
    // A start killed between linking the new file into place and unlinking its temporary name
    // leaves a second name for this very file; a failed creation leaves a schema-only file.
    rmSync(`${path}.creating`, { force: true });
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
