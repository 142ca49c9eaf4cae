/**
 * The ward queue's operations on PostgreSQL: take a ticket, call the next one, move a ticket on,
 * estimate waits, book and check in reservations. Every rule that must hold with many kiosks and
 * counters at once is the database's: the day's number comes from one upserted counter row
 * (row-locked until the ticket is committed, so numbers are unique and gap-free), a call or move
 * is a conditional UPDATE that only one of two racing clerks can win, and a slot's capacity is
 * an upsert that refuses to pass it. Nothing is locked in this process's memory.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { japanWallClock, parseIso, todayInJapan } from '../contract/japanese-calendar';
import type { Clock } from '../platform/clock';
import type { SqlClient, SqlEngine } from './db/sql-engine';
import { countersFor, servicesOfWard, wardConfigOf, type QueueConfig, type WardQueueConfig } from './queue-config';
import { QueueError } from './queue-errors';
import { minutesOf, slotsOf, checkInTiming, type CheckInTiming } from './reservation-slots';
import { IllegalTransitionError, statesAllowedBefore, type TicketState } from './ticket-states';
import { displayMinutes, estimatedServiceMs, estimatedWaitMs, MAX_OBSERVATION_MS, MIN_OBSERVATION_MS } from './wait-estimator';
import { reservationOf, ticketOf, type Reservation, type ReservationRow, type Ticket, type TicketRow } from './queue-rows';

/** Called before walk-ins: an on-time reservation and a transferred citizen (they already waited). */
export const PRIORITY_AHEAD = 0;
export const PRIORITY_WALK_IN = 1;

export interface TicketStatus {
  ticket: Ticket;
  /** People before this ticket for its service still waiting; 0 once called. */
  ahead: number;
  /** Rounded-up minutes until called; null once past waiting or when no counter handles the service. */
  estimatedWaitMinutes: number | null;
}

export interface ServiceEstimate {
  service: string;
  nameJa: string;
  waiting: number;
  counters: number;
  /** The counters that handle the service, as signed in the hall (the kiosk prints them on the ticket). */
  counterLabelsJa: string[];
  /** Estimated minutes at the counter for one citizen (the estimator's mean). */
  serviceMinutes: number;
  /** Estimated minutes before a ticket taken now is called. */
  estimatedWaitMinutes: number | null;
}

export class QueueStore {
  constructor(
    private readonly db: SqlEngine,
    private readonly config: QueueConfig,
    private readonly clock: Clock,
  ) {}

  /** Takes the ward's next number for today. `receipt` links a 書かない application's forms. */
  async takeTicket(input: { ward: string; service: string; kiosk?: string; receipt?: string }): Promise<TicketStatus> {
    const ward = this.wardOf(input.ward);
    this.serviceOf(ward, input.service);
    const ticket = await this.db.transaction((tx) =>
      this.issue(tx, { ward: ward.ward, service: input.service, priority: PRIORITY_WALK_IN, kiosk: input.kiosk, receipt: input.receipt }),
    );
    return this.statusOf(ticket);
  }

  /** A ticket's state, people ahead and estimated wait (the citizen's QR wait page). */
  async ticketStatus(id: string): Promise<TicketStatus> {
    return this.statusOf(await this.ticketById(this.db, id));
  }

