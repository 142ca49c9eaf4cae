/**
 * The ward queue service's API (queue/openapi.yaml): request bodies as zod schemas, answers as
 * types. Shared so the kiosk's ticket machine and the service cannot disagree.
 */
import { z } from 'zod';

export const queueServiceIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);
/** A time of day in Japan, `HH:MM`. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const queueTicketStates = ['waiting', 'called', 'serving', 'done', 'no-show', 'transferred'] as const;

export const takeTicketRequestSchema = z
  .object({
    service: queueServiceIdSchema,
    /** The 書かない application's receipt number, so the clerk sees its prepared forms. */
    receipt: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,40}$/)
      .optional(),
  })
  .strict();

export const transitionRequestSchema = z
  .object({
    to: z.enum(queueTicketStates),
    /** Required to call: the counter that calls. */
    counter: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,16}$/)
      .optional(),
    /** Required to transfer: the service the citizen goes on to. */
    transferTo: queueServiceIdSchema.optional(),
  })
  .strict();

export const reserveRequestSchema = z
  .object({
    service: queueServiceIdSchema,
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    slot: clockTimeSchema,
  })
  .strict();

export const checkInRequestSchema = z
  .object({
    /** The 8-digit reservation code (typed, or read from the reservation's QR). */
    code: z.string().regex(/^\d{8}$/),
  })
  .strict();

/** A ticket as the citizen's wait page and the kiosk's slip see it: no receipt, no kiosk. */
export const publicTicketStatusSchema = z.object({
  id: z.string().uuid(),
  ward: z.string().min(1).max(40),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  number: z.number().int().min(1).max(99_999),
  service: queueServiceIdSchema,
  state: z.enum(queueTicketStates),
  counter: z.string().max(40).nullable(),
  ahead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative().nullable(),
  /** After a transfer: the service the citizen goes on to (a new ticket, ahead of walk-ins). */
  transferredTo: queueServiceIdSchema.nullable(),
});
export type PublicTicketStatus = z.infer<typeof publicTicketStatusSchema>;

/** One service's current wait (`GET /v1/wards/{ward}/estimates`): the kiosk's home screen. */
export const serviceEstimateSchema = z.object({
  service: queueServiceIdSchema,
  nameJa: z.string().min(1).max(40),
  waiting: z.number().int().nonnegative(),
  counters: z.number().int().nonnegative(),
  /** The counters that handle the service, as signed in the hall (「1番窓口」): printed on the ticket. */
  counterLabelsJa: z.array(z.string().min(1).max(40)).max(50),
  serviceMinutes: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative().nullable(),
});
export type ServiceEstimateBody = z.infer<typeof serviceEstimateSchema>;
export const estimatesResponseSchema = z.object({ services: z.array(serviceEstimateSchema).max(50) });

/** `POST /v1/wards/{ward}/reservations/check-in`: on time keeps the reservation's priority, late queues as a walk-in. */
export const checkInResponseSchema = z.object({ timing: z.enum(['on-time', 'late']), ticket: publicTicketStatusSchema });
export type CheckInResponse = z.infer<typeof checkInResponseSchema>;
