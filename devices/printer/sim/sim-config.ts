/**
 * Simulated printer configuration as data (`fixtures/printers/*.json`), validated with zod.
 * A fixture names the printer, its speed and media, and the faults present at power-on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Faults a technician (or a test) can inject. */
export const SIM_FAULTS = ['media-empty', 'media-jam', 'door-open', 'toner-empty', 'toner-low', 'media-low', 'offline'] as const;
export type SimFault = (typeof SIM_FAULTS)[number];

export const simFaultSchema = z.enum(SIM_FAULTS);

const text127 = z.string().min(1).max(127);

/** The fixture schema. */
export const printerSimConfigSchema = z.strictObject({
  /** printer-name. */
  name: text127.regex(/^[A-Za-z0-9._-]+$/),
  /** printer-make-and-model. */
  makeAndModel: text127,
  /** printer-info. */
  info: text127,
  /** printer-location. */
  location: text127,
  /** Pages per minute; sets how long a simulated page takes (60 000 / ppm ms). */
  ppm: z.number().int().min(1).max(600),
  color: z.boolean(),
  /** PWG media names; the first is media-default. */
  media: z.array(z.string().regex(/^[a-z0-9_.-]+$/)).min(1),
  /** What a paper jam does to the job being printed: `abort` it, or `stop` it until cleared. */
  jamBehavior: z.enum(['abort', 'stop']),
  /** Faults present when the simulator starts. */
  faults: z.array(simFaultSchema),
});

export type PrinterSimConfig = z.infer<typeof printerSimConfigSchema>;

/** Folder of the printer fixtures. */
export const PRINTER_FIXTURES_DIR = join(__dirname, '..', '..', '..', 'fixtures', 'printers');

/** Typed error for a fixture that does not exist or does not validate. */
export class PrinterSimConfigError extends Error {
  override readonly name = 'PrinterSimConfigError';
  readonly code = 'printer-sim.bad-config';
}

/** Validates a config object (e.g. parsed JSON). */
export function parsePrinterSimConfig(raw: unknown): PrinterSimConfig {
  const r = printerSimConfigSchema.safeParse(raw);
  if (!r.success)
    throw new PrinterSimConfigError(`invalid printer simulator config: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

/** Loads `fixtures/printers/<name>.json` (or an absolute/relative path ending in .json). */
export function loadPrinterSimConfig(nameOrPath = 'kiosk-a4-mono'): PrinterSimConfig {
  const path = nameOrPath.endsWith('.json') ? nameOrPath : join(PRINTER_FIXTURES_DIR, `${nameOrPath}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new PrinterSimConfigError(`cannot read printer fixture ${path}: ${e instanceof Error ? e.message : 'unknown'}`);
  }
  return parsePrinterSimConfig(raw);
}
