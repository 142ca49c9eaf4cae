/**
 * Start-up recovery of certificate sales a crash left paid but unprinted. Runs before the first
 * citizen. It gathers the facts, lets the journal decide (main/journal/crash-recovery.ts) and
 * carries the decisions out, so each paid transaction ends with exactly one of: the certificate
 * printed once, or the full fee as a refund voucher with a staff alert. Never both, never neither.
 *
 * Facts: printer health; for a transaction in `printing`, the printer's answer about the attempt:
 * the recorded job (IPP Get-Job-Attributes) or, when the crash came before its id was journaled,
 * the job with the attempt's name (IPP Get-Jobs), waiting up to `jobSettleMs` for a running job to
 * end (print-job-evidence.ts has the table); for one to
 * print, serial X's content again from the back end (GET /v1/certificates/{serial}/content, which
 * answers only while X is issued and unprinted), checked against the city seal and rendered.
 * Reprinting X is not a second issuance: one serial, printed once, marked printed at the back end.
 */
import type { WardId } from '../../contract/ward-api';
import type { Printer } from '../../devices/printer/printer';
import { createLogger, errorCode } from '../../platform/log';
import type { PrintJobFact, RecoveryRefundReason } from '../journal/crash-recovery';
import type { TransactionJournal, TransactionRecord } from '../journal/transaction-journal';
import type { WardClient } from '../ward/ward-client';
import { finishJournaledPrint, issuerOf, printJournaled } from './journaled-reprint';
import type { CertificateRenderer } from './journey-deps';
import type { StaffAlert } from '../staff/staff-alert';
import { VOID_FAILED_ALERT, voidIssuedSerial } from './money-return';
import { askPrinterAboutAttempt } from './ask-printer-about-attempt';
import { judgeCanceledJob, judgeJobState } from './print-job-evidence';

const log = createLogger('certificate-recovery');

export interface CertificateRecoveryDeps {
  journal: TransactionJournal;
  printer: Printer;
  ward: Pick<WardClient, 'issuedContent' | 'markPrinted' | 'voidIssued'>;
  /** Used when a transaction did not record its issuing ward. */
  defaultWard: WardId;
  render: CertificateRenderer;
  alertStaff: (alert: StaffAlert) => void;
  /** How long to wait for a job the printer is still working on. Default 60 000 ms. */
  jobSettleMs?: number;
  /** Poll interval while waiting. Default 250 ms. */
  pollMs?: number;
}

/** How one transaction was resolved. Ids, serials, amounts and codes only. */
export type RecoveryOutcome =
  /** Serial X was printed now (it had not come out before the crash). */
  | { txId: string; outcome: 'reprinted'; serial: string }
  /** The printer had completed the job before the crash: journaled as printed, not printed again. */
  | { txId: string; outcome: 'confirmed-printed'; serial: string }
  /** The full fee as a voucher; the serial is voided at the back end (`voidConfirmed` if it answered). */
  | {
      txId: string;
      outcome: 'refunded';
      voucherNumber: string;
      amountYen: number;
      reason: RecoveryRefundReason | 'reprint-failed';
      serial?: string;
      voidConfirmed: boolean;
    }
  /**
   * Stuck before payment: nothing was charged. A sale already authenticated had its serial issued
   * at the back end: it is voided (`voidConfirmed`), or left pending for the retrier and staff.
   */
  | { txId: string; outcome: 'cancelled'; serial?: string; voidConfirmed?: boolean };

