/**
 * The real `Printer` binding: any IPP/2.0 printer (or our simulator) at an ipp:// URI.
 *
 * `print()` submits with Print-Job and then polls Get-Job-Attributes until the job ends. While a
 * job waits on a stopped printer (paper out, door open...) it keeps waiting up to
 * `stalledTimeoutMs`, so staff can fix the printer; after that it cancels the job and reports
 * `aborted`/`stalled` with the printer's reason. Lost contact is tolerated for `lostContactMs`.
 */
import { createLogger, errorCode } from '../../../platform/log';
import {
  PrinterError,
  type JobLookup,
  type JobStatus,
  type Printer,
  type PrinterHealth,
  type PrinterReason,
  type PrintOptions,
  type PrintProgress,
  type PrintResult,
} from '../printer';
import { mapReason, summarizeStatus } from '../printer-status-map';
import { Status, isTerminalJobState } from './ipp-constants';
import { IppClient, type IppClientOptions } from './ipp-client';

const log = createLogger('printer');

/** Options of `createIppPrinter`; every field has a production default. */
export interface IppPrinterOptions extends Partial<IppClientOptions> {
  /** Delay between Get-Job-Attributes polls, ms (default 500). */
  pollIntervalMs?: number;
  /** How long a job may wait on a stopped printer before the kiosk cancels it, ms (default 120 000). */
  stalledTimeoutMs?: number;
  /** How long polling may fail in a row before `printer.lost-job`, ms (default 15 000). */
  lostContactMs?: number;
  /** Upper bound for one job from submission to end, ms (default 600 000). */
  jobTimeoutMs?: number;
  /** Largest PDF accepted, bytes (default 50 MiB). */
  maxDocumentBytes?: number;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

function validateJob(pdf: Buffer, o: PrintOptions, maxBytes: number): { copies: number; jobName: string } {
  if (!Buffer.isBuffer(pdf) || pdf.length < 8 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new PrinterError('printer.bad-document', 'document is not a PDF');
  }
  if (pdf.length > maxBytes) throw new PrinterError('printer.bad-document', 'document too large');
  const copies = o.copies ?? 1;
  if (!Number.isInteger(copies) || copies < 1 || copies > 99) throw new PrinterError('printer.bad-options', 'copies must be 1-99');
  return { copies, jobName: normalizeJobName(o.jobName) };
}

/** The job name as it is sent (and so as it must be looked up); throws `printer.bad-options`. */
function normalizeJobName(name: unknown): string {
  // Control characters would be invisible at the printer panel and have no place in a job name.
  const jobName = typeof name === 'string' ? name.replace(/[\p{Cc}]/gu, '').trim() : '';
  if (jobName.length === 0 || Buffer.byteLength(jobName) > 255) throw new PrinterError('printer.bad-options', 'jobName must be 1-255 bytes');
  return jobName;
}

/** Creates the IPP binding of `Printer` for a printer URI such as `ipp://127.0.0.1:631/ipp/print`. */
export function createIppPrinter(uri: string, options: IppPrinterOptions = {}): Printer {
  const client = new IppClient(uri, {
    requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
    submitTimeoutMs: options.submitTimeoutMs ?? 30_000,
    userName: options.userName ?? 'madoguchi-kiosk',
  });
  const pollMs = options.pollIntervalMs ?? 500;
  const stalledMs = options.stalledTimeoutMs ?? 120_000;
  const lostMs = options.lostContactMs ?? 15_000;
  const jobMs = options.jobTimeoutMs ?? 600_000;
  const maxBytes = options.maxDocumentBytes ?? 50 * 1024 * 1024;

  /** Blocking reasons now, best effort: [] if the printer is fine or does not answer. */
  async function blockingReasons(): Promise<PrinterReason[]> {
    try {
      return summarizeStatus(await client.getPrinterStatus()).blocking;
    } catch {
      return [];
    }
  }

  async function health(opts: { signal?: AbortSignal } = {}): Promise<PrinterHealth> {
    try {
      const st = await client.getPrinterStatus(opts.signal);
      const s = summarizeStatus(st);
      const [first, ...rest] = s.blocking;
      if (first === undefined) {
        return {
          ready: true,
          state: st.state === 'stopped' ? 'processing' : st.state,
          conditions: s.conditions,
          staffAlerts: s.staffAlerts,
          queuedJobs: st.queuedJobs,
        };
      }
      return {
        ready: false,
        state: st.state,
        reasons: [first, ...rest],
        citizenMessageKey: mapReason(first).citizenMessageKey ?? 'printer.unavailable',
        conditions: s.conditions,
        staffAlerts: s.staffAlerts,
        queuedJobs: st.queuedJobs,
      };
    } catch (e) {
      if (!(e instanceof PrinterError) || e.code === 'printer.canceled') throw e;
      const reason: PrinterReason = e.code === 'printer.offline' ? 'offline' : 'protocol-error';
      log.warn({ code: e.code, cause: e.details.cause }, 'printer health check failed');
      const m = mapReason(reason);
      return {
        ready: false,
        state: 'unreachable',
        reasons: [reason],
        citizenMessageKey: m.citizenMessageKey ?? 'printer.unavailable',
        conditions: [],
        staffAlerts: [m.staffAlert],
        queuedJobs: null,
      };
    }
  }

  async function submit(pdf: Buffer, jobName: string, copies: number): Promise<number> {
    try {
      return await client.printJob(pdf, jobName, copies);
    } catch (e) {
      if (e instanceof PrinterError && e.code === 'printer.rejected') {
        const [reason] = await blockingReasons();
        if (reason) throw new PrinterError('printer.not-ready', 'printer refused the job', { ...e.details, reason });
        if (e.details.ippStatus === Status.serverErrorNotAcceptingJobs) {
          throw new PrinterError('printer.not-ready', 'printer not accepting jobs', { ...e.details, reason: 'not-accepting-jobs' });
        }
      }
      throw e;
    }
  }

  async function print(pdf: Buffer, o: PrintOptions): Promise<PrintResult> {
    const { copies, jobName } = validateJob(pdf, o, maxBytes);
    const signal = o.signal;
    if (signal?.aborted) throw new PrinterError('printer.canceled', 'aborted before submission');
    // The signal is not passed to Print-Job: aborting mid-upload could leave a job we never learn
    // about. Submission is bounded by submitTimeoutMs; an abort meanwhile cancels the job below.
    const jobId = await submit(pdf, jobName, copies);
    log.info({ jobId, copies, bytes: pdf.length }, 'print job submitted');

    const started = Date.now();
    let lastContact = started;
    let stoppedSince: number | null = null;
    let last = '';
    let pages: number | null = null;
    let stalledReasons: PrinterReason[] = [];

    const emit = (p: PrintProgress): void => {
      const key = `${p.state}/${p.pagesCompleted}/${p.printerReasons.join(',')}`;
      if (key === last) return;
      last = key;
      try {
        o.onProgress?.(p);
      } catch (err) {
        log.error({ jobId, err: errorCode(err) }, 'onProgress threw');
      }
    };

    /** Cancels at the printer and reads the real final state (the job may have finished meanwhile). */
    const cancelAndSettle = async (): Promise<string> => {
      try {
        await client.cancelJob(jobId);
        return (await client.getJob(jobId)).state;
      } catch (e) {
        throw new PrinterError('printer.lost-job', 'could not cancel the job', { jobId, cause: e instanceof PrinterError ? e.code : 'unknown' });
      }
    };

    for (;;) {
      if (signal?.aborted) {
        const final = await cancelAndSettle();
        log.info({ jobId, final }, 'print job canceled by kiosk');
        if (final === 'completed') return { outcome: 'completed', jobId, pagesCompleted: pages };
        return { outcome: 'canceled', jobId, reason: 'canceled-by-kiosk', pagesCompleted: pages };
      }
      let job;
      try {
        job = await client.getJob(jobId);
        lastContact = Date.now();
      } catch (e) {
        if (!(e instanceof PrinterError) || Date.now() - lastContact > lostMs) {
          log.error({ jobId, code: e instanceof PrinterError ? e.code : 'unknown' }, 'lost contact while following job');
          throw new PrinterError('printer.lost-job', 'lost contact with the printer while printing', {
            jobId,
            cause: e instanceof PrinterError ? e.code : 'unknown',
          });
        }
        await sleep(pollMs, signal);
        continue;
      }
      pages = job.impressionsCompleted ?? pages;
      const waiting = job.state === 'processing-stopped' || job.state === 'pending' || job.state === 'pending-held';
      const reasons = waiting ? await blockingReasons() : [];
      emit({ jobId, state: job.state, pagesCompleted: pages, printerReasons: reasons });

      if (isTerminalJobState(job.state)) {
        log.info({ jobId, state: job.state, pages }, 'print job ended');
        if (job.state === 'completed') return { outcome: 'completed', jobId, pagesCompleted: pages };
        if (job.state === 'canceled') return { outcome: 'canceled', jobId, reason: 'canceled-at-printer', pagesCompleted: pages };
        const [reason] = await blockingReasons();
        return { outcome: 'aborted', jobId, reason: reason ?? stalledReasons[0] ?? 'other-error', by: 'printer', pagesCompleted: pages };
      }
      if (reasons.length > 0) {
        stoppedSince ??= Date.now();
        stalledReasons = reasons;
      } else stoppedSince = null;
      const stalled = stoppedSince !== null && Date.now() - stoppedSince > stalledMs;
      if (stalled || Date.now() - started > jobMs) {
        const final = await cancelAndSettle();
        log.warn({ jobId, final, reasons: stalledReasons }, 'print job stalled; canceled by kiosk');
        if (final === 'completed') return { outcome: 'completed', jobId, pagesCompleted: pages };
        return { outcome: 'aborted', jobId, reason: stalledReasons[0] ?? 'other-error', by: 'stalled', pagesCompleted: pages };
      }
      await sleep(pollMs, signal);
    }
  }

  async function jobStatus(jobId: number): Promise<JobStatus> {
    if (!Number.isSafeInteger(jobId) || jobId < 1) throw new PrinterError('printer.bad-options', 'jobId must be a positive integer');
    try {
      const job = await client.getJob(jobId);
      return { found: true, jobId, state: job.state, pagesCompleted: job.impressionsCompleted, jobName: job.name };
    } catch (e) {
      if (e instanceof PrinterError && e.details.ippStatus === Status.clientErrorNotFound) return { found: false, jobId };
      throw e;
    }
  }

  async function findJobs(name: string): Promise<JobLookup> {
    const jobName = normalizeJobName(name);
    let entries;
    try {
      entries = await client.getJobs('all');
    } catch (e) {
      if (!(e instanceof PrinterError) || e.details.ippStatus !== Status.clientErrorAttributesOrValuesNotSupported) throw e;
      // A printer without which-jobs=all (RFC 8011 has only completed/not-completed): not-completed
      // first, since a job only moves from not-completed to completed it cannot slip between the answers.
      const open = await client.getJobs('not-completed');
      const ended = await client.getJobs('completed');
      const endedIds = new Set(ended.map((j) => j.jobId));
      entries = [...open.filter((j) => !endedIds.has(j.jobId)), ...ended];
    }
    const jobs = entries
      .filter((j) => j.name === jobName)
      .sort((a, b) => a.jobId - b.jobId)
      .map((j) => ({ jobId: j.jobId, state: j.state, pagesCompleted: j.impressionsCompleted }));
    // Asked after the list: a restart in between then shows as a short up-time, never the reverse.
    const printerUpTimeS = await client.getUpTime().catch(() => null);
    log.info({ matches: jobs.length, listed: entries.length, printerUpTimeS }, 'print jobs looked up by name');
    return { jobs, printerUpTimeS };
  }

  async function cancelJob(jobId: number): Promise<JobStatus> {
    if (!Number.isSafeInteger(jobId) || jobId < 1) throw new PrinterError('printer.bad-options', 'jobId must be a positive integer');
    try {
      await client.cancelJob(jobId);
    } catch (e) {
      if (!(e instanceof PrinterError) || e.details.ippStatus !== Status.clientErrorNotFound) throw e;
    }
    const st = await jobStatus(jobId);
    log.info({ jobId, state: st.found ? st.state : 'not-found' }, 'print job canceled on request');
    return st;
  }

  return { uri, health, print, jobStatus, findJobs, cancelJob };
}
