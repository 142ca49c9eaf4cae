/**
 * Printing an already issued and paid serial again, under the journal: shared by start-up crash
 * recovery and the staff console's reprint, so both record the same states in the same order.
 * The content comes from the back end (the same serial, sealed); nothing here issues anything.
 */
import { randomUUID } from 'node:crypto';
import { wardIds, type WardId } from '../../contract/ward-api';
import type { Printer, PrintResult } from '../../devices/printer/printer';
import type { TransactionJournal, TransactionRecord } from '../journal/transaction-journal';
import type { WardClient } from '../ward/ward-client';
import { certificateJobName } from './print-job-evidence';

type ReprintJournal = Pick<TransactionJournal, 'markPrinting' | 'markResend' | 'recordPrintJob' | 'markPrinted' | 'markCardReturned' | 'markDone'>;

/** The ward that issued the sale's serial: the one the journal recorded, else `fallback`. */
export function issuerOf(tx: TransactionRecord, fallback: WardId): WardId {
  return (wardIds as readonly string[]).includes(tx.issuer ?? '') ? (tx.issuer as WardId) : fallback;
}

/**
 * Records `printing` (or, for a sale already in `printing`, a resend with `resendReason`), prints
 * `pdf` with the job id journaled at its first progress, and wipes the PDF. Resolves null when
 * there is no PDF or the printer threw (`onPrintError` hears why).
 */
export async function printJournaled(
  deps: { journal: ReprintJournal; printer: Pick<Printer, 'print'> },
  tx: TransactionRecord,
  serial: string,
  pdf: Buffer | undefined,
  resendReason: string,
  onPrintError: (err: unknown) => void = () => undefined,
): Promise<PrintResult | null> {
  const { journal } = deps;
  // The attempt count is journaled before the job goes out; with the serial it names the job.
  const { printAttempts } = tx.state === 'paid' ? journal.markPrinting(tx.id, { serial }) : journal.markResend(tx.id, { reason: resendReason });
  let recorded = false;
  const result = pdf
    ? await deps.printer
        .print(pdf, {
          jobName: certificateJobName(serial, printAttempts),
          copies: tx.copies,
          onProgress: (p) => {
            if (!recorded) journal.recordPrintJob(tx.id, p.jobId);
            recorded = true;
          },
        })
        .catch((err: unknown) => {
          onPrintError(err);
          return null;
        })
    : null;
  pdf?.fill(0);
  return result;
}

/**
 * A reprint came out: printed in the journal, then at the back end (`onMarkFailed` when it cannot
 * be told), then card returned (it left with the citizen before printing began) and done.
 */
export async function finishJournaledPrint(
  deps: { journal: ReprintJournal; ward: Pick<WardClient, 'markPrinted'> },
  txId: string,
  serial: string,
  issuer: WardId,
  onMarkFailed: () => void,
): Promise<void> {
  deps.journal.markPrinted(txId);
  await deps.ward.markPrinted(issuer, serial, randomUUID()).catch(onMarkFailed);
  deps.journal.markCardReturned(txId);
  deps.journal.markDone(txId);
}
