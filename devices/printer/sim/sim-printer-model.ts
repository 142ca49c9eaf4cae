/**
 * The simulated printer's state and job engine, free of any protocol: faults, the job queue and
 * simulated printing time. The IPP layer (`sim-ipp-handlers.ts`) reads and drives this.
 *
 * One job prints at a time, one impression (page x copy) per `msPerPage`. A blocking fault stops
 * the printer: the printing job goes to processing-stopped and resumes when the fault clears,
 * except a jam with `jamBehavior: 'abort'`, which aborts it (like printers that flush on a jam).
 */
import type { PrinterSimConfig, SimFault } from './sim-config';

export type SimJobState = 'pending' | 'processing' | 'processing-stopped' | 'canceled' | 'aborted' | 'completed';

/** One job as the simulator keeps it. */
export interface SimJob {
  id: number;
  name: string;
  user: string;
  format: string;
  copies: number;
  /** Pages in the document (counted from the PDF page objects, at least 1). */
  pages: number;
  impressionsCompleted: number;
  state: SimJobState;
  stateReasons: string[];
  /** Seconds since printer start, as IPP time-at-* wants them. */
  timeAtCreation: number;
  timeAtProcessing: number | null;
  timeAtCompleted: number | null;
  document: Buffer;
}

/** Faults that stop the printer. toner-low and media-low are warnings only. */
const BLOCKING: ReadonlySet<SimFault> = new Set(['media-empty', 'media-jam', 'door-open', 'toner-empty']);

const REASON_KEYWORDS: Record<Exclude<SimFault, 'offline'>, string[]> = {
  'media-empty': ['media-empty-error', 'media-needed-error'],
  'media-jam': ['media-jam-error'],
  'door-open': ['door-open-error'],
  'toner-empty': ['toner-empty-error', 'marker-supply-empty-error'],
  'toner-low': ['toner-low-warning', 'marker-supply-low-warning'],
  'media-low': ['media-low-warning'],
};

/** Counts page objects in a PDF without parsing it (good enough to pace the simulation). */
export function countPdfPages(pdf: Buffer): number {
  const n = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  return Math.max(1, Math.min(n, 10_000));
}

/** Ended jobs a simulator remembers (for Get-Job-Attributes and tests); older ones are forgotten. */
export const KEPT_ENDED_JOBS = 100;

export class SimPrinterModel {
  /** Every job not ended yet, and the last KEPT_ENDED_JOBS ended ones: a simulator running for days stays small. */
  readonly jobs: SimJob[] = [];
  readonly faults = new Set<SimFault>();
  /** A jam armed to happen when the printing job reaches this impression (1-based). */
  jamAtImpression: number | null = null;
  private nextJobId = 1;
  private timer: NodeJS.Timeout | null = null;
  private readonly startedAt = Date.now();
  private stopped = false;

  constructor(
    readonly config: PrinterSimConfig,
    readonly msPerPage: number,
    private readonly onChange: () => void = () => {},
  ) {
    for (const f of config.faults) this.faults.add(f);
  }

  /** Seconds since start, at least 1 (printer-up-time must be > 0). */
  upTime(): number {
    return Math.max(1, Math.floor((Date.now() - this.startedAt) / 1000) + 1);
  }

  isBlocked(): boolean {
    return [...this.faults].some((f) => BLOCKING.has(f));
  }

  /** IPP printer-state: 5 stopped, 4 processing, 3 idle. */
  printerState(): 3 | 4 | 5 {
    if (this.isBlocked()) return 5;
    return this.jobs.some((j) => j.state === 'processing') ? 4 : 3;
  }

  printerStateReasons(): string[] {
    const out = [...this.faults].flatMap((f) => (f === 'offline' ? [] : REASON_KEYWORDS[f]));
    return out.length > 0 ? out : ['none'];
  }

  queuedJobCount(): number {
    return this.jobs.filter((j) => j.state === 'pending' || j.state === 'processing' || j.state === 'processing-stopped').length;
  }

