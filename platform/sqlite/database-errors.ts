/**
 * Typed errors raised when a durable store cannot be opened safely.
 *
 * Each one names the file and says what a member of staff or a technician should do: the kiosk
 * never deletes, resets or recreates a database on its own, because a silent reset would lose
 * submissions or payment records.
 */

/** Codes of the errors below, for callers that switch on them. */
export type DatabaseErrorCode =
  'database-corrupt' | 'database-locked' | 'database-too-new' | 'database-migration-failed' | 'database-unwritable' | 'database-open-failed';

/** Base class: every database error carries the file path and a stable code. */
export abstract class DatabaseError extends Error {
  /** Stable machine-readable code. */
  abstract readonly code: DatabaseErrorCode;
  /** The database file concerned. */
  readonly path: string;

  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.path = path;
    this.name = new.target.name;
  }
}

/** The file is not a database, or `PRAGMA quick_check` found damage. */
export class DatabaseCorruptError extends DatabaseError {
  readonly code = 'database-corrupt' as const;
  /** First lines reported by quick_check (or the SQLite error message). */
  readonly findings: readonly string[];

  constructor(path: string, findings: readonly string[], options?: { cause?: unknown }) {
    super(
      path,
      `Database ${path} is corrupt (${findings.slice(0, 3).join('; ')}). It was left untouched: ` +
        'restore it (with its -wal file, if any) from a backup, or move them aside by hand; the kiosk will not reset it.',
      options,
    );
    this.findings = findings;
  }
}

/** Another process (usually a second kiosk instance) holds the database beyond the busy timeout. */
export class DatabaseLockedError extends DatabaseError {
  readonly code = 'database-locked' as const;

  constructor(path: string, options?: { cause?: unknown }) {
    super(
      path,
      `Database ${path} is locked by another process (is a second kiosk instance or a maintenance tool running?). ` +
        'Stop the other instance, then start the kiosk again; the database is never shared between processes.',
      options,
    );
  }
}

/** The kiosk's user may not write the file or its directory (permissions, read-only file system). */
export class DatabaseUnwritableError extends DatabaseError {
  readonly code = 'database-unwritable' as const;
  /** The directory that must be writable (the database, its WAL and its lock live there). */
  readonly directory: string;

  constructor(path: string, directory: string, detail: string, options?: { cause?: unknown }) {
    super(
      path,
      `Database ${path} cannot be opened for writing (${detail}). Give the kiosk's user write access to ` +
        `${directory} and the file (or remount it read-write), then start the kiosk again; the file was left untouched.`,
      options,
    );
    this.directory = directory;
  }
}

/** The file was written by a newer version of the software (its schema version is unknown here). */
export class DatabaseTooNewError extends DatabaseError {
  readonly code = 'database-too-new' as const;
  /** Schema version found in the file. */
  readonly foundVersion: number;
  /** Highest schema version this build knows. */
  readonly knownVersion: number;

  constructor(path: string, foundVersion: number, knownVersion: number) {
    super(
      path,
      `Database ${path} has schema version ${foundVersion}, newer than this build knows (${knownVersion}). ` +
        'Install the newer kiosk software; the file was left untouched.',
    );
    this.foundVersion = foundVersion;
    this.knownVersion = knownVersion;
  }
}

/** A numbered migration failed; it was rolled back and the file keeps its previous version. */
export class DatabaseMigrationError extends DatabaseError {
  readonly code = 'database-migration-failed' as const;
  /** The migration (1-based schema version) that failed. */
  readonly version: number;

  constructor(path: string, version: number, options?: { cause?: unknown }) {
    super(path, `Migration to schema version ${version} failed on ${path}; it was rolled back.`, options);
    this.version = version;
  }
}

/** Any other failure to open (permissions, missing directory, disk error). */
export class DatabaseOpenError extends DatabaseError {
  readonly code = 'database-open-failed' as const;

  constructor(path: string, detail: string, options?: { cause?: unknown }) {
    super(path, `Cannot open database ${path}: ${detail}`, options);
  }
}