/** Staff alert codes raised by recovery. */
export const RECOVERY_ALERTS = {
  /** error: a refund voucher was issued; reference = voucher number. */
  refund: 'recovery-refund-voucher',
  /** warning: a certificate was printed on recovery; reference = serial (hand it over, it may wait in the tray). */
  reprinted: 'recovery-reprinted',
  /** warning: the printer had finished before the crash; reference = serial (it may wait in the tray). */
  confirmed: 'recovery-printed-before-crash',
  /** warning: the back end did not confirm a void; reference = serial (void it by hand). The journey's code: one for both. */
  voidFailed: VOID_FAILED_ALERT,
  /** warning: the back end did not record a printed serial; reference = serial. */
  markPrintedFailed: 'recovery-mark-printed-failed',
} as const;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function recoverCertificateSales(deps: CertificateRecoveryDeps): Promise<RecoveryOutcome[]> {
  const { journal, printer, ward } = deps;
  const open = journal.list(['paid', 'printing']);
  const printJobs: Record<string, PrintJobFact> = {};
  const pdfs = new Map<string, Buffer>();

  /** The printer's evidence about the attempt in `printing`, a running job followed to its end. */
  async function jobFact(tx: TransactionRecord): Promise<PrintJobFact> {
    const verdict = await askPrinterAboutAttempt(printer, tx, journal.now());
    return verdict.kind === 'follow' ? follow(verdict.jobId) : verdict.kind === 'fact' ? verdict.fact : 'unknown';
  }

  /** Polls a job the printer is still working on until it ends, or `jobSettleMs` runs out (`unknown`). */
  async function follow(jobId: number): Promise<PrintJobFact> {
    const deadline = Date.now() + (deps.jobSettleMs ?? 60_000);
    for (;;) {
      await sleep(deps.pollMs ?? 250);
      const st = await printer.jobStatus(jobId).catch(() => null);
      if (!st || !st.found) return 'unknown';
      const verdict = judgeJobState(st.state, jobId);
      if (verdict.kind === 'fact') return verdict.fact;
      if (Date.now() > deadline) return giveUp(jobId);
    }
  }

  /**
   * The job did not end in time (e.g. it waits on an empty tray): it is canceled so a certificate
   * whose serial recovery is about to void never comes out later, then judged by its final state.
   */
  async function giveUp(jobId: number): Promise<PrintJobFact> {
    const st = await printer.cancelJob(jobId).catch(() => null);
    const f = judgeCanceledJob(st);
    log.warn({ jobId, fact: f }, 'print job did not end in time; canceled');
    return f;
  }

  for (const tx of open) {
    if (tx.state === 'printing') printJobs[tx.id] = await jobFact(tx);
    if ((tx.state === 'paid' || printJobs[tx.id] === 'not-printed') && tx.serial) {
      try {
        const answer = await ward.issuedContent(issuerOf(tx, deps.defaultWard), tx.serial);
        if (answer.outcome === 'issued' && answer.serial === tx.serial) pdfs.set(tx.id, await deps.render(answer.certificate, answer.qrPayload));
      } catch (err) {
        log.warn({ txId: tx.id, err: errorCode(err) }, 'certificate content not recoverable');
      }
    }
  }
  const health = open.length > 0 ? await printer.health().catch(() => null) : null;
  // Serials issued before the crash to sales nobody paid for (read before recovery cancels them).
  const unpaidSerials = new Map(
    journal.list(['authenticated']).flatMap((tx) => (tx.serial ? [[tx.id, { serial: tx.serial, issuer: issuerOf(tx, deps.defaultWard) }] as const] : [])),
  );
  const result = journal.recoverAfterCrash({ printerReady: health?.ready === true, printJobs, contentRecoverable: new Set(pdfs.keys()) });
  const outcomes: RecoveryOutcome[] = [];
  for (const txId of result.cancelled) {
    const unpaid = unpaidSerials.get(txId);
    if (!unpaid) {
      outcomes.push({ txId, outcome: 'cancelled' });
      continue;
    }
    // Never printed and never paid: the serial must not stay "issued" at the back end.
    const voidConfirmed = await voidIssuedSerial(deps, unpaid.issuer, unpaid.serial, 'cancelled');
    outcomes.push({ txId, outcome: 'cancelled', serial: unpaid.serial, voidConfirmed });
  }

  const finishPrinted = (txId: string, serial: string, issuer: WardId) =>
    finishJournaledPrint(deps, txId, serial, issuer, () =>
      deps.alertStaff({ code: RECOVERY_ALERTS.markPrintedFailed, severity: 'warning', reference: serial }),
    );

  async function voidAtBackend(serial: string, issuer: WardId): Promise<boolean> {
    const ok = await voidIssuedSerial(deps, issuer, serial, 'power-loss');
    if (ok) journal.confirmVoid(serial);
    return ok;
  }

  for (const action of result.actions) {
    const tx = journal.get(action.txId);
    if (!tx) continue;
    const issuer = issuerOf(tx, deps.defaultWard);
    if (action.kind === 'confirm-printed') {
      await finishPrinted(tx.id, action.serial, issuer);
      deps.alertStaff({ code: RECOVERY_ALERTS.confirmed, severity: 'warning', reference: action.serial });
      outcomes.push({ txId: tx.id, outcome: 'confirmed-printed', serial: action.serial });
    } else if (action.kind === 'refund') {
      const voidConfirmed = action.voidSerial ? await voidAtBackend(action.voidSerial, issuer) : false;
      deps.alertStaff({ code: RECOVERY_ALERTS.refund, severity: 'error', reference: action.voucherNumber });
      journal.completeRecovery(action.decisionId);
      outcomes.push({
        txId: tx.id,
        outcome: 'refunded',
        voucherNumber: action.voucherNumber,
        amountYen: action.amountYen,
        reason: action.staffAlert.reason,
        ...(action.voidSerial ? { serial: action.voidSerial } : {}),
        voidConfirmed,
      });
    } else {
      outcomes.push(await reprint(tx, action.serial, issuer));
    }
  }

  async function reprint(tx: TransactionRecord, serial: string, issuer: WardId): Promise<RecoveryOutcome> {
    const result = await printJournaled(deps, tx, serial, pdfs.get(tx.id), 'crash-recovery', (err) =>
      log.warn({ txId: tx.id, err: errorCode(err) }, 'recovery print failed'),
    );
    if (result?.outcome === 'completed') {
      await finishPrinted(tx.id, serial, issuer);
      deps.alertStaff({ code: RECOVERY_ALERTS.reprinted, severity: 'warning', reference: serial });
      return { txId: tx.id, outcome: 'reprinted', serial };
    }
    // Did not come out (or unknown): the serial is voided so no paper of it is valid; the money goes back.
    const voidConfirmed = await voidAtBackend(serial, issuer);
    journal.markVoided(tx.id, { reason: 'reprint-failed', backendConfirmed: voidConfirmed });
    const voucherNumber = journal.nextVoucherNumber();
    const amountYen = tx.payment?.amountYen ?? tx.amountYen;
    journal.markRefunded(tx.id, { method: 'voucher', amountYen, reason: 'reprint-failed', voucherNumber });
    deps.alertStaff({ code: RECOVERY_ALERTS.refund, severity: 'error', reference: voucherNumber });
    return { txId: tx.id, outcome: 'refunded', voucherNumber, amountYen, reason: 'reprint-failed', serial, voidConfirmed };
  }

  for (const o of outcomes) log.info({ txId: o.txId, outcome: o.outcome }, 'recovered');
  return outcomes;
}
