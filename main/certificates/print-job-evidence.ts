/**
 * What the printer's answers prove about a certificate job after a crash: pure rules, so the
 * decision table is tested without a printer. Recovery (recover-certificate-sales.ts) asks the
 * printer and follows running jobs; these functions only judge answers.
 *
 * Every print attempt has a unique job-name, `certificate-<serial>-<attempt>`, derived from facts
 * the journal holds BEFORE the Print-Job goes out (the serial and the attempt count, both written
 * by `markPrinting`/`markResend`). So a crash after the printer accepted a job but before its id
 * was journaled still leaves a name to look the job up by (IPP Get-Jobs):
 *
 * | journal            | printer's answer                                         | fact          |
 * |--------------------|----------------------------------------------------------|---------------|
 * | job id recorded    | the job, completed                                       | completed     |
 * | job id recorded    | the job, aborted/canceled                                | not-printed   |
 * | job id recorded    | the job, pending/processing                              | follow it     |
 * | job id recorded    | the id now names another job (printer restarted)         | look up name  |
 * | job id recorded    | not found, or no answer                                  | unknown       |
 * | no job id          | a job with the name, completed (any of several)          | completed     |
 * | no job id          | a job with the name still pending/processing             | follow it     |
 * | no job id          | jobs with the name, all aborted/canceled                 | not-printed   |
 * | no job id          | none, printer up since before the attempt was journaled  | not-printed   |
 * | no job id          | none, printer restarted since (or up-time unknown)       | unknown       |
 * | no job id          | no answer, or a list that cannot be trusted              | unknown       |
 * | (followed job)     | did not end in time: canceled, 0 pages came out          | not-printed   |
 * | (followed job)     | did not end in time: canceled after pages, or no answer  | unknown       |
 * | (followed job)     | did not end in time, but completed before the cancel     | completed     |
 *
 * `unknown` makes recovery void the serial and refund by voucher; `not-printed` lets it print the
 * same serial once more (if the back end still gives its content).
 */
import type { JobLookup, JobStatus, PrintProgress } from '../../devices/printer/printer';
import type { PrintJobFact } from '../journal/crash-recovery';

/** The job-name of print attempt `attempt` (1-based) of `serial`: unique, no personal data. */
export function certificateJobName(serial: string, attempt: number): string {
  return `certificate-${serial}-${attempt}`;
}

/** What to do next about one job. */
export type JobVerdict =
  /** Settled: what recovery decides on. */
  | { kind: 'fact'; fact: PrintJobFact }
  /** The printer still works on job `jobId`: poll it until it ends (or the wait runs out: `unknown`). */
  | { kind: 'follow'; jobId: number }
  /** The recorded id is not this attempt's job: look the attempt up by its name instead. */
  | { kind: 'lookup-by-name' };

const fact = (f: PrintJobFact): JobVerdict => ({ kind: 'fact', fact: f });

/** A job state as evidence: terminal states settle, the others mean the job is still running. */
export function judgeJobState(state: PrintProgress['state'], jobId: number): JobVerdict {
  if (state === 'completed') return fact('completed');
  if (state === 'aborted' || state === 'canceled') return fact('not-printed');
  return { kind: 'follow', jobId };
}

/**
 * The answer of Get-Job-Attributes for the recorded job id (`null`: the printer did not answer).
 * `names` are the job-names this attempt may carry (the current one; older kiosks sent `certificate-<serial>`).
 */
export function judgeRecordedJob(status: JobStatus | null, names: readonly string[]): JobVerdict {
  if (status === null || !status.found) return fact('unknown');
  // A printer that restarted counts job ids from 1 again: the id may now be somebody else's job.
  if (status.jobName !== null && !names.includes(status.jobName)) return { kind: 'lookup-by-name' };
  return judgeJobState(status.state, status.jobId);
}

/**
 * The printer's jobs with this attempt's name (`null`: no answer or an untrusted list), and how
 * long ago (ms) the attempt was journaled, just before its Print-Job went out.
 */
export function judgeNamedJobs(lookup: JobLookup | null, msSinceAttempt: number): JobVerdict {
  if (lookup === null) return fact('unknown');
  const { jobs } = lookup;
  // Any completed job means the certificate came out: never print it again.
  if (jobs.some((j) => j.state === 'completed')) return fact('completed');
  const running = jobs.find((j) => j.state !== 'aborted' && j.state !== 'canceled');
  if (running) return { kind: 'follow', jobId: running.jobId };
  if (jobs.length > 0) return fact('not-printed');
  // Not listed. Only a printer that has been up since before the attempt would list it: one that
  // restarted (power cut) may have printed it and forgotten it, so its silence proves nothing.
  // Up-time is whole seconds and may be rounded up: one second is taken off to stay on the safe side.
  const upSinceAttempt = lookup.printerUpTimeS !== null && Number.isFinite(msSinceAttempt) && (lookup.printerUpTimeS - 1) * 1000 >= Math.max(0, msSinceAttempt);
  return fact(upSinceAttempt ? 'not-printed' : 'unknown');
}

/**
 * The status of a job recovery canceled after waiting for it in vain (`null`: no answer). Only a
 * job that ended with no page out is not printed: a half-printed certificate may be on paper.
 */
export function judgeCanceledJob(status: JobStatus | null): PrintJobFact {
  if (status === null || !status.found) return 'unknown';
  if (status.state === 'completed') return 'completed';
  if ((status.state === 'canceled' || status.state === 'aborted') && status.pagesCompleted === 0) return 'not-printed';
  return 'unknown';
}
