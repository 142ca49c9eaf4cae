/**
 * One step of the self-test as the runner sees it: it runs under a signal the runner aborts at the
 * step's time limit, may tell the technician what to do meanwhile (`prompt`), and ends with a
 * status, a code (whose fix the staff texts hold) and its facts.
 */
import type { SelfTestStepId } from '../../contract/self-test';

export type SelfTestFacts = Record<string, string | number | boolean>;

export interface StepResult {
  status: 'pass' | 'fail' | 'skipped';
  code: string;
  facts: SelfTestFacts;
}

export interface StepContext {
  /** Aborted when the step runs out of time: a step passes it to every device call that takes one. */
  signal: AbortSignal;
  /** What the technician must do now (a code with a staff text), or null when nothing. */
  prompt(code: string | null): void;
}

export interface SelfTestStepRunner {
  id: SelfTestStepId;
  /** The longest the step may take, all device waits included. */
  timeoutMs: number;
  run(ctx: StepContext): Promise<StepResult>;
}

export const pass = (code: string, facts: SelfTestFacts = {}): StepResult => ({ status: 'pass', code, facts });
export const fail = (code: string, facts: SelfTestFacts = {}): StepResult => ({ status: 'fail', code, facts });
export const skipped = (code: string, facts: SelfTestFacts = {}): StepResult => ({ status: 'skipped', code, facts });

/** Code of a step that ran out of time, and of one that threw what it did not expect. */
export const STEP_TIMEOUT = 'step-timeout';
export const STEP_ERROR = 'step-error';
