/**
 * The kiosk's tamper-evident audit log: `record()` is the one call every audited action makes
 * (staff sign-ins, voids, reprints, voucher payouts, cash operations, dead-letter decisions,
 * configuration changes, self-tests). Each entry is chained to the one before (audit-chain.ts) and
 * written durably before `record()` returns; the head is signed with the kiosk key when it has
 * moved, at most every `signEveryMs` (and at start and stop), so a crash leaves at most that much
 * unsigned.
 *
 * Audit entries are never pruned: the sales retention (main/data/retention-job.ts) works on the
 * journal and the outbox, and this store is a separate file. Entries are small codes (no personal
 * data, audit-entry.ts), so years of them stay in the megabytes.
 */
import { join } from 'node:path';
import { systemClock, type Clock } from '../../platform/clock';
import { createLogger, errorCode } from '../../platform/log';
import { openDatabase, type SqliteDatabase } from '../../platform/sqlite/open-database';
import { entryHash, GENESIS_HASH, headBytes, type SignedHead } from './audit-chain';
import { auditEventProblem, AuditEventError, type AuditEntry, type AuditEvent } from './audit-entry';
import type { HeadSigner } from './audit-key';
import { AUDIT_MIGRATIONS, insertEntry, insertHead, lastEntry, lastEntryOf, lastHead, readEntries, readHeads } from './audit-store';

const log = createLogger('audit');
/** Default: the head is signed at most every five minutes while entries arrive. */
export const DEFAULT_SIGN_EVERY_MS = 5 * 60 * 1000;

/** What the rest of the kiosk sees of the audit log: one call. */
export interface AuditRecorder {
  record(event: AuditEvent): AuditEntry;
}

export interface AuditLogOptions {
  path: string;
  kioskId: string;
  signer: HeadSigner;
  clock?: Clock;
  signEveryMs?: number;
}

/** `<dataDir>/audit/audit.db` (dataDir already resolved). */
export function auditLogPath(dataDir: string): string {
  return join(dataDir, 'audit', 'audit.db');
}

export class AuditLog implements AuditRecorder {
  private readonly clock: Clock;
  private head: AuditEntry | undefined;
  private signedSeq: number;
  private timer: unknown = null;
  private closed = false;

  private constructor(
    private readonly db: SqliteDatabase,
    private readonly options: AuditLogOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.head = lastEntry(db);
    this.signedSeq = lastHead(db)?.seq ?? 0;
  }

  /** Opens (creating) the store and signs a head a crash left unsigned. Throws the typed database errors. */
  static open(options: AuditLogOptions): AuditLog {
    const log = new AuditLog(openDatabase({ path: options.path, migrations: AUDIT_MIGRATIONS }), options);
    log.signHead();
    return log;
  }

  /** Chains and stores one event; throws AuditEventError for an event that could carry personal data. */
  record(event: AuditEvent): AuditEntry {
    if (this.closed) throw new AuditEventError('the audit log is closed');
    const problem = auditEventProblem(event);
    if (problem) throw new AuditEventError(problem);
    const unhashed = {
      seq: (this.head?.seq ?? 0) + 1,
      at: this.clock.now(),
      kind: event.kind,
      actor: event.actor,
      subject: event.subject ?? null,
      outcome: event.outcome,
      detail: { ...(event.detail ?? {}) },
      prev: this.head?.hash ?? GENESIS_HASH,
    };
    const entry: AuditEntry = { ...unhashed, hash: entryHash(unhashed) };
    insertEntry(this.db, entry);
    this.head = entry;
    this.armSigning();
    return entry;
  }

  /** Signs the current head if it moved since the last signature. Returns the new head, if any. */
  signHead(): SignedHead | undefined {
    if (!this.head || this.head.seq === this.signedSeq || this.closed) return undefined;
    const unsigned = { kioskId: this.options.kioskId, seq: this.head.seq, hash: this.head.hash, at: this.clock.now(), keyId: this.options.signer.keyId };
    const head: SignedHead = { ...unsigned, signature: this.options.signer.sign(headBytes(unsigned)).toString('base64url') };
    insertHead(this.db, head);
    this.signedSeq = head.seq;
    return head;
  }

  /** The latest entry of a kind (e.g. the last configuration recorded). */
  lastOf(kind: AuditEntry['kind']): AuditEntry | undefined {
    return lastEntryOf(this.db, kind);
  }

  entries(): AuditEntry[] {
    return readEntries(this.db);
  }

  heads(): SignedHead[] {
    return readHeads(this.db);
  }

  /** Signs the head and closes the store. Idempotent. */
  close(): void {
    if (this.closed) return;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.signSafely();
    this.closed = true;
    this.db.close();
  }

  private armSigning(): void {
    if (this.timer !== null) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.signSafely();
    }, this.options.signEveryMs ?? DEFAULT_SIGN_EVERY_MS);
  }

  private signSafely(): void {
    try {
      this.signHead();
    } catch (err) {
      // The entries are stored; the next signature covers them.
      log.error({ err: errorCode(err) }, 'audit head not signed');
    }
  }
}

/**
 * Records without ever throwing into the action it follows: an action staff already took is not
 * undone because its audit entry could not be written. The failure is logged and reported (the
 * kiosk raises a staff alert).
 */
export function safeRecorder(audit: AuditRecorder, onFailure: (code: string) => void): (event: AuditEvent) => void {
  return (event) => {
    try {
      audit.record(event);
    } catch (err) {
      log.error({ err: errorCode(err), kind: event.kind }, 'audit entry not recorded');
      onFailure(errorCode(err));
    }
  };
}