  addJob(init: { name: string; user: string; format: string; copies: number; document: Buffer }): SimJob {
    const job: SimJob = {
      id: this.nextJobId++,
      ...init,
      pages: countPdfPages(init.document),
      impressionsCompleted: 0,
      state: 'pending',
      stateReasons: ['none'],
      timeAtCreation: this.upTime(),
      timeAtProcessing: null,
      timeAtCompleted: null,
    };
    this.jobs.push(job);
    this.schedule();
    return job;
  }

  findJob(id: number): SimJob | undefined {
    return this.jobs.find((j) => j.id === id);
  }

  /** Cancels a job; false if it already ended. */
  cancelJob(id: number): boolean {
    const job = this.findJob(id);
    if (!job || job.state === 'canceled' || job.state === 'aborted' || job.state === 'completed') return false;
    this.finish(job, 'canceled', 'job-canceled-by-user');
    return true;
  }

  /** Adds a fault. `media-jam` with `atImpression` arms a jam for that impression of the printing job instead. */
  injectFault(fault: SimFault, atImpression?: number): void {
    if (fault === 'media-jam' && atImpression !== undefined) {
      this.jamAtImpression = atImpression;
    } else {
      this.faults.add(fault);
      if (fault === 'media-jam') this.onJam();
    }
    this.schedule();
    this.onChange();
  }

  /** Clears one fault, or all faults and armed jams. Stopped jobs resume. */
  clearFaults(fault?: SimFault): void {
    if (fault) this.faults.delete(fault);
    else this.faults.clear();
    if (!fault || fault === 'media-jam') this.jamAtImpression = null;
    this.schedule();
    this.onChange();
  }

  /** Stops the engine (no more timers). */
  shutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private current(): SimJob | undefined {
    return this.jobs.find((j) => j.state === 'processing' || j.state === 'processing-stopped');
  }

  private finish(job: SimJob, state: 'canceled' | 'aborted' | 'completed', reason: string): void {
    job.state = state;
    job.stateReasons = [reason];
    job.timeAtCompleted = this.upTime();
    this.forgetOldEndedJobs();
    this.schedule();
    this.onChange();
  }

  private forgetOldEndedJobs(): void {
    const ended = this.jobs.filter((j) => j.state === 'canceled' || j.state === 'aborted' || j.state === 'completed');
    for (const old of ended.slice(0, Math.max(0, ended.length - KEPT_ENDED_JOBS))) this.jobs.splice(this.jobs.indexOf(old), 1);
  }

  private onJam(): void {
    const job = this.current();
    if (job && this.config.jamBehavior === 'abort') this.finish(job, 'aborted', 'aborted-by-system');
  }

  /** Moves the engine one step and sets the timer for the next one. */
  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let job = this.current();
    if (this.isBlocked()) {
      if (job && job.state === 'processing') {
        job.state = 'processing-stopped';
        job.stateReasons = ['printer-stopped'];
      }
      return; // nothing moves until the fault clears
    }
    if (job?.state === 'processing-stopped') {
      job.state = 'processing';
      job.stateReasons = ['job-printing'];
    }
    if (!job) {
      job = this.jobs.find((j) => j.state === 'pending');
      if (!job) return;
      job.state = 'processing';
      job.stateReasons = ['job-printing'];
      job.timeAtProcessing = this.upTime();
    }
    const printing = job;
    this.timer = setTimeout(() => this.printOne(printing), this.msPerPage);
  }

  private printOne(job: SimJob): void {
    this.timer = null;
    if (job.state !== 'processing') return this.schedule();
    const next = job.impressionsCompleted + 1;
    if (this.jamAtImpression !== null && next >= this.jamAtImpression) {
      this.jamAtImpression = null;
      this.faults.add('media-jam');
      this.onJam();
      this.schedule();
      this.onChange();
      return;
    }
    job.impressionsCompleted = next;
    if (next >= job.pages * job.copies) this.finish(job, 'completed', 'job-completed-successfully');
    else this.schedule();
    this.onChange();
  }
}
