/**
 * The printer as the kiosk sees it: a health check before money is taken, and a print call that
 * follows the job to its end. The real binding is the IPP client (`ipp/ipp-printer.ts`); the
 * simulator (`sim/`) is a real IPP printer on loopback, so the kiosk code path is the same.
 */
/** i18n keys for citizen-facing printer messages (namespace `printer`). */
export type CitizenMessageKey =
  | 'printer.ready'
  | 'printer.printing'
  | 'printer.waitingForPrinter'
  | 'printer.printed'
  | 'printer.mediaEmpty'
  | 'printer.mediaJam'
  | 'printer.doorOpen'
  | 'printer.tonerEmpty'
  | 'printer.offline'
  | 'printer.unavailable'
  | 'printer.jobFailed'
  | 'printer.jobCanceled';

/** How urgently staff must act. `critical`: the kiosk cannot print at all. */
export type StaffAlertSeverity = 'info' | 'warning' | 'critical';

/** Stable codes for the staff console and monitoring. */
export type StaffAlertCode =
  | 'PRINTER_MEDIA_EMPTY'
  | 'PRINTER_MEDIA_JAM'
  | 'PRINTER_DOOR_OPEN'
  | 'PRINTER_TONER_EMPTY'
  | 'PRINTER_TONER_LOW'
  | 'PRINTER_MEDIA_LOW'
  | 'PRINTER_OFFLINE'
  | 'PRINTER_PAUSED'
  | 'PRINTER_NOT_ACCEPTING_JOBS'
  | 'PRINTER_PROTOCOL_ERROR'
  | 'PRINTER_ERROR'
  | 'PRINTER_JOB_CANCELED'
  | 'PRINTER_JOB_CANCELED_AT_DEVICE'
  | 'PRINTER_JOB_STALLED';

/** An alert for staff. */
export interface StaffAlert {
  severity: StaffAlertSeverity;
  code: StaffAlertCode;
}

/** A printer condition the kiosk distinguishes (IPP printer-state-reasons, grouped). */
export type PrinterReason =
  | 'media-empty' // no paper (IPP media-empty, media-needed)
  | 'media-jam' // paper jam
  | 'door-open' // door, cover or interlock open
  | 'toner-empty' // toner or other marker supply empty
  | 'toner-low' // warning only: printing still works
  | 'media-low' // warning only: printing still works
  | 'offline' // printer unreachable, offline or shutting down
  | 'paused' // paused by an operator
  | 'not-accepting-jobs' // printer-is-accepting-jobs = false
  | 'protocol-error' // the printer answered something we cannot trust
  | 'other-error'; // stopped for a reason we do not name

/** One printer-state-reasons value, parsed. */
export interface PrinterCondition {
  /** The grouped reason, or null for a keyword the kiosk does not act on (e.g. `none`, vendor reports). */
  reason: PrinterReason | null;
  /** Severity from the keyword suffix; a keyword without suffix is an error (RFC 8011 5.4.12). */
  severity: 'report' | 'warning' | 'error';
  /** The keyword as the printer sent it, e.g. `media-empty-error` (for staff logs, never for citizens). */
  keyword: string;
}

/** Answer of `Printer.health()`. */
export type PrinterHealth =
  | {
      /** The printer can take a job now: accepting jobs, not stopped, no blocking condition. */
      ready: true;
      state: 'idle' | 'processing';
      /** All conditions the printer reported (may hold warnings such as toner-low). */
      conditions: PrinterCondition[];
      /** Alerts for staff (warnings only when ready); empty if nothing to do. */
      staffAlerts: StaffAlert[];
      /** Jobs already queued at the printer, if it said so. */
      queuedJobs: number | null;
    }
  | {
      /** The kiosk must not take money for printing now. */
      ready: false;
      /** `unreachable` when the printer did not answer (then `reasons` holds `offline` or `protocol-error`). */
      state: 'idle' | 'processing' | 'stopped' | 'unreachable';
      /** Blocking reasons, most important first; never empty. */
      reasons: [PrinterReason, ...PrinterReason[]];
      /** i18n key of the message to show the citizen (for the first reason). */
      citizenMessageKey: CitizenMessageKey;
      conditions: PrinterCondition[];
      /** One alert per distinct condition worth telling staff, most severe first. */
      staffAlerts: StaffAlert[];
      queuedJobs: number | null;
    };

/** A step of a job as it is followed. */
export interface PrintProgress {
  /** The printer's job-id. */
  jobId: number;
  /** IPP job state. */
  state: 'pending' | 'pending-held' | 'processing' | 'processing-stopped' | 'canceled' | 'aborted' | 'completed';
  /** Impressions (pages) printed so far, if the printer reports it. */
  pagesCompleted: number | null;
  /** Printer reasons while the job is stopped (e.g. media-empty); empty otherwise. */
  printerReasons: PrinterReason[];
}

