/** The queue's rows as the API shows them (camelCase, epoch-ms numbers whatever the engine returns). */
import type { TicketState } from './ticket-states';

export interface Ticket {
  id: string;
  ward: string;
  day: string;
  number: number;
  service: string;
  state: TicketState;
  priority: number;
  counter: string | null;
  receipt: string | null;
  reservationId: string | null;
  transferredFrom: string | null;
  transferredTo: string | null;
  issuedAt: number;
  calledAt: number | null;
  servingAt: number | null;
  finishedAt: number | null;
}

export interface Reservation {
  id: string;
  ward: string;
  code: string;
  service: string;
  day: string;
  slot: string;
  state: 'booked' | 'checked-in';
  ticketId: string | null;
}

export interface TicketRow {
  id: string;
  ward: string;
  day: string;
  number: number;
  service: string;
  state: TicketState;
  priority: number;
  counter: string | null;
  receipt: string | null;
  reservation_id: string | null;
  transferred_from: string | null;
  transferred_to: string | null;
  // bigint: a string from `pg`, a number or bigint from PGlite.
  issued_at: unknown;
  called_at: unknown;
  serving_at: unknown;
  finished_at: unknown;
}

export interface ReservationRow {
  id: string;
  ward: string;
  code: string;
  service: string;
  day: string;
  slot: string;
  state: 'booked' | 'checked-in';
  ticket_id: string | null;
}

const optMs = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function ticketOf(r: TicketRow): Ticket {
  return {
    id: r.id,
    ward: r.ward,
    day: r.day,
    number: Number(r.number),
    service: r.service,
    state: r.state,
    priority: Number(r.priority),
    counter: r.counter,
    receipt: r.receipt,
    reservationId: r.reservation_id,
    transferredFrom: r.transferred_from,
    transferredTo: r.transferred_to,
    issuedAt: Number(r.issued_at),
    calledAt: optMs(r.called_at),
    servingAt: optMs(r.serving_at),
    finishedAt: optMs(r.finished_at),
  };
}

export function reservationOf(r: ReservationRow): Reservation {
  return { id: r.id, ward: r.ward, code: r.code, service: r.service, day: r.day, slot: r.slot, state: r.state, ticketId: r.ticket_id };
}
