/**
 * Crash recovery of the certificate journal: run at start-up, before the kiosk serves anyone.
 *
 * Every transaction left `paid` or `printing` (money taken, no confirmed certificate) is resolved:
 *
 * | state at crash | printer ready AND back end reachable (AND attempts left) | otherwise                         |
 * |----------------|----------------------------------------------------------|-----------------------------------|
 * | paid           | `print`: nothing reached the printer (printing is        | `refund`: paid → refunded now,    |
 * |                |  journaled before the job is sent); issue and print.      |  voucher number, staff alert      |
 * | printing       | `void-and-reissue`: the paper may or may not have come    | `refund`: printing → voided →     |
 * |                |  out, so the back end voids the old serial first, then a  |  refunded now; the serial is to   |
 * |                |  NEW serial is issued and printed (markVoided,            |  be voided at the back end (e.g.  |
 * |                |  markPrinting(new), markPrinted).                         |  through the outbox), staff alert |
 *
 * Why the back end must know: a certificate is "issued" when a serial is valid at the back end, so
 * re-printing cached content under the same serial could put two valid papers in the world. Voiding
 * first keeps exactly one valid certificate per payment; a voided paper fails verification.
 *
 * Idempotent: each decision is stored with the transaction's sequence number, so a second run
 * returns the same open decisions (`isNew: false`, same voucher numbers) and decides nothing new.
 * `print`/`void-and-reissue` decisions close themselves once the transaction has moved on; refund
 * decisions stay open until `completeRecovery(id)` (voucher printed, staff alerted).
 * Transactions stuck before payment (`selected`, `authenticated`) are simply cancelled.
 */
import type { TransactionJournal } from './transaction-journal';
import type { TransactionRow } from './journal-rows';

export interface RecoveryPolicy {
  /** The printer reports ready (paper, no jam, cover closed). */
  printerReady: boolean;
  /** The back end answers (needed to issue and to void serials). */
  backendReachable: boolean;
  /** Serials a transaction may consume before recovery refunds instead. Default 2. */
  maxPrintAttempts?: number;
}

/** What staff are told about a refund decided by recovery. No personal data. */
export interface RecoveryStaffAlert {
  code: 'refund-voucher-issued';
  txId: string;
  voucherNumber: string;
  amountYen: number;
  /** Serial that may exist on paper and must be voided at the back end, if any. */
  voidSerial?: string;
  reason: 'printer-not-ready' | 'backend-unreachable' | 'print-attempts-exhausted';
}

export type RecoveryAction =
  /** Continue the sale: issue a serial, `markPrinting`, print, `markPrinted`. */
  | { kind: 'print'; decisionId: number; txId: string; isNew: boolean }
  /** Void `voidSerial` at the back end, `markVoided`, then issue a new serial and print it. */
  | { kind: 'void-and-reissue'; decisionId: number; txId: string; voidSerial: string; isNew: boolean }
  /** Already journaled as refunded: print the voucher, send the staff alert, void the serial if given, then `completeRecovery`. */
  | { kind: 'refund'; decisionId: number; txId: string; voucherNumber: string; amountYen: number; voidSerial?: string; isNew: boolean; staffAlert: RecoveryStaffAlert };

export interface RecoveryResult {
  /** Open decisions, new and from earlier runs. */
  actions: RecoveryAction[];
  /** Transactions cancelled by this run (stuck before payment). */
  cancelled: string[];
}

interface DecisionRow {
  id: number;
  tx_id: string;
  at_seq: number;
  state_at_decision: string;
  action: RecoveryAction['kind'];
  void_serial: string | null;
  voucher_number: string | null;
  completed_at: number | null;
}

function decide(row: TransactionRow, policy: RecoveryPolicy): { action: RecoveryAction['kind']; reason?: RecoveryStaffAlert['reason'] } {
  if (!policy.printerReady) return { action: 'refund', reason: 'printer-not-ready' };
  if (!policy.backendReachable) return { action: 'refund', reason: 'backend-unreachable' };
  if (row.state === 'paid') return { action: 'print' };
  if (row.print_attempts >= (policy.maxPrintAttempts ?? 2)) return { action: 'refund', reason: 'print-attempts-exhausted' };
  return { action: 'void-and-reissue' };
}

