/**
 * The self-test of the kiosk's real hardware (自己診断), as the staff console and
 * `npm run selftest` show it: one result per step, each with a stable code whose fix staff read
 * under `staff:selfTestFix.<code>` (or the alert advice of the same code). Facts are short codes,
 * counts and dates: never personal data (a card's token label, never what the card holds).
 */
import { z } from 'zod';

/** The steps, in the order they run. */
export const SELF_TEST_STEPS = ['printer', 'card', 'cash', 'cashless', 'backend', 'queue'] as const;
export const selfTestStepIdSchema = z.enum(SELF_TEST_STEPS);
export type SelfTestStepId = z.infer<typeof selfTestStepIdSchema>;

/** `skipped`: the device or service is not installed or not configured (not a failure). */
export const selfTestStatusSchema = z.enum(['pending', 'running', 'pass', 'fail', 'skipped']);
export type SelfTestStatus = z.infer<typeof selfTestStatusSchema>;

const factValue = z.union([z.string().max(64), z.number().int(), z.boolean()]);

export const selfTestStepSchema = z.object({
  id: selfTestStepIdSchema,
  status: selfTestStatusSchema,
  /** What was found (`printer-ok`, `printer-media-empty`, `cash-change-low` …); null while pending. */
  code: z.string().max(64).nullable(),
  /** What the step saw: states, levels, certificate expiry dates (ISO 8601). */
  facts: z.record(z.string().max(32), factValue),
  /** While running: what the technician must do now (e.g. `cash-put-coin-back`), else null. */
  prompt: z.string().max(64).nullable(),
});
export type SelfTestStep = z.infer<typeof selfTestStepSchema>;

export const selfTestReportSchema = z.object({
  phase: z.enum(['idle', 'running', 'done']),
  /** ISO 8601 (kiosk clock); null before the first run. */
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** True when no step failed; null until done. */
  passed: z.boolean().nullable(),
  steps: z.array(selfTestStepSchema),
});
export type SelfTestReport = z.infer<typeof selfTestReportSchema>;

const empty = z.object({}).strict();

/** Merged into the staff requests (a staff session is required). */
export const selfTestRequests = {
  /** Starts a self-test (refused `staff.not-allowed` while a citizen uses the kiosk or one runs); answers at once. */
  'staff.startSelfTest': { input: empty, output: selfTestReportSchema },
  /** The running or last self-test (the console polls it while running). */
  'staff.getSelfTest': { input: empty, output: selfTestReportSchema },
} as const;
