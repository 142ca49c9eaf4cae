/**
 * Crash recovery of the certificate journal: run at start-up, before the kiosk serves anyone.
 *
 * The kiosk journey has the back end issue the certificate (serial X) BEFORE payment, and journals
 * `printing` BEFORE the job goes to the printer. So after a crash every paid transaction knows its
 * serial, and one in `printing` may or may not have come out. Each is resolved (caller gathers the
 * facts first: printer health, the printer's answer about the recorded job, whether the back end
 * can give serial X's content again):
 *
 * | state at crash | facts                                               | decision                              |
 * |----------------|-----------------------------------------------------|---------------------------------------|
 * | printing       | printer says the job COMPLETED                      | `confirm-printed` (never print again) |
 * | printing       | job outcome unknown (no job id, printer silent)     | `refund`: voided → refunded, voucher, |
 * |                |                                                     |  serial voided so any paper is invalid |
 * | paid, or printing with the job known NOT printed (aborted/canceled/absent)                            |
 * |                | printer ready, content recoverable, attempts left   | `reprint` serial X (same content: a   |
 * |                |                                                     |  serial printed once is issued once)  |
 * |                | otherwise                                           | `refund` with a voucher + staff alert |
 *
 * Refund decisions are journaled at once (state → refunded, voucher number) and stored with the
 * transaction's sequence number, so a second run returns the same open decision (`isNew: false`,
 * same voucher) until `completeRecovery(id)`. `reprint`/`confirm-printed` are not stored: they are
 * derived from the state each run, and carrying them out moves the state on, so a second run after
 * success finds nothing. Transactions stuck before payment (`selected`, `authenticated`) are cancelled.
 */
import type { JournalDatabase } from './journal-database';
import type { TransactionRow } from './journal-rows';

/** What the printer says about the job recorded for a transaction in `printing`. */
export type PrintJobFact =
  /** The job reached `completed`: the certificate came out. */
  | 'completed'
  /** The job ended without completing (aborted, canceled) or the printer never got it. */
  | 'not-printed'
  /** No job id was recorded, or the printer does not answer, or the job has not ended. */
  | 'unknown';

export interface RecoveryPolicy {
  /** The printer reports ready (paper, no jam, cover closed). */
  printerReady: boolean;
  /** Per transaction id in `printing`: the printer's answer about its job. Missing → `unknown`. */
  printJobs?: Readonly<Record<string, PrintJobFact>>;
  /** Transaction ids whose certificate content the back end gave again (issued, unprinted, this kiosk). */
  contentRecoverable?: ReadonlySet<string>;
  /** Print jobs a transaction may use before recovery refunds instead. Default 3. */
  maxPrintAttempts?: number;
}

export type RecoveryRefundReason = 'printer-not-ready' | 'content-unrecoverable' | 'print-outcome-unknown' | 'print-attempts-exhausted';

/** What staff are told about a refund decided by recovery. No personal data. */
export interface RecoveryStaffAlert {
  code: 'refund-voucher-issued';
  txId: string;
  voucherNumber: string;
  amountYen: number;
  /** Serial to void at the back end (it may exist on paper when the outcome was unknown). */
  voidSerial?: string;
  reason: RecoveryRefundReason;
}

export type RecoveryAction =
  /** Print serial X again from the content the back end keeps (`markPrinting` first if still `paid`, else `markResend`). */
  | { kind: 'reprint'; txId: string; serial: string; state: 'paid' | 'printing'; copies: number; isNew: true }
  /** The printer completed the job: `markPrinted` (and tell the back end), never print again. */
  | { kind: 'confirm-printed'; txId: string; serial: string; isNew: true }
  /** Already journaled as refunded: void the serial, alert staff, then `completeRecovery(decisionId)`. */
  | {
      kind: 'refund';
      decisionId: number;
      txId: string;
      voucherNumber: string;
      amountYen: number;
      voidSerial?: string;
      isNew: boolean;
      staffAlert: RecoveryStaffAlert;
    };

export interface RecoveryResult {
  /** Open decisions, new and from earlier runs. */
  actions: RecoveryAction[];
  /** Transactions cancelled by this run (stuck before payment). */
  cancelled: string[];
}

interface DecisionRow {
  id: number;
  tx_id: string;
  void_serial: string | null;
  voucher_number: string | null;
}

type Decision = { action: 'reprint' } | { action: 'confirm-printed' } | { action: 'refund'; reason: RecoveryRefundReason };

