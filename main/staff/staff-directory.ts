/**
 * The staff directory: each staff member's id (職員番号, 4-8 digits), their passcode hashed as the
 * shared one is (peppered scrypt, staff-passcode.ts), whether the account is disabled, and the
 * account's own wrong tries and lockout (passcode-lockout.ts), so one person's lockout never locks
 * the others out. `<dataDir>/staff/staff.db`, opened the project's way (platform/sqlite: durable,
 * exclusive, migrated): the administrator's CLI (staff-accounts-cli.ts) runs on the stopped kiosk.
 * Never a passcode: only hashes, flags and counts.
 */
import { join } from 'node:path';
import { STAFF_ID_PATTERN } from '../../contract/staff-console';
import { systemClock, type Clock } from '../../platform/clock';
import { openDatabase, type Migration, type SqliteDatabase } from '../../platform/sqlite/open-database';
import { resolveProjectPath } from '../config/project-paths';
import { NO_ATTEMPTS, type PasscodeAttempts, type PasscodeAttemptStore } from './passcode-lockout';
import { parsePasscodeHash, type ParsedPasscodeHash, type PasscodeTestSeam } from './staff-passcode';
import type { KeyProvider } from '../outbox';
import { loadKioskStaffPepper } from './staff-pepper';

export const STAFF_DIRECTORY_MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE staff_accounts (
    id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 4 AND 8),
    passcode_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    locked_until INTEGER NOT NULL DEFAULT 0 CHECK (locked_until >= 0),
    lockouts INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  `,
];

/** `<dataDir>/staff/staff.db`. */
export function staffDirectoryPath(dataDir: string): string {
  return join(resolveProjectPath(dataDir), 'staff', 'staff.db');
}

/** An account as the administrator lists it (never its hash). */
export interface StaffAccountView {
  id: string;
  disabled: boolean;
  /** Epoch ms until which its passcode is locked, 0 when not locked. */
  lockedUntil: number;
  failures: number;
  createdAt: number;
  updatedAt: number;
}

/** An account as the staff session checks it. */
export interface StaffAccount {
  id: string;
  disabled: boolean;
  passcodeHash: ParsedPasscodeHash;
}

export class StaffDirectoryError extends Error {
  constructor(readonly code: 'bad-id' | 'exists' | 'not-found' | 'bad-hash') {
    super(`staff directory: ${code}`);
    this.name = 'StaffDirectoryError';
  }
}

interface AccountRow {
  id: string;
  passcode_hash: string;
  disabled: number;
  failures: number;
  locked_until: number;
  lockouts: number;
  created_at: number;
  updated_at: number;
}

export class StaffDirectory {
  private constructor(
    private readonly db: SqliteDatabase,
    private readonly clock: Clock,
    private readonly seam: PasscodeTestSeam,
  ) {}

  /** Opens (creating) the directory of a data folder. `seam`: tests accept cheap hashes. */
  static open(dataDir: string, options: { clock?: Clock; seam?: PasscodeTestSeam } = {}): StaffDirectory {
    return new StaffDirectory(
      openDatabase({ path: staffDirectoryPath(dataDir), migrations: STAFF_DIRECTORY_MIGRATIONS }),
      options.clock ?? systemClock,
      options.seam ?? {},
    );
  }

  /** True when at least one account is enabled: then the shared passcode no longer opens the console. */
  hasEnabledAccounts(): boolean {
    return this.db.prepare('SELECT 1 FROM staff_accounts WHERE disabled = 0 LIMIT 1').get() !== undefined;
  }

  list(): StaffAccountView[] {
    return (this.db.prepare('SELECT * FROM staff_accounts ORDER BY id').all() as AccountRow[]).map((r) => ({
      id: r.id,
      disabled: r.disabled === 1,
      lockedUntil: r.locked_until,
      failures: r.failures,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  /** The account, or undefined for an unknown (or malformed) id. A stored hash that no longer parses counts as disabled. */
  get(id: string): StaffAccount | undefined {
    if (!STAFF_ID_PATTERN.test(id)) return undefined;
    const row = this.db.prepare('SELECT * FROM staff_accounts WHERE id = ?').get(id) as AccountRow | undefined;
    if (!row) return undefined;
    try {
      return { id: row.id, disabled: row.disabled === 1, passcodeHash: parsePasscodeHash(row.passcode_hash, this.seam) };
    } catch {
      return { id: row.id, disabled: true, passcodeHash: parsePasscodeHash(UNUSABLE_HASH) };
    }
  }

  /** Adds an account with its hashed passcode. */
  add(id: string, passcodeHash: string): void {
    this.checkId(id);
    this.checkHash(passcodeHash);
    if (this.db.prepare('SELECT 1 FROM staff_accounts WHERE id = ?').get(id)) throw new StaffDirectoryError('exists');
    const now = this.clock.now();
    this.db.prepare('INSERT INTO staff_accounts (id, passcode_hash, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, passcodeHash, now, now);
  }

  /** A new passcode (forgotten, or after a lockout): the account's tries and lockout are cleared, and it is enabled. */
  reset(id: string, passcodeHash: string): void {
    this.checkHash(passcodeHash);
    this.update(id, 'passcode_hash = ?, disabled = 0, failures = 0, locked_until = 0, lockouts = 0', passcodeHash);
  }

  disable(id: string): void {
    this.update(id, 'disabled = 1');
  }

  enable(id: string): void {
    this.update(id, 'disabled = 0');
  }

  /** The account's wrong tries and lockout, kept in its row (each save durable when it returns). */
  attempts(id: string): PasscodeAttemptStore {
    return {
      load: (): PasscodeAttempts => {
        const row = this.db.prepare('SELECT failures, locked_until, lockouts FROM staff_accounts WHERE id = ?').get(id) as AccountRow | undefined;
        if (!row) throw new StaffDirectoryError('not-found');
        return { failures: row.failures, lockedUntil: row.locked_until, lockouts: row.lockouts };
      },
      save: (next) => {
        const { failures, lockedUntil, lockouts } = { ...NO_ATTEMPTS, ...next };
        this.update(id, 'failures = ?, locked_until = ?, lockouts = ?', failures, lockedUntil, lockouts);
      },
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private update(id: string, assignments: string, ...values: (string | number)[]): void {
    this.checkId(id);
    const r = this.db.prepare(`UPDATE staff_accounts SET ${assignments}, updated_at = ? WHERE id = ?`).run(...values, this.clock.now(), id);
    if (r.changes !== 1) throw new StaffDirectoryError('not-found');
  }

  private checkId(id: string): void {
    if (!STAFF_ID_PATTERN.test(id)) throw new StaffDirectoryError('bad-id');
  }

  private checkHash(hash: string): void {
    try {
      parsePasscodeHash(hash, this.seam);
    } catch {
      throw new StaffDirectoryError('bad-hash');
    }
  }
}

/**
 * The directory as the kiosk opens it at start, with the pepper its hashes were made with: this
 * kiosk's own (the accounts CLI makes it on first use). Without enabled accounts the shared
 * passcode's pepper is passed on unused. Accounts without this kiosk's pepper stop the start.
 */
export function openStaffDirectory(
  dataDir: string,
  pepperProvider: KeyProvider,
  sharedPepper: Buffer,
  clock: Clock,
): { store: StaffDirectory; pepper: Buffer } {
  const store = StaffDirectory.open(dataDir, { clock });
  try {
    return { store, pepper: store.hasEnabledAccounts() ? loadKioskStaffPepper(pepperProvider) : sharedPepper };
  } catch (err) {
    store.close();
    throw err;
  }
}

/** A well-formed hash no passcode matches (its key is zeros): what a corrupted account is checked against. */
const UNUSABLE_HASH = `scrypt$131072$8$1$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(32).toString('base64url')}`;
