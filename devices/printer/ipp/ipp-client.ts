/**
 * The IPP operations the kiosk needs, with every answer validated into plain typed values:
 * Get-Printer-Attributes (status, up-time), Print-Job, Get-Job-Attributes, Get-Jobs, Cancel-Job.
 */
import { PrinterError } from '../printer';
import { Operation, PrinterStateEnum, Status, isSuccessStatus, jobStateName, PDF_FORMAT, type JobStateName } from './ipp-constants';
import { booleanAttr, charsetAttr, encodeIppMessage, integerAttr, keywordAttr, languageAttr, mimeAttr, nameAttr, uriAttr } from './ipp-encode';
import { parseJobList, readJobName, type IppJobEntry } from './ipp-job-list';
import { findGroup, readBoolean, readInteger, readKeywords } from './ipp-read';
import { parsePrinterUri, postIpp, type IppTarget } from './ipp-transport';
import { GroupTag, type IppAttribute, type IppGroup, type IppMessage } from './ipp-types';

/** Tuning of the client. */
export interface IppClientOptions {
  /** Deadline for status and job queries, ms. */
  requestTimeoutMs: number;
  /** Deadline for Print-Job (includes sending the document), ms. */
  submitTimeoutMs: number;
  /** requesting-user-name sent with jobs (a kiosk id, never a citizen's name). */
  userName: string;
}

/** Printer status as validated from Get-Printer-Attributes. */
export interface IppPrinterStatus {
  state: 'idle' | 'processing' | 'stopped';
  acceptingJobs: boolean;
  reasonKeywords: string[];
  queuedJobs: number | null;
}

/** Job status as validated from Get-Job-Attributes. */
export interface IppJobStatus {
  state: JobStateName;
  reasonKeywords: string[];
  impressionsCompleted: number | null;
  /** job-name (name syntax), or null when the printer left it out (e.g. hidden for privacy). */
  name: string | null;
}

/** which-jobs values the client asks for (RFC 8011 4.2.6.1; `all` from PWG 5100.7). */
export type WhichJobs = 'all' | 'completed' | 'not-completed';

const STATE_BY_ENUM: Record<number, IppPrinterStatus['state']> = {
  [PrinterStateEnum.idle]: 'idle',
  [PrinterStateEnum.processing]: 'processing',
  [PrinterStateEnum.stopped]: 'stopped',
};

/** A small typed IPP/2.0 client for one printer URI. */
export class IppClient {
  private readonly target: IppTarget;
  private nextId = 1;

  constructor(
    readonly uri: string,
    private readonly opts: IppClientOptions,
  ) {
    this.target = parsePrinterUri(uri);
  }

  /** Sends one request; returns the answer if its status is successful, else throws `printer.rejected`. */
  private async call(op: number, attrs: IppAttribute[], timeoutMs: number, signal?: AbortSignal, extra: IppGroup[] = [], data?: Buffer): Promise<IppMessage> {
    const requestId = this.nextId++;
    if (this.nextId > 0x7fffffff) this.nextId = 1;
    const body = encodeIppMessage({
      version: { major: 2, minor: 0 },
      code: op,
      requestId,
      groups: [
        {
          tag: GroupTag.operation,
          // RFC 8011 4.1.4: charset and natural language come first, in this order, then the target.
          attributes: [
            charsetAttr('attributes-charset', 'utf-8'),
            languageAttr('attributes-natural-language', 'en'),
            uriAttr('printer-uri', this.uri),
            ...attrs,
          ],
        },
        ...extra,
      ],
      data: data ?? new Uint8Array(0),
    });
    const answer = await postIpp(this.target, body, requestId, { timeoutMs, maxResponseBytes: 1 << 20, signal });
    if (!isSuccessStatus(answer.code)) {
      throw new PrinterError('printer.rejected', `IPP status 0x${answer.code.toString(16).padStart(4, '0')}`, { ippStatus: answer.code });
    }
    return answer;
  }