  /** Current estimates for each service the ward offers (the kiosk's home screen). */
  async estimates(wardId: string): Promise<ServiceEstimate[]> {
    const ward = this.wardOf(wardId);
    const day = todayInJapan(this.clock.now());
    const out: ServiceEstimate[] = [];
    for (const s of servicesOfWard(this.config, ward)) {
      const [w] = await this.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM queue_tickets WHERE ward = $1 AND day = $2 AND service = $3 AND state = 'waiting'`,
        [ward.ward, day, s.id],
      );
      const waiting = Number(w?.n ?? 0);
      const serviceMs = await this.serviceMs(ward.ward, day, s.id);
      const counters = countersFor(ward, s.id);
      out.push({
        service: s.id,
        nameJa: s.nameJa,
        waiting,
        counters,
        counterLabelsJa: ward.counters.filter((c) => c.services.includes(s.id)).map((c) => c.labelJa),
        serviceMinutes: displayMinutes(serviceMs) ?? 0,
        estimatedWaitMinutes: displayMinutes(estimatedWaitMs(serviceMs, waiting, counters)),
      });
    }
    return out;
  }

  /**
   * The counter calls its next citizen: the first waiting ticket (priority, then number) of the
   * services it handles. SKIP LOCKED lets two counters calling at once take two different tickets.
   */
  async callNext(input: { ward: string; counter: string }): Promise<Ticket | null> {
    const ward = this.wardOf(input.ward);
    const counter = ward.counters.find((c) => c.id === input.counter);
    if (!counter) throw new QueueError('unknown-counter', 'no such counter in this ward');
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const [next] = await tx.query<{ id: string }>(
        `SELECT id FROM queue_tickets
          WHERE ward = $1 AND day = $2 AND state = 'waiting' AND service = ANY($3::text[])
          ORDER BY priority, number LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [ward.ward, todayInJapan(now), counter.services],
      );
      if (!next) return null;
      const [row] = await tx.query<TicketRow>(`UPDATE queue_tickets SET state = 'called', counter = $2, called_at = $3 WHERE id = $1 RETURNING *`, [
        next.id,
        counter.id,
        now,
      ]);
      return ticketOf(row!);
    });
  }

  /**
   * Moves a ticket on. The UPDATE's WHERE carries the allowed previous states, so of two clerks
   * moving the same ticket at once exactly one succeeds and the other gets IllegalTransitionError.
   * `counter` is required to call; `transferTo` to transfer (a new ticket for that service, ahead
   * of walk-ins, is issued in the same transaction).
   */
  async transition(input: { id: string; to: TicketState; counter?: string; transferTo?: string }): Promise<{ ticket: Ticket; transferredTicket?: Ticket }> {
    const now = this.clock.now();
    const current = await this.ticketById(this.db, input.id);
    const ward = this.wardOf(current.ward);
    if (input.to === 'called' && !ward.counters.some((c) => c.id === input.counter)) {
      throw new QueueError('unknown-counter', "calling needs a counter of the ticket's ward");
    }
    if (input.to === 'transferred') {
      if (!input.transferTo) throw new QueueError('transfer-target-required', 'a transfer names the service to go to');
      this.serviceOf(ward, input.transferTo);
    }
    // Each SET names exactly the parameters it passes (PostgreSQL refuses an untyped unused one).
    const set: Record<TicketState, [string, unknown[]]> = {
      waiting: ['counter = NULL, called_at = NULL', []],
      called: ['counter = $3, called_at = $4', [input.counter, now]],
      serving: ['serving_at = $3', [now]],
      done: ['finished_at = $3', [now]],
      'no-show': ['finished_at = $3', [now]],
      transferred: ['transferred_to = $3, finished_at = $4', [input.transferTo, now]],
    };
    const [assignments, values] = set[input.to];
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<TicketRow>(
        `UPDATE queue_tickets SET state = '${input.to}', ${assignments}
          WHERE id = $1 AND state = ANY($2::text[]) RETURNING *`,
        [input.id, statesAllowedBefore(input.to), ...values],
      );
      if (!row) {
        const latest = await this.ticketById(tx, input.id);
        throw new IllegalTransitionError(latest.state, input.to);
      }
      const ticket = ticketOf(row);
      if (input.to !== 'transferred') return { ticket };
      const transferredTicket = await this.issue(tx, {
        ward: ticket.ward,
        service: input.transferTo!,
        priority: PRIORITY_AHEAD,
        receipt: ticket.receipt ?? undefined,
        transferredFrom: ticket.id,
      });
      return { ticket, transferredTicket };
    });
  }

  /** Books a slot on a day (today or later) if it has room. */
  async reserve(input: { ward: string; service: string; day: string; slot: string }): Promise<Reservation> {
    const ward = this.wardOf(input.ward);
    this.serviceOf(ward, input.service);
    if (!ward.reservations.services.includes(input.service)) throw new QueueError('reservation-not-offered', 'this service takes no reservations');
    const now = this.clock.now();
    const wall = japanWallClock(now);
    const past = input.day < wall.isoDate || (input.day === wall.isoDate && minutesOf(input.slot) < wall.hour * 60 + wall.minute);
    if (!parseIso(input.day) || !slotsOf(ward).includes(input.slot) || past) throw new QueueError('slot-invalid', 'no such slot, or it has passed');
    return this.db.transaction(async (tx) => {
      // One upsert both counts and guards: with the slot full its WHERE fails and no row returns.
      const booked = await tx.query(
        `INSERT INTO queue_slot_bookings (ward, service, day, slot, booked) VALUES ($1, $2, $3, $4, 1)
         ON CONFLICT (ward, service, day, slot) DO UPDATE SET booked = queue_slot_bookings.booked + 1
         WHERE queue_slot_bookings.booked < $5 RETURNING booked`,
        [ward.ward, input.service, input.day, input.slot, ward.reservations.capacityPerSlot],
      );
      if (booked.length === 0) throw new QueueError('slot-full', 'this slot is fully booked');
      for (;;) {
        // A short code a citizen can type at the kiosk; unique per ward (retry on the rare clash).
        const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
        const rows = await tx.query<ReservationRow>(
          `INSERT INTO queue_reservations (id, ward, code, service, day, slot, state, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'booked', $7) ON CONFLICT (ward, code) DO NOTHING RETURNING *`,
          [randomUUID(), ward.ward, code, input.service, input.day, input.slot, now],
        );
        if (rows[0]) return reservationOf(rows[0]);
      }
    });
  }

  /**
   * Checks a reservation in on its day: too early is refused; on time (from `checkInEarlyMinutes`
   * before the slot to `lateGraceMinutes` after it) gets a ticket ahead of walk-ins; later gets a
   * walk-in's place. The reservation row is locked so a double check-in issues one ticket.
   */
  async checkIn(input: { ward: string; code: string; kiosk?: string }): Promise<{ status: TicketStatus; timing: CheckInTiming }> {
    const ward = this.wardOf(input.ward);
    const wall = japanWallClock(this.clock.now());
    const result = await this.db.transaction(async (tx) => {
      const [r] = await tx.query<ReservationRow>(`SELECT * FROM queue_reservations WHERE ward = $1 AND code = $2 FOR UPDATE`, [ward.ward, input.code]);
      if (!r) throw new QueueError('reservation-not-found', 'no reservation with this code');
      if (r.state === 'checked-in') throw new QueueError('reservation-already-checked-in', 'this reservation already has its ticket');
      if (r.day !== wall.isoDate) throw new QueueError('reservation-not-today', 'this reservation is for another day');
      const timing = checkInTiming(ward, r.slot, wall.hour * 60 + wall.minute);
      if (timing === 'early') throw new QueueError('check-in-too-early', 'too early to check in for this slot');
      const ticket = await this.issue(tx, {
        ward: ward.ward,
        service: r.service,
        priority: timing === 'on-time' ? PRIORITY_AHEAD : PRIORITY_WALK_IN,
        kiosk: input.kiosk,
        reservationId: r.id,
      });
      await tx.query(`UPDATE queue_reservations SET state = 'checked-in', ticket_id = $2 WHERE id = $1`, [r.id, ticket.id]);
      return { ticket, timing };
    });
    return { status: await this.statusOf(result.ticket), timing: result.timing };
  }

  async reservation(wardId: string, code: string): Promise<Reservation> {
    const ward = this.wardOf(wardId);
    const [r] = await this.db.query<ReservationRow>(`SELECT * FROM queue_reservations WHERE ward = $1 AND code = $2`, [ward.ward, code]);
    if (!r) throw new QueueError('reservation-not-found', 'no reservation with this code');
    return reservationOf(r);
  }

  // ---- inside ----

  private wardOf(ward: string): WardQueueConfig {
    const w = wardConfigOf(this.config, ward);
    if (!w) throw new QueueError('unknown-ward', 'this queue does not serve that ward');
    return w;
  }

  private serviceOf(ward: WardQueueConfig, service: string): void {
    if (countersFor(ward, service) === 0) throw new QueueError('unknown-service', 'no counter of this ward handles that service');
  }

  /**
   * Issues the ward's next number for today inside `tx`. The counter row stays locked by the
   * upsert until `tx` ends, so concurrent issuers queue on it and a rolled-back issue gives its
   * number back: numbers are unique and without gaps.
   */
  private async issue(
    tx: SqlClient,
    t: { ward: string; service: string; priority: number; kiosk?: string; receipt?: string; reservationId?: string; transferredFrom?: string },
  ): Promise<Ticket> {
    const now = this.clock.now();
    const day = todayInJapan(now);
    const [counter] = await tx.query<{ last_number: number }>(
      `INSERT INTO queue_day_counters (ward, day, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (ward, day) DO UPDATE SET last_number = queue_day_counters.last_number + 1
       RETURNING last_number`,
      [t.ward, day],
    );
    const [row] = await tx.query<TicketRow>(
      `INSERT INTO queue_tickets (id, ward, day, number, service, state, priority, kiosk, receipt, reservation_id, transferred_from, issued_at)
       VALUES ($1, $2, $3, $4, $5, 'waiting', $6, $7, $8, $9, $10, $11) RETURNING *`,
      [
        randomUUID(),
        t.ward,
        day,
        Number(counter!.last_number),
        t.service,
        t.priority,
        t.kiosk ?? null,
        t.receipt ?? null,
        t.reservationId ?? null,
        t.transferredFrom ?? null,
        now,
      ],
    );
    return ticketOf(row!);
  }

  private async ticketById(c: SqlClient, id: string): Promise<Ticket> {
    const [row] = await c.query<TicketRow>(`SELECT * FROM queue_tickets WHERE id = $1`, [id]);
    if (!row) throw new QueueError('ticket-not-found', 'no such ticket');
    return ticketOf(row);
  }

  /** The estimator's mean time at the counter for a service today (queue/wait-estimator.ts). */
  private async serviceMs(ward: string, day: string, service: string): Promise<number> {
    const [s] = await this.db.query<{ n: number; total: number }>(
      `SELECT count(*)::int AS n,
              coalesce(sum(least(greatest(finished_at - serving_at, $4::bigint), $5::bigint)), 0)::float8 AS total
         FROM queue_tickets
        WHERE ward = $1 AND day = $2 AND service = $3 AND state IN ('done', 'transferred') AND serving_at IS NOT NULL`,
      [ward, day, service, MIN_OBSERVATION_MS, MAX_OBSERVATION_MS],
    );
    const prior = this.config.services.find((x) => x.id === service)!.priorMinutes * 60_000;
    return estimatedServiceMs(prior, { count: Number(s?.n ?? 0), totalMs: Number(s?.total ?? 0) });
  }

  private async statusOf(ticket: Ticket): Promise<TicketStatus> {
    if (ticket.state !== 'waiting') return { ticket, ahead: 0, estimatedWaitMinutes: ticket.state === 'called' ? 0 : null };
    const [a] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM queue_tickets
        WHERE ward = $1 AND day = $2 AND service = $3 AND state = 'waiting' AND (priority, number) < ($4::int, $5::int)`,
      [ticket.ward, ticket.day, ticket.service, ticket.priority, ticket.number],
    );
    const ahead = Number(a?.n ?? 0);
    const ward = this.wardOf(ticket.ward);
    const serviceMs = await this.serviceMs(ticket.ward, ticket.day, ticket.service);
    return { ticket, ahead, estimatedWaitMinutes: displayMinutes(estimatedWaitMs(serviceMs, ahead, countersFor(ward, ticket.service))) };
  }
}
