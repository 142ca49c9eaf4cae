/**
 * Runs the self-test: the steps one after another (they share devices, and a cash test must not
 * run while the printer is mid-job on the same power supply), each bounded by its own time limit;
 * keeps the report the console polls; records the run in the audit log with each step's code.
 * One run at a time.
 */
import { KioskError } from '../../contract/errors';
import type { SelfTestReport, SelfTestStep } from '../../contract/self-test';
import type { Clock } from '../../platform/clock';
import { createLogger, errorCode } from '../../platform/log';
import type { AuditEvent } from '../audit/audit-entry';
import { fail, STEP_ERROR, STEP_TIMEOUT, type SelfTestStepRunner, type StepResult } from './self-test-step';

const log = createLogger('self-test');

export interface SelfTestDeps {
  steps: readonly SelfTestStepRunner[];
  clock: Clock;
  /** runtime.recordAudit (never throws). */
  recordAudit: (event: AuditEvent) => void;
  /** Told when a run starts (true) and ends (false): the kiosk offers no journey meanwhile. */
  onRunning?: (running: boolean) => void;
}

export class SelfTest {
  private report: SelfTestReport;
  private running: Promise<SelfTestReport> | null = null;

  constructor(private readonly deps: SelfTestDeps) {
    this.report = { phase: 'idle', startedAt: null, finishedAt: null, passed: null, steps: deps.steps.map((s) => pendingStep(s.id)) };
  }

  /** The running or last report (a copy). */
  current(): SelfTestReport {
    return structuredClone(this.report);
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  /** Starts a run and answers at once with its first report; `not-allowed` while one runs. */
  start(actor: string): SelfTestReport {
    void this.run(actor);
    return this.current();
  }

  /** Runs every step to its end; resolves with the final report. */
  run(actor: string): Promise<SelfTestReport> {
    if (this.running) throw new KioskError('staff.not-allowed', 'staff:errors.staff.not-allowed');
    this.report = {
      phase: 'running',
      startedAt: new Date(this.deps.clock.now()).toISOString(),
      finishedAt: null,
      passed: null,
      steps: this.deps.steps.map((s) => pendingStep(s.id)),
    };
    this.deps.onRunning?.(true);
    const run = this.runSteps(actor).finally(() => {
      this.running = null;
      this.deps.onRunning?.(false);
    });
    this.running = run;
    return run;
  }

  private async runSteps(actor: string): Promise<SelfTestReport> {
    for (const [i, step] of this.deps.steps.entries()) {
      this.setStep(i, { status: 'running' });
      const result = await runBounded(step, (prompt) => this.setStep(i, { prompt }));
      this.setStep(i, { status: result.status, code: result.code, facts: result.facts, prompt: null });
    }
    const passed = this.report.steps.every((s) => s.status !== 'fail');
    this.report = { ...this.report, phase: 'done', finishedAt: new Date(this.deps.clock.now()).toISOString(), passed };
    this.deps.recordAudit({
      kind: 'self-test',
      actor,
      outcome: passed ? 'ok' : 'failed',
      detail: Object.fromEntries([['passed', passed], ...this.report.steps.map((s) => [s.id, s.code ?? 'none'])]) as Record<string, string | boolean>,
    });
    log.info({ passed, steps: this.report.steps.map((s) => `${s.id}:${s.code ?? ''}`) }, 'self-test finished');
    return this.current();
  }

  private setStep(i: number, change: Partial<SelfTestStep>): void {
    this.report = { ...this.report, steps: this.report.steps.map((s, j) => (j === i ? { ...s, ...change } : s)) };
  }
}

function pendingStep(id: SelfTestStep['id']): SelfTestStep {
  return { id, status: 'pending', code: null, facts: {}, prompt: null };
}

/** The step's result, or `step-timeout` once its time is up (its signal is then aborted), or `step-error`. */
async function runBounded(step: SelfTestStepRunner, prompt: (code: string | null) => void): Promise<StepResult> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<StepResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(fail(STEP_TIMEOUT, { limitSec: Math.round(step.timeoutMs / 1000) }));
    }, step.timeoutMs);
  });
  const run = step.run({ signal: controller.signal, prompt }).catch((err: unknown): StepResult => {
    log.warn({ step: step.id, err: errorCode(err) }, 'self-test step failed unexpectedly');
    return fail(STEP_ERROR, { error: errorCode(err).slice(0, 64) });
  });
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