/** Options of `Printer.print()`. */
export interface PrintOptions {
  /** Job name shown at the printer; no personal data (use e.g. a document type and ticket id). */
  jobName: string;
  /** Number of copies, 1-99 (default 1). */
  copies?: number;
  /** Aborting cancels the job at the printer (Cancel-Job) and resolves `canceled`/`canceled-by-kiosk`;
   *  aborting before the job was created rejects with `printer.canceled`. */
  signal?: AbortSignal;
  /** Called on every observed change of job state or page count. Must not throw. */
  onProgress?: (progress: PrintProgress) => void;
}

/** Terminal outcome of a job the printer accepted. */
export type PrintResult =
  | { outcome: 'completed'; jobId: number; pagesCompleted: number | null }
  | {
      outcome: 'aborted';
      jobId: number;
      /** Why: the printer condition seen when the job ended or stalled (`other-error` if none). */
      reason: PrinterReason;
      /** `printer` if the printer aborted it; `stalled` if it stayed stopped longer than allowed and the kiosk canceled it. */
      by: 'printer' | 'stalled';
      pagesCompleted: number | null;
    }
  | {
      outcome: 'canceled';
      jobId: number;
      /** `canceled-by-kiosk` after the caller's signal; `canceled-at-printer` if someone canceled it at the device. */
      reason: 'canceled-by-kiosk' | 'canceled-at-printer';
      pagesCompleted: number | null;
    };

/** The printer service the kiosk uses. */
export interface Printer {
  /** The printer URI (ipp:// or ipps://) this binding talks to. */
  readonly uri: string;
  /**
   * Asks the printer for its state. Never rejects for printer trouble: an unreachable printer is
   * `{ ready: false, state: 'unreachable', reasons: ['offline'] }`. Call it before taking money.
   */
  health(options?: { signal?: AbortSignal }): Promise<PrinterHealth>;
  /**
   * Sends a PDF (must start with `%PDF-`) as one job and follows it to a terminal state.
   * Resolves with the outcome for any job the printer accepted; rejects with `PrinterError`
   * when no job was created (offline, refused, bad document) or contact was lost while following
   * (`printer.lost-job`, with `jobId`): then the job's fate is unknown and staff must look.
   */
  print(pdf: Buffer, options: PrintOptions): Promise<PrintResult>;
  /**
   * Asks the printer about one job it accepted earlier (IPP Get-Job-Attributes), e.g. after a kiosk
   * restart, to learn whether it came out. `found: false` when the printer does not know the id
   * (restarted, job history purged). Rejects with `PrinterError` when the printer does not answer.
   */
  jobStatus(jobId: number): Promise<JobStatus>;
  /**
   * Finds this kiosk's jobs named exactly `jobName` (IPP Get-Jobs with my-jobs, every state; the
   * printer lists, the match on the name is made here), e.g. after a restart that came between the
   * printer accepting a job and the kiosk learning its id. Rejects with `PrinterError` when the
   * printer does not answer or its list cannot be trusted (then "not found" would be a guess).
   */
  findJobs(jobName: string): Promise<JobLookup>;
  /**
   * Cancels a job the printer still holds (IPP Cancel-Job; one that already ended is left as it
   * is) and resolves with its status after that, which may be `completed` if it finished first.
   * For a job nobody follows any more (e.g. after a restart). Rejects with `PrinterError` when the
   * printer does not answer.
   */
  cancelJob(jobId: number): Promise<JobStatus>;
}

/** Answer of `Printer.findJobs()`. */
export interface JobLookup {
  /** The jobs with that name, lowest job-id first (normally zero or one). */
  jobs: Array<{ jobId: number; state: PrintProgress['state']; pagesCompleted: number | null }>;
  /**
   * printer-up-time in seconds (time since the printer started), or null if it did not say. A
   * printer that restarted may have forgotten its jobs: "not found" then proves nothing.
   */
  printerUpTimeS: number | null;
}

/** Answer of `Printer.jobStatus()`. */
export type JobStatus =
  | {
      found: true;
      jobId: number;
      state: PrintProgress['state'];
      pagesCompleted: number | null;
      /** The job's job-name, or null if the printer did not show it. A different name means the id now belongs to another job. */
      jobName: string | null;
    }
  | { found: false; jobId: number };

/** Codes of `PrinterError`. */
export type PrinterErrorCode =
  | 'printer.offline' // connection refused/reset/unreachable, or no answer in time
  | 'printer.protocol' // HTTP error or an IPP answer we cannot decode or trust
  | 'printer.rejected' // the printer answered with an IPP error status (see `ippStatus`)
  | 'printer.not-ready' // the printer refused the job because of a condition (see `reason`)
  | 'printer.bad-document' // not a PDF, empty or too large
  | 'printer.bad-options' // copies out of range, bad job name
  | 'printer.canceled' // the signal aborted before a job existed
  | 'printer.lost-job'; // contact lost while following an accepted job

/** The one error type the printer bindings reject with. */
export class PrinterError extends Error {
  override readonly name = 'PrinterError';
  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    readonly details: { jobId?: number; ippStatus?: number; reason?: PrinterReason; cause?: string } = {},
  ) {
    super(message);
  }
}