function toAction(journal: TransactionJournal, d: DecisionRow, isNew: boolean): RecoveryAction {
  if (d.action === 'print') return { kind: 'print', decisionId: d.id, txId: d.tx_id, isNew };
  if (d.action === 'void-and-reissue') return { kind: 'void-and-reissue', decisionId: d.id, txId: d.tx_id, voidSerial: d.void_serial ?? '', isNew };
  const tx = journal.get(d.tx_id);
  const amountYen = tx?.refund?.amountYen ?? 0;
  const voucherNumber = d.voucher_number ?? '';
  const reason = (JSON.parse(
    (journal.stmt("SELECT detail FROM events WHERE tx_id = ? AND to_state = 'refunded' ORDER BY seq DESC LIMIT 1").get(d.tx_id) as { detail: string } | undefined)
      ?.detail ?? '{}',
  ) as { reason?: RecoveryStaffAlert['reason'] }).reason ?? 'printer-not-ready';
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

export function runRecovery(journal: TransactionJournal, policy: RecoveryPolicy): RecoveryResult {
  return journal.db
    .transaction((): RecoveryResult => {
      const at = journal.now();
      const newIds = new Set<number>();
      const cancelled: string[] = [];
      // Pre-payment leftovers: nobody paid, nobody is waiting any more.
      for (const tx of journal.list(['selected', 'authenticated'])) {
        journal.applyTransition(tx.id, 'cancelled', {}, { reason: 'crash-recovery' }, at);
        cancelled.push(tx.id);
      }
      // Close print/reissue decisions whose transaction has moved on since.
      journal
        .stmt(
          `UPDATE recovery_decisions SET completed_at = ? WHERE completed_at IS NULL AND action <> 'refund'
           AND at_seq <> (SELECT seq FROM transactions t WHERE t.id = recovery_decisions.tx_id)`,
        )
        .run(at);
      const open = journal.stmt("SELECT * FROM transactions WHERE state IN ('paid', 'printing') ORDER BY created_at, rowid").all() as TransactionRow[];
      for (const row of open) {
        if (journal.stmt('SELECT 1 FROM recovery_decisions WHERE tx_id = ? AND at_seq = ?').get(row.id, row.seq)) continue;
        const { action, reason } = decide(row, policy);
        let voucher: string | null = null;
        const voidSerial = row.state === 'printing' ? row.serial : null;
        if (action === 'refund') {
          voucher = `RV-${journal.options.kioskId}-${journal.day(at)}-${String(journal.nextCounter('voucher', journal.day(at))).padStart(4, '0')}`;
          if (row.state === 'printing') {
            journal.applyTransition(row.id, 'voided', {}, { reason: 'crash-recovery', backendConfirmed: false }, at);
            journal.stmt('UPDATE serials SET voided_at = ? WHERE serial = ? AND voided_at IS NULL').run(at, row.serial);
          }
          journal.applyTransition(
            row.id,
            'refunded',
            { refund_method: 'voucher', refund_voucher: voucher, refunded_yen: row.paid_yen ?? row.amount_yen, refunded_at: at },
            { method: 'voucher', voucherNumber: voucher, amountYen: row.paid_yen ?? row.amount_yen, reason, by: 'crash-recovery' },
            at,
          );
        }
        const { id } = journal
          .stmt(
            `INSERT INTO recovery_decisions (tx_id, at_seq, state_at_decision, action, void_serial, voucher_number, decided_at)
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          )
          .get(row.id, row.seq, row.state, action, voidSerial, voucher, at) as { id: number };
        newIds.add(id);
      }
      const decisions = journal.stmt('SELECT * FROM recovery_decisions WHERE completed_at IS NULL ORDER BY id').all() as DecisionRow[];
      return { actions: decisions.map((d) => toAction(journal, d, newIds.has(d.id))), cancelled };
    })
    .immediate();
}