  /** Get-Printer-Attributes for the state the health check needs. */
  async getPrinterStatus(signal?: AbortSignal): Promise<IppPrinterStatus> {
    const m = await this.call(
      Operation.GetPrinterAttributes,
      [keywordAttr('requested-attributes', 'printer-state', 'printer-state-reasons', 'printer-is-accepting-jobs', 'queued-job-count')],
      this.opts.requestTimeoutMs,
      signal,
    );
    const g = findGroup(m, GroupTag.printer);
    const stateEnum = readInteger(g, 'printer-state', true);
    const state = stateEnum === undefined ? undefined : STATE_BY_ENUM[stateEnum];
    const reasons = readKeywords(g, 'printer-state-reasons');
    const accepting = readBoolean(g, 'printer-is-accepting-jobs');
    if (!state || !reasons || accepting === undefined) {
      throw new PrinterError('printer.protocol', 'printer status attributes missing or of wrong syntax', { cause: 'bad-attributes' });
    }
    const queued = readInteger(g, 'queued-job-count');
    return { state, acceptingJobs: accepting, reasonKeywords: reasons, queuedJobs: queued !== undefined && queued >= 0 ? queued : null };
  }

  /** Print-Job with a PDF; returns the new job-id. */
  async printJob(pdf: Buffer, jobName: string, copies: number, signal?: AbortSignal): Promise<number> {
    const m = await this.call(
      Operation.PrintJob,
      [nameAttr('requesting-user-name', this.opts.userName), nameAttr('job-name', jobName), mimeAttr('document-format', PDF_FORMAT)],
      this.opts.submitTimeoutMs,
      signal,
      [{ tag: GroupTag.job, attributes: [integerAttr('copies', copies)] }],
      pdf,
    );
    const jobId = readInteger(findGroup(m, GroupTag.job), 'job-id');
    if (jobId === undefined || jobId < 1) throw new PrinterError('printer.protocol', 'Print-Job answer has no valid job-id', { cause: 'bad-attributes' });
    return jobId;
  }

  /** Get-Job-Attributes for state, reasons and pages. */
  async getJob(jobId: number, signal?: AbortSignal): Promise<IppJobStatus> {
    const m = await this.call(
      Operation.GetJobAttributes,
      [
        integerAttr('job-id', jobId),
        nameAttr('requesting-user-name', this.opts.userName),
        keywordAttr('requested-attributes', 'job-state', 'job-state-reasons', 'job-impressions-completed', 'job-name'),
      ],
      this.opts.requestTimeoutMs,
      signal,
    );
    const g = findGroup(m, GroupTag.job);
    const se = readInteger(g, 'job-state', true);
    const state = se === undefined ? null : jobStateName(se);
    const reasons = readKeywords(g, 'job-state-reasons');
    if (!state || !reasons) throw new PrinterError('printer.protocol', 'job status attributes missing or of wrong syntax', { cause: 'bad-attributes', jobId });
    const pages = readInteger(g, 'job-impressions-completed');
    return { state, reasonKeywords: reasons, impressionsCompleted: pages !== undefined && pages >= 0 ? pages : null, name: g ? readJobName(g) : null };
  }

  /**
   * Get-Jobs for this client's own jobs (my-jobs with requesting-user-name, so a printer that hides
   * job names of other users still shows ours), with the attributes recovery needs.
   */
  async getJobs(which: WhichJobs, signal?: AbortSignal): Promise<IppJobEntry[]> {
    const m = await this.call(
      Operation.GetJobs,
      [
        nameAttr('requesting-user-name', this.opts.userName),
        keywordAttr('which-jobs', which),
        booleanAttr('my-jobs', true),
        keywordAttr('requested-attributes', 'job-id', 'job-name', 'job-state', 'job-state-reasons', 'job-impressions-completed'),
      ],
      this.opts.requestTimeoutMs,
      signal,
    );
    const list = parseJobList(m);
    if (!list.ok)
      throw new PrinterError('printer.protocol', `Get-Jobs answer refused: ${list.error.code} at job ${list.error.index}`, { cause: list.error.code });
    return list.jobs;
  }

  /** printer-up-time (seconds since the printer started, RFC 8011 5.4.29), or null if absent or not positive. */
  async getUpTime(signal?: AbortSignal): Promise<number | null> {
    const m = await this.call(Operation.GetPrinterAttributes, [keywordAttr('requested-attributes', 'printer-up-time')], this.opts.requestTimeoutMs, signal);
    const up = readInteger(findGroup(m, GroupTag.printer), 'printer-up-time');
    return up !== undefined && up >= 1 ? up : null;
  }

  /** Cancel-Job; a job that already ended (client-error-not-possible) counts as done. */
  async cancelJob(jobId: number): Promise<void> {
    try {
      await this.call(Operation.CancelJob, [integerAttr('job-id', jobId), nameAttr('requesting-user-name', this.opts.userName)], this.opts.requestTimeoutMs);
    } catch (e) {
      if (e instanceof PrinterError && e.details.ippStatus === Status.clientErrorNotPossible) return;
      throw e;
    }
  }
}
