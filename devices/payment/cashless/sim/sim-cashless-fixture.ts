/**
 * The simulated cashless terminal's behaviour as data: `fixtures/payment/cashless-sim.json`.
 * `script` outcomes are used one per new charge (repeats of a key replay instead), then `default`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const cashlessStepSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('approve') }),
  z.object({
    outcome: z.literal('decline'),
    reason: z.enum(['insufficient-funds', 'card-expired', 'card-blocked', 'cancelled-by-user', 'limit-exceeded', 'unsupported-card']),
  }),
  /** The terminal never answers; `charged` says whether the acquirer charged anyway. */
  z.object({ outcome: z.literal('timeout'), charged: z.boolean() }),
  z.object({ outcome: z.literal('offline') }),
  z.object({ outcome: z.literal('device-error') }),
]);
export type CashlessStep = z.infer<typeof cashlessStepSchema>;

export const cashlessSimFixtureSchema = z.object({
  description: z.string().optional(),
  /** Time the citizen takes to present a card, ms. */
  latencyMs: z.number().int().min(0).max(60_000),
  /** How long the kiosk waits for the terminal, ms. */
  timeoutMs: z.number().int().min(1).max(600_000),
  /** Charges above this are declined `limit-exceeded`. */
  maxAmount: z.number().int().min(1),
  script: z.array(cashlessStepSchema),
  default: cashlessStepSchema,
});
export type CashlessSimFixture = z.infer<typeof cashlessSimFixtureSchema>;

export class CashlessSimFixtureError extends Error {
  override readonly name = 'CashlessSimFixtureError';
  readonly code = 'bad-fixture';
}

export const DEFAULT_CASHLESS_FIXTURE = join(__dirname, '..', '..', '..', '..', 'fixtures', 'payment', 'cashless-sim.json');

export function parseCashlessSimFixture(json: unknown): CashlessSimFixture {
  const r = cashlessSimFixtureSchema.safeParse(json);
  if (!r.success) throw new CashlessSimFixtureError(`cashless fixture: ${r.error.issues.map((i) => i.message).join('; ')}`);
  return r.data;
}

export function loadCashlessSimFixture(file = DEFAULT_CASHLESS_FIXTURE): CashlessSimFixture {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CashlessSimFixtureError(`cashless fixture unreadable: ${(e as Error).message}`);
  }
  return parseCashlessSimFixture(json);
}
