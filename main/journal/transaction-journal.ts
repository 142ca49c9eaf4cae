/**
 * The certificate transaction journal: one SQLite file (WAL, synchronous=FULL, exclusive lock).
 * Every state change is one durable transaction (the row's new state + an append-only event with
 * its timestamp and details), committed before the call returns: write-ahead for money and paper.
 *
 * No personal data: a resident is recorded by an opaque reference id from the back end, never a
 * name, address, birth date or My Number (the id format itself refuses spaces and non-ASCII).
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../../platform/sqlite/open-database';
import { runRecovery, type RecoveryPolicy, type RecoveryResult } from './crash-recovery';
import { JournalDatabase, type JournalOptions, type RowPatch } from './journal-database';
import { IllegalTransitionError, JournalError } from './journal-errors';
import { canTransition, PAYMENT_METHODS, REFUND_METHODS, type PaymentMethod, type RefundMethod, type TransactionState } from './journal-states';
import { dailyReconciliation, type DailyReconciliation } from './reconciliation';
import { rowToRecord, type JournalEvent, type TransactionRecord, type TransactionRow } from './journal-rows';
import { VoucherLedger } from './voucher-ledger';
import { PasscodeAttemptLedger } from './passcode-attempts';
import { PendingVoidLedger } from './pending-voids';
import { StaffAlertStore } from './staff-alert-store';

export type { JournalEvent, TransactionRecord } from './journal-rows';
export type { RowPatch } from './journal-database';
export type TransactionJournalOptions = JournalOptions;

const ID = /^[A-Za-z0-9_-]{4,64}$/;
const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;
const SERIAL = /^[A-Za-z0-9-]{4,64}$/;

function check(cond: boolean, message: string): void {
  if (!cond) throw new JournalError('invalid-input', message);
}

export class TransactionJournal {
  /** @internal The database every part of the journal builds on (journal-database.ts). */
  readonly database: JournalDatabase;
  /** Refund vouchers: issued, slip printed, settled at the counter (voucher-ledger.ts). */
  readonly vouchers: VoucherLedger;
  /** The staff passcode's wrong tries and lockout, surviving restarts (passcode-attempts.ts). */
  readonly passcodeAttempts: PasscodeAttemptLedger;
  /** Staff alerts with their acknowledgement, surviving restarts (staff-alert-store.ts). */
  readonly alerts: StaffAlertStore;
  /** Serials whose void the back end has not confirmed yet (pending-voids.ts). */
  readonly pendingVoids: PendingVoidLedger;

  private constructor(database: JournalDatabase) {
    this.database = database;
    this.vouchers = new VoucherLedger(database);
    this.passcodeAttempts = new PasscodeAttemptLedger(database);
    this.alerts = new StaffAlertStore(database);
    this.pendingVoids = new PendingVoidLedger(database);
  }

  /** Opens the journal. Throws DatabaseCorruptError / DatabaseLockedError / ... from platform/sqlite. */
  static open(options: TransactionJournalOptions): TransactionJournal {
    return new TransactionJournal(JournalDatabase.open(options));
  }

  /** @internal The SQLite handle (tests reach the triggers through it). */
  get db(): SqliteDatabase {
    return this.database.db;
  }

  /** @internal */
  get options(): TransactionJournalOptions {
    return this.database.options;
  }

  /** @internal Cached prepared statement. */
  stmt(sql: string): Database.Statement {
    return this.database.stmt(sql);
  }

  /** @internal Current time (epoch ms). */
  now(): number {
    return this.database.now();
  }

  /** @internal `YYYYMMDD` of a time in the kiosk's calendar. */
  day(at: number): string {
    return this.database.day(at);
  }

  private row(txId: string): TransactionRow {
    return this.database.row(txId);
  }

  private transition(
    txId: string,
    to: TransactionState,
    patch: RowPatch | ((at: number) => RowPatch),
    detail: Record<string, unknown>,
    extra?: (row: TransactionRow, at: number) => void,
  ): TransactionRecord {
    const at = this.now();
    return rowToRecord(
      this.db
        .transaction(() => {
          extra?.(this.row(txId), at);
          return this.database.applyTransition(txId, to, typeof patch === 'function' ? patch(at) : patch, detail, at);
        })
        .immediate(),
    );
  }

  /** Starts a transaction in `selected`: the citizen chose a certificate; `amountYen` is the quoted fee. */
  begin(input: { certificateType: string; copies: number; amountYen: number }): TransactionRecord {
    check(CODE.test(input.certificateType), 'certificateType must be a short lower-case code.');
    check(Number.isInteger(input.copies) && input.copies >= 1 && input.copies <= 20, 'copies must be 1-20.');
    check(Number.isSafeInteger(input.amountYen) && input.amountYen >= 0, 'amountYen must be a non-negative integer.');
    const at = this.now();
    const id = `TX-${this.options.kioskId}-${this.day(at)}-${randomUUID().slice(0, 8)}`;
    this.db
      .transaction(() => {
        this.stmt(
          `INSERT INTO transactions (id, kiosk_id, certificate_type, copies, amount_yen, state, seq, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'selected', 1, ?, ?)`,
        ).run(id, this.options.kioskId, input.certificateType, input.copies, input.amountYen, at, at);
        this.database.appendEvent(id, 1, null, 'selected', at, input);
      })
      .immediate();
    return this.get(id) as TransactionRecord;
  }

  /**
   * selected → authenticated. `residentRef` is the back end's opaque id (4-64 of A-Za-z0-9_-), never a name.
   * `serial`, when the back end already issued the certificate before payment (as the kiosk journey
   * does), is recorded now so that a crash after payment knows which certificate was paid for;
   * `issuer` names the back end (ward) that issued it.
   */
  markAuthenticated(txId: string, input: { residentRef: string; serial?: string; issuer?: string }): TransactionRecord {
    check(ID.test(input.residentRef), 'residentRef must be an opaque id.');
    if (input.serial !== undefined) check(SERIAL.test(input.serial), 'serial format is invalid.');
    if (input.issuer !== undefined) check(CODE.test(input.issuer), 'issuer must be a short code.');
    const extra = { ...(input.serial !== undefined ? { serial: input.serial } : {}), ...(input.issuer !== undefined ? { issuer: input.issuer } : {}) };
    const serial = input.serial;
    return this.transition(txId, 'authenticated', { resident_ref: input.residentRef, ...extra }, extra, (row, at) => {
      if (serial === undefined || !canTransition(row.state, 'authenticated')) return; // applyTransition reports it
      // Before any money is asked for: a back end that repeats a serial (its state lost, a restart
      // on an empty database) is refused here, never after payment. The serial is bound to this
      // transaction from now on (markPrinting then takes it as this sale's own).
      this.reserveSerial(serial, txId, at);
    });
  }

  /**
   * Binds `serial` to `txId`; a serial any transaction holds (reserved, printed or voided), that an
   * older sale recorded before reservations existed, or that a pruned sale held (`retired_serials`,
   * kept by the retention job) is refused with `serial-reused`.
   */
  private reserveSerial(serial: string, txId: string, at: number): void {
    const used =
      this.stmt('SELECT 1 FROM serials WHERE serial = ? UNION ALL SELECT 1 FROM retired_serials WHERE serial = ?').get(serial, serial) ??
      this.stmt('SELECT 1 FROM transactions WHERE serial = ? AND id <> ?').get(serial, txId);
    if (used) throw new JournalError('serial-reused', `Serial ${serial} was already used; a certificate is issued once.`);
    this.stmt('INSERT INTO serials (serial, tx_id, issued_at) VALUES (?, ?, ?)').run(serial, txId, at);
  }

  /** authenticated → paid. The amount must equal the quoted fee exactly. */
  markPaid(txId: string, input: { method: PaymentMethod; reference: string; amountYen: number }): TransactionRecord {
    check((PAYMENT_METHODS as readonly string[]).includes(input.method), 'unknown payment method.');
    check(ID.test(input.reference), 'payment reference must be an id.');
    return this.transition(
      txId,
      'paid',
      (at) => ({ payment_method: input.method, payment_ref: input.reference, paid_yen: input.amountYen, paid_at: at }),
      { method: input.method, reference: input.reference, amountYen: input.amountYen },
      (row) => {
        if (row.state === 'authenticated' && input.amountYen !== row.amount_yen) {
          throw new JournalError('amount-mismatch', `Transaction ${txId}: paid ${input.amountYen} yen, quoted ${row.amount_yen}.`);
        }
      },
    );
  }

  /**
   * paid|voided → printing, recorded BEFORE the job is sent to the printer. `serial` is the
   * certificate serial the back end issued; a serial already used by any transaction is refused.
   */
  markPrinting(txId: string, input: { serial: string }): TransactionRecord {
    check(SERIAL.test(input.serial), 'serial format is invalid.');
    return this.transition(txId, 'printing', { serial: input.serial, print_job_id: null }, { serial: input.serial }, (row, at) => {
      if (!canTransition(row.state, 'printing')) return; // applyTransition reports it
      // The first print of the serial this sale reserved before payment (markAuthenticated) is its own;
      // any other use of a known serial (a void's reissue must bring a new one) is refused.
      const reservedHere =
        row.state === 'paid' &&
        row.serial === input.serial &&
        this.stmt('SELECT 1 FROM serials WHERE serial = ? AND tx_id = ? AND voided_at IS NULL').get(input.serial, txId);
      if (!reservedHere) this.reserveSerial(input.serial, txId, at);
      this.stmt('UPDATE transactions SET print_attempts = print_attempts + 1 WHERE id = ?').run(txId);
    });
  }

  /**
   * In `printing`: the printer accepted the current attempt as job `jobId`. Recorded as soon as it is
   * known, so recovery can ask the printer about exactly this job. Not a state change (an event is
   * appended all the same, for the audit trail).
   */
  recordPrintJob(txId: string, jobId: number): TransactionRecord {
    check(Number.isSafeInteger(jobId) && jobId >= 1, 'jobId must be a positive integer.');
    return this.note(txId, 'printing', { print_job_id: jobId }, { printJobId: jobId });
  }

  /**
   * In `printing`: the same serial is sent to the printer again because the earlier job is known
   * NOT to have produced the certificate (aborted, canceled). Counts the attempt and forgets the old job id.
   */
  markResend(txId: string, input: { reason: string }): TransactionRecord {
    check(CODE.test(input.reason), 'reason must be a short code.');
    return this.note(txId, 'printing', { print_job_id: null }, { resend: true, reason: input.reason }, 'print_attempts = print_attempts + 1');
  }

  /** A refund voucher number (`RV-<kiosk>-<YYYYMMDD>-<NNNN>`), unique per kiosk and day, durable once returned. */
  nextVoucherNumber(): string {
    const day = this.day(this.now());
    return this.db.transaction(() => this.database.nextVoucherNumberOf(day)).immediate();
  }

  /** A change inside one state (no transition): row patch plus an event `state → state`. */
  private note(txId: string, state: TransactionState, patch: RowPatch, detail: Record<string, unknown>, rawSet?: string): TransactionRecord {
    const at = this.now();
    return rowToRecord(
      this.db
        .transaction(() => {
          const row = this.row(txId);
          if (row.state !== state) throw new IllegalTransitionError(txId, row.state, state);
          const cols = Object.keys(patch);
          this.stmt(
            `UPDATE transactions SET seq = ?, updated_at = ?${cols.map((c) => `, ${c} = ?`).join('')}${rawSet ? `, ${rawSet}` : ''} WHERE id = ? AND seq = ?`,
          ).run(row.seq + 1, at, ...cols.map((c) => patch[c as keyof TransactionRow] ?? null), txId, row.seq);
          this.database.appendEvent(txId, row.seq + 1, state, state, at, detail);
          return this.row(txId);
        })
        .immediate(),
    );
  }

  /** printing → printed: the printer confirmed the output. */
  markPrinted(txId: string): TransactionRecord {
    return this.transition(txId, 'printed', (at) => ({ printed_at: at }), {});
  }

  /**
   * printing|printed → voided: the current serial is void. `backendConfirmed` says whether the back
   * end already acknowledged the void; if not, call `confirmVoid` once it has.
   */
  markVoided(txId: string, input: { reason: string; backendConfirmed: boolean }): TransactionRecord {
    check(CODE.test(input.reason), 'reason must be a short code.');
    return this.transition(txId, 'voided', {}, { reason: input.reason, backendConfirmed: input.backendConfirmed }, (row, at) => {
      if (row.serial === null || !canTransition(row.state, 'voided')) return;
      this.stmt('UPDATE serials SET voided_at = ?, void_confirmed_at = ? WHERE serial = ?').run(at, input.backendConfirmed ? at : null, row.serial);
    });
  }

  /** The back end acknowledged the void of `serial`. */
  confirmVoid(serial: string): void {
    this.stmt('UPDATE serials SET void_confirmed_at = ? WHERE serial = ? AND voided_at IS NOT NULL AND void_confirmed_at IS NULL').run(this.now(), serial);
  }

  /** paid|voided → refunded. The refund must equal what was paid. */
  markRefunded(
    txId: string,
    input: {
      method: RefundMethod;
      amountYen: number;
      reason: string;
      voucherNumber?: string;
      /** With `voucher`: the part the machine did give back in cash (the voucher covers the rest). */
      cashReturnedYen?: number;
    },
  ): TransactionRecord {
    check((REFUND_METHODS as readonly string[]).includes(input.method), 'unknown refund method.');
    check(CODE.test(input.reason), 'reason must be a short code.');
    check((input.method === 'voucher') === (input.voucherNumber !== undefined), 'a voucher refund needs a voucher number (and only it).');
    if (input.cashReturnedYen !== undefined) {
      check(input.method === 'voucher', 'cashReturnedYen belongs to a voucher refund.');
      check(
        Number.isSafeInteger(input.cashReturnedYen) && input.cashReturnedYen >= 0 && input.cashReturnedYen < input.amountYen,
        'cashReturnedYen must be 0 or more and less than the refund.',
      );
    }
    return this.transition(
      txId,
      'refunded',
      (at) => ({ refund_method: input.method, refund_voucher: input.voucherNumber ?? null, refunded_yen: input.amountYen, refunded_at: at }),
      { ...input },
      (row) => {
        if (canTransition(row.state, 'refunded') && input.amountYen !== row.paid_yen) {
          throw new JournalError('amount-mismatch', `Transaction ${txId}: refund ${input.amountYen} yen, paid ${row.paid_yen ?? 0}.`);
        }
      },
    );
  }

  /** printed → card_returned. */
  markCardReturned(txId: string): TransactionRecord {
    return this.transition(txId, 'card_returned', {}, {});
  }

  /** card_returned → done. */
  markDone(txId: string): TransactionRecord {
    return this.transition(txId, 'done', {}, {});
  }

  /** selected|authenticated → cancelled (no money taken). */
  cancel(txId: string, reason: string): TransactionRecord {
    check(CODE.test(reason), 'reason must be a short code.');
    return this.transition(txId, 'cancelled', {}, { reason });
  }

  /** One transaction, or undefined. */
  get(txId: string): TransactionRecord | undefined {
    return this.database.get(txId);
  }

  /** The append-only event history of a transaction, oldest first. */
  events(txId: string): JournalEvent[] {
    const rows = this.stmt('SELECT seq, from_state, to_state, at, detail FROM events WHERE tx_id = ? ORDER BY seq').all(txId) as Array<{
      seq: number;
      from_state: TransactionState | null;
      to_state: TransactionState;
      at: number;
      detail: string;
    }>;
    return rows.map((r) => ({ seq: r.seq, from: r.from_state, to: r.to_state, at: r.at, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }

  /** Transactions in the given states (default: every non-terminal state), oldest first. */
  list(states?: readonly TransactionState[]): TransactionRecord[] {
    return this.database.list(states);
  }

  /**
   * Resolves every paid-but-unprinted transaction after a crash (see crash-recovery.ts). Returns
   * the actions for the caller to carry out; idempotent: a second run decides nothing new.
   */
  recoverAfterCrash(policy: RecoveryPolicy): RecoveryResult {
    return runRecovery(this.database, policy);
  }

  /** Marks a recovery decision carried out (refund voucher printed and staff alerted). */
  completeRecovery(decisionId: number): void {
    this.stmt('UPDATE recovery_decisions SET completed_at = ? WHERE id = ? AND completed_at IS NULL').run(this.now(), decisionId);
  }

  /** Totals of one calendar day (`YYYYMMDD`) for the staff screen. */
  reconcile(day: string): DailyReconciliation {
    check(/^\d{8}$/.test(day), 'day must be YYYYMMDD.');
    return dailyReconciliation(this.database, this.vouchers, day);
  }

  /** Closes the database. Idempotent. */
  close(): void {
    this.database.close();
  }
}
