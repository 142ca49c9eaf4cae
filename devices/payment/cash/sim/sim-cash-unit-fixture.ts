/**
 * The simulated cash unit's state as data: `fixtures/payment/cash-unit-sim.json`.
 *
 * Which denominations the hardware validates, which are recycled (and so can be paid out as
 * change), the starting change inventory, the cash box capacity (for non-recycled items), and
 * named fault scripts ("the 3rd insert jams"). Validated with zod; a bad fixture is a typed error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DENOMINATIONS, FAULT_CODES, type Denomination, type FaultCode } from '../cash-unit-protocol';

const denomination = z.number().refine((d): d is Denomination => (DENOMINATIONS as readonly number[]).includes(d), 'unknown denomination');
const fault = z.string().refine((f): f is FaultCode => (FAULT_CODES as readonly string[]).includes(f), 'unknown fault');

/** One scripted fault: the `nth` (1-based) occurrence of the action `on` fails with `fault`. */
export const faultStepSchema = z.object({
  on: z.enum(['insert', 'dispense', 'return']),
  nth: z.number().int().min(1),
  fault,
});
export type FaultStep = z.infer<typeof faultStepSchema>;

export const cashUnitSimFixtureSchema = z
  .object({
    description: z.string().optional(),
    accepts: z.array(denomination).min(1),
    recyclable: z.array(denomination),
    inventory: z.record(z.string(), z.number().int().min(0).max(0xffff)),
    cashBox: z.object({ capacity: z.number().int().min(0), count: z.number().int().min(0) }),
    faultScripts: z.record(z.string(), z.array(faultStepSchema)).default({}),
    activeScript: z.string().nullable().default(null),
  })
  .superRefine((f, ctx) => {
    for (const key of Object.keys(f.inventory)) {
      if (!f.recyclable.includes(Number(key) as Denomination)) ctx.addIssue({ code: 'custom', message: `inventory for non-recyclable ${key}` });
    }
    if (f.activeScript !== null && !(f.activeScript in f.faultScripts)) ctx.addIssue({ code: 'custom', message: 'activeScript not defined' });
  });
export type CashUnitSimFixture = z.infer<typeof cashUnitSimFixtureSchema>;

export class CashUnitSimFixtureError extends Error {
  override readonly name = 'CashUnitSimFixtureError';
  readonly code = 'bad-fixture';
}

/** Validates fixture JSON (already parsed). */
export function parseCashUnitSimFixture(json: unknown): CashUnitSimFixture {
  const r = cashUnitSimFixtureSchema.safeParse(json);
  if (!r.success) throw new CashUnitSimFixtureError(`cash unit fixture: ${r.error.issues.map((i) => i.message).join('; ')}`);
  return r.data;
}

export const DEFAULT_CASH_UNIT_FIXTURE = join(__dirname, '..', '..', '..', '..', 'fixtures', 'payment', 'cash-unit-sim.json');

/** Reads and validates a fixture file (default: fixtures/payment/cash-unit-sim.json). */
export function loadCashUnitSimFixture(file = DEFAULT_CASH_UNIT_FIXTURE): CashUnitSimFixture {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CashUnitSimFixtureError(`cash unit fixture unreadable: ${(e as Error).message}`);
  }
  return parseCashUnitSimFixture(json);
}
