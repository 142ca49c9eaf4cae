/**
 * The kiosk as the ward queue's ticket machine and check-in point (待たない), as the renderer sees
 * it: the waits per service for the home screen, and the outcome of taking a ticket. Main owns the
 * queue service's answers; the renderer only draws them and sends the citizen's choices.
 */
import { z } from 'zod';
import { queueServiceIdSchema } from './queue-api';

/** One service's wait on the home screen (「住民票など 約5分」). */
export const queueWaitSchema = z.object({
  service: queueServiceIdSchema,
  /** The queue's own name of the service (the screen shows its translation when it has one). */
  nameJa: z.string().min(1).max(40),
  waiting: z.number().int().nonnegative(),
  /** Minutes until a ticket taken now is called; null when no counter handles it now. */
  estimatedWaitMinutes: z.number().int().nonnegative().nullable(),
});
export type QueueWait = z.infer<typeof queueWaitSchema>;

/**
 * What the home screen shows of the queue. `enabled` false: this kiosk has no queue service (no
 * waits, no tickets). `waits` null: the service did not answer its last question, so no number
 * can be given and the citizen is sent to the reception desk (受付).
 */
export const queueDeskStateSchema = z.object({
  enabled: z.boolean(),
  waits: z.array(queueWaitSchema).max(50).nullable(),
});
export type QueueDeskState = z.infer<typeof queueDeskStateSchema>;

/** A ticket as shown on the screen and printed: no personal data. */
export const queueTicketSchema = z.object({
  number: z.number().int().min(1),
  service: queueServiceIdSchema,
  nameJa: z.string().min(1).max(40),
  /** The counters that handle the service (「1番窓口」); the one that calls is shown when it calls. */
  counters: z.array(z.string().min(1).max(40)).max(50),
  ahead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative().nullable(),
  /** The citizen's wait-status page (the ticket's QR). */
  statusUrl: z.string().url(),
  /** The same URL as a QR: one SVG path (absolute moves, relative lines) in a 100 × 100 box, quiet zone included. */
  qrSvgPath: z
    .string()
    .max(60_000)
    .regex(/^[Mhvz0-9. -]*$/),
  /** The 書かない application's receipt number the ticket carries, if any. */
  receiptNumber: z.string().nullable(),
  /** A reservation's check-in: on time keeps the reservation's place, late queues as a walk-in. */
  timing: z.enum(['on-time', 'late']).nullable(),
  /** The printer confirmed the ticket came out. */
  printed: z.boolean(),
});
export type QueueTicket = z.infer<typeof queueTicketSchema>;

/** Why the queue refused a reservation's check-in (each has its words on screen). */
export const checkInRefusalSchema = z.enum(['reservation-not-found', 'reservation-not-today', 'check-in-too-early', 'reservation-already-checked-in']);
export type CheckInRefusal = z.infer<typeof checkInRefusalSchema>;

/**
 * A ticket, or no ticket: `unavailable` when the queue service cannot be reached, answers out of
 * time or out of contract (no number is ever invented: the screen sends the citizen to 受付),
 * `refused` for a check-in the queue turned down.
 */
export const queueTicketOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ticket'), ticket: queueTicketSchema }),
  z.object({ outcome: z.literal('unavailable') }),
  z.object({ outcome: z.literal('refused'), code: checkInRefusalSchema }),
]);
export type QueueTicketOutcome = z.infer<typeof queueTicketOutcomeSchema>;

const empty = z.object({}).strict();

export const queueDeskRequests = {
  /** The queue's waits as last asked (also pushed as `queue.changed`, refreshed on the kiosk clock). */
  'queue.getState': { input: empty, output: queueDeskStateSchema },
  /** Takes a ticket for one service and prints it. */
  'queue.takeTicket': { input: z.object({ service: queueServiceIdSchema }).strict(), output: queueTicketOutcomeSchema },
  /** On the 書かない done screen (「このまま窓口へ」): a ticket for the application's service, carrying its receipt number. */
  'queue.takeApplicationTicket': { input: empty, output: queueTicketOutcomeSchema },
  /** Checks a reservation in by its 8-digit number and prints its ticket. */
  'queue.checkIn': { input: z.object({ code: z.string().regex(/^\d{8}$/) }).strict(), output: queueTicketOutcomeSchema },
} as const;

export const queueDeskEvents = {
  'queue.changed': queueDeskStateSchema,
} as const;