function decide(row: TransactionRow, policy: RecoveryPolicy): Decision {
  if (row.state === 'printing') {
    const job = policy.printJobs?.[row.id] ?? 'unknown';
    if (job === 'completed') return { action: 'confirm-printed' };
    // It may be on paper: printing it again could make two. Void it and give the money back.
    if (job === 'unknown') return { action: 'refund', reason: 'print-outcome-unknown' };
  }
  if (!row.serial || !policy.contentRecoverable?.has(row.id)) return { action: 'refund', reason: 'content-unrecoverable' };
  if (!policy.printerReady) return { action: 'refund', reason: 'printer-not-ready' };
  if (row.print_attempts >= (policy.maxPrintAttempts ?? 3)) return { action: 'refund', reason: 'print-attempts-exhausted' };
  return { action: 'reprint' };
}

function refundAction(journal: JournalDatabase, d: DecisionRow, isNew: boolean): RecoveryAction {
  const tx = journal.get(d.tx_id);
  const amountYen = tx?.refund?.amountYen ?? 0;
  const voucherNumber = d.voucher_number ?? '';
  const detail = journal.stmt("SELECT detail FROM events WHERE tx_id = ? AND to_state = 'refunded' ORDER BY seq DESC LIMIT 1").get(d.tx_id) as
    { detail: string } | undefined;
  const reason = (JSON.parse(detail?.detail ?? '{}') as { reason?: RecoveryRefundReason }).reason ?? 'print-outcome-unknown';
  const voidSerial = d.void_serial ?? undefined;
  return {
    kind: 'refund',
    decisionId: d.id,
    txId: d.tx_id,
    voucherNumber,
    amountYen,
    isNew,
    ...(voidSerial ? { voidSerial } : {}),
    staffAlert: { code: 'refund-voucher-issued', txId: d.tx_id, voucherNumber, amountYen, reason, ...(voidSerial ? { voidSerial } : {}) },
  };
}

export function runRecovery(journal: JournalDatabase, policy: RecoveryPolicy): RecoveryResult {
  return journal.db
    .transaction((): RecoveryResult => {
      const at = journal.now();
      const newIds = new Set<number>();
      const cancelled: string[] = [];
      const derived: RecoveryAction[] = [];
      // Pre-payment leftovers: nobody paid, nobody is waiting any more.
      for (const tx of journal.list(['selected', 'authenticated'])) {
        journal.applyTransition(tx.id, 'cancelled', {}, { reason: 'crash-recovery' }, at);
        cancelled.push(tx.id);
      }
      const open = journal.stmt("SELECT * FROM transactions WHERE state IN ('paid', 'printing') ORDER BY created_at, rowid").all() as TransactionRow[];
      for (const row of open) {
        const decision = decide(row, policy);
        if (decision.action === 'reprint') {
          derived.push({ kind: 'reprint', txId: row.id, serial: row.serial ?? '', state: row.state as 'paid' | 'printing', copies: row.copies, isNew: true });
          continue;
        }
        if (decision.action === 'confirm-printed') {
          derived.push({ kind: 'confirm-printed', txId: row.id, serial: row.serial ?? '', isNew: true });
          continue;
        }
        const voucher = journal.nextVoucherNumberOf(journal.day(at));
        if (row.state === 'printing') {
          journal.applyTransition(row.id, 'voided', {}, { reason: 'crash-recovery', backendConfirmed: false }, at);
          journal.stmt('UPDATE serials SET voided_at = ? WHERE serial = ? AND voided_at IS NULL').run(at, row.serial);
        }
        const amountYen = row.paid_yen ?? row.amount_yen;
        journal.applyTransition(
          row.id,
          'refunded',
          { refund_method: 'voucher', refund_voucher: voucher, refunded_yen: amountYen, refunded_at: at },
          { method: 'voucher', voucherNumber: voucher, amountYen, reason: decision.reason, by: 'crash-recovery' },
          at,
        );
        const { id } = journal
          .stmt(
            `INSERT INTO recovery_decisions (tx_id, at_seq, state_at_decision, action, void_serial, voucher_number, decided_at)
             VALUES (?, ?, ?, 'refund', ?, ?, ?) RETURNING id`,
          )
          .get(row.id, row.seq, row.state, row.serial, voucher, at) as { id: number };
        newIds.add(id);
      }
      const decisions = journal.stmt("SELECT * FROM recovery_decisions WHERE completed_at IS NULL AND action = 'refund' ORDER BY id").all() as DecisionRow[];
      return { actions: [...decisions.map((d) => refundAction(journal, d, newIds.has(d.id))), ...derived], cancelled };
    })
    .immediate();
}
