/**
 * Asks the printer what became of a sale's current print attempt: the recorded job (IPP
 * Get-Job-Attributes) or, when no id was journaled or the id now names another job, the jobs
 * carrying the attempt's name (IPP Get-Jobs). Shared by start-up recovery, which then follows a
 * running job, and the staff reprint, which refuses unless the paper surely did not come out.
 * The rules that judge the answers are in print-job-evidence.ts.
 */
import type { Printer } from '../../devices/printer/printer';
import { createLogger, errorCode } from '../../platform/log';
import type { TransactionRecord } from '../journal/transaction-journal';
import { certificateJobName, judgeNamedJobs, judgeRecordedJob, type JobVerdict } from './print-job-evidence';

const log = createLogger('print-evidence');

/**
 * The printer's evidence about `tx`'s attempt in `printing`; `now` is the journal's clock (epoch
 * ms), compared with when the attempt was journaled. Never throws: no answer is `unknown`.
 */
export async function askPrinterAboutAttempt(printer: Pick<Printer, 'jobStatus' | 'findJobs'>, tx: TransactionRecord, now: number): Promise<JobVerdict> {
  if (!tx.serial) return { kind: 'fact', fact: 'unknown' };
  const name = certificateJobName(tx.serial, tx.printAttempts);
  // Kiosks before named attempts sent every attempt as `certificate-<serial>`.
  const legacy = `certificate-${tx.serial}`;
  if (tx.printJobId !== undefined) {
    const status = await printer.jobStatus(tx.printJobId).catch(() => null);
    const verdict = judgeRecordedJob(status, [name, legacy]);
    if (verdict.kind !== 'lookup-by-name') return verdict;
  }
  // The crash came between the printer accepting the job and its id being journaled (or the id was reused).
  const find = (n: string) =>
    printer.findJobs(n).catch((err: unknown) => {
      log.warn({ txId: tx.id, err: errorCode(err) }, 'print job lookup by name failed');
      return null;
    });
  let lookup = await find(name);
  if (lookup && lookup.jobs.length === 0) {
    // Not under the attempt's name: a journal written by an older kiosk may have sent it under the legacy one.
    const old = await find(legacy);
    lookup = old && { jobs: old.jobs, printerUpTimeS: Math.min(lookup.printerUpTimeS ?? 0, old.printerUpTimeS ?? 0) || null };
  }
  const verdict = judgeNamedJobs(lookup, now - tx.updatedAt);
  log.info(
    { txId: tx.id, matches: lookup?.jobs.length ?? null, verdict: verdict.kind === 'fact' ? verdict.fact : verdict.kind },
    'print job looked up by name',
  );
  return verdict;
}
