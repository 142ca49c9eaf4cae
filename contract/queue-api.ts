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
export interface PublicTicketStatus {
  id: string;
  ward: string;
  day: string;
  number: number;
  service: string;
  state: (typeof queueTicketStates)[number];
  counter: string | null;
  ahead: number;
  estimatedWaitMinutes: number | null;
  /** After a transfer: the service the citizen goes on to (a new ticket, ahead of walk-ins). */
  transferredTo: string | null;
}
