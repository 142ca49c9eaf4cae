/**
 * The wards' queue set-up as data (fixtures/queue/wards.json by default): the services a citizen
 * can queue for, each ward's counters and the services each handles, and the ward's reservation
 * slots. Validated once at start; every other module reads the typed result.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { clockTimeSchema as hhmm, queueServiceIdSchema as serviceIdSchema } from '../contract/queue-api';
import { wardIdSchema } from '../contract/ward-api';

export const queueConfigSchema = z
  .object({
    services: z
      .array(
        z
          .object({
            id: serviceIdSchema,
            nameJa: z.string().min(1).max(40),
            nameEn: z.string().min(1).max(80),
            /** Start-of-day prior for one citizen's time at the counter, before the day has its own figures. */
            priorMinutes: z.number().positive().max(240),
          })
          .strict(),
      )
      .min(1),
    wards: z
      .array(
        z
          .object({
            ward: wardIdSchema,
            counters: z
              .array(
                z
                  .object({
                    id: z.string().regex(/^[A-Za-z0-9-]{1,16}$/),
                    labelJa: z.string().min(1).max(40),
                    services: z.array(serviceIdSchema).min(1),
                  })
                  .strict(),
              )
              .min(1),
            reservations: z
              .object({
                opensAt: hhmm,
                closesAt: hhmm,
                slotMinutes: z.number().int().min(5).max(240),
                capacityPerSlot: z.number().int().min(1).max(1000),
                services: z.array(serviceIdSchema),
                /** How early before its slot a reservation may check in. */
                checkInEarlyMinutes: z.number().int().min(0).max(240),
                /** How late after its slot's start a check-in still keeps the reservation's priority. */
                lateGraceMinutes: z.number().int().min(0).max(240),
              })
              .strict(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const known = new Set(cfg.services.map((s) => s.id));
    cfg.wards.forEach((w, wi) => {
      const used = [...w.counters.flatMap((c) => c.services), ...w.reservations.services];
      for (const id of used) if (!known.has(id)) ctx.addIssue({ code: 'custom', path: ['wards', wi], message: `unknown service ${id}` });
      if (w.reservations.opensAt >= w.reservations.closesAt)
        ctx.addIssue({ code: 'custom', path: ['wards', wi, 'reservations'], message: 'opensAt must be before closesAt' });
    });
  });

export type QueueConfig = z.infer<typeof queueConfigSchema>;
export type WardQueueConfig = QueueConfig['wards'][number];
export type QueueService = QueueConfig['services'][number];

export function parseQueueConfig(value: unknown): QueueConfig {
  return queueConfigSchema.parse(value);
}

/** The TEST/demo set-up in fixtures/queue/wards.json. */
export function loadQueueConfig(path = join(__dirname, '..', 'fixtures', 'queue', 'wards.json')): QueueConfig {
  return parseQueueConfig(JSON.parse(readFileSync(path, 'utf8')));
}

export function wardConfigOf(cfg: QueueConfig, ward: string): WardQueueConfig | undefined {
  return cfg.wards.find((w) => w.ward === ward);
}

/** Counters of a ward that handle a service: the number of people served in parallel. */
export function countersFor(ward: WardQueueConfig, service: string): number {
  return ward.counters.filter((c) => c.services.includes(service)).length;
}

/** The services a ward offers: those at least one of its counters handles. */
export function servicesOfWard(cfg: QueueConfig, ward: WardQueueConfig): QueueService[] {
  return cfg.services.filter((s) => countersFor(ward, s.id) > 0);
}
