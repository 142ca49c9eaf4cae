/**
 * Configuration of the reference ward back end: fees, time limits, body limits, trusted kiosks.
 * Defaults are the usual Kitakyushu kiosk (コンビニ交付) fees; everything can be overridden by
 * `startWardBackend({ config })` or by `--config <file.json>` on the CLI (validated here).
 */
import { z } from 'zod';
import { certificateTypes, wardIds, type CertificateType } from '../contract/ward-api';

export const feesSchema = z
  .object(Object.fromEntries(certificateTypes.map((t) => [t, z.number().int().min(0).max(100_000)])) as Record<CertificateType, z.ZodNumber>)
  .strict();

export const wardConfigSchema = z
  .object({
    /** Yen per copy, by certificate type. */
    fees: feesSchema,
    /** How long a nonce may be signed and presented (JPKI challenge). */
    nonceTtlMs: z.number().int().min(1_000).max(600_000),
    /** How long a session token lives after `/v1/auth/verify`. */
    sessionTtlMs: z.number().int().min(1_000).max(3_600_000),
    /** Largest accepted request body. */
    maxBodyBytes: z.number().int().min(1_024).max(10_485_760),
    /** Kiosk ids (client-cert subject CN) allowed to call the API. */
    allowedKioskIds: z.array(z.string().min(1).max(64)).min(1),
    /** Wards this server answers for. */
    wards: z.array(z.enum(wardIds)).min(1),
    /** Most nonces outstanding at once (a flood cannot grow memory without bound). */
    maxOutstandingNonces: z.number().int().min(1).max(1_000_000),
    /** Most nonces outstanding per kiosk; its next one evicts its own oldest (backend/auth/nonce-store.ts). */
    maxOutstandingNoncesPerKiosk: z.number().int().min(1).max(1_000),
  })
  .strict();
export type WardConfig = z.infer<typeof wardConfigSchema>;

export const defaultWardConfig: WardConfig = {
  fees: {
    juminhyo: 300,
    inkan: 300,
    'koseki-zenbu': 450,
    'koseki-kojin': 450,
    fuhyo: 300,
    kazei: 300,
  },
  nonceTtlMs: 60_000,
  sessionTtlMs: 5 * 60_000,
  maxBodyBytes: 64 * 1024,
  allowedKioskIds: ['kiosk-kokurakita-01', 'kiosk-yahatanishi-01'],
  wards: [...wardIds],
  maxOutstandingNonces: 10_000,
  maxOutstandingNoncesPerKiosk: 4,
};

/** What callers may override: any top-level field, and fees per type. */
export type WardConfigOverrides = Omit<Partial<WardConfig>, 'fees'> & { fees?: Partial<WardConfig['fees']> };

/** Partial overrides on top of the defaults (fees merge per type); throws a ZodError if invalid. */
export function resolveWardConfig(overrides: unknown = {}): WardConfig {
  const o = z
    .object({ fees: z.record(z.string(), z.unknown()).optional() })
    .passthrough()
    .parse(overrides);
  return wardConfigSchema.parse({ ...defaultWardConfig, ...o, fees: { ...defaultWardConfig.fees, ...(o.fees ?? {}) } });
}
