/**
 * The queue's tables, the same DDL on PGlite and on a PostgreSQL server. Times are epoch
 * milliseconds (bigint); a `day` is the ISO day in Japan (contract/japanese-calendar.ts), so a
 * ward's numbering restarts at Japanese midnight whatever the server's time zone.
 */
import { ticketStates } from '../ticket-states';
import type { SqlEngine } from './sql-engine';

const stateList = ticketStates.map((s) => `'${s}'`).join(', ');

export const queueSchema: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS queue_day_counters (
     ward text NOT NULL,
     day text NOT NULL,
     last_number integer NOT NULL,
     PRIMARY KEY (ward, day)
   )`,
  `CREATE TABLE IF NOT EXISTS queue_tickets (
     id text PRIMARY KEY,
     ward text NOT NULL,
     day text NOT NULL,
     number integer NOT NULL,
     service text NOT NULL,
     state text NOT NULL CHECK (state IN (${stateList})),
     priority integer NOT NULL,
     counter text,
     kiosk text,
     receipt text,
     reservation_id text,
     transferred_from text,
     transferred_to text,
     issued_at bigint NOT NULL,
     called_at bigint,
     serving_at bigint,
     finished_at bigint,
     UNIQUE (ward, day, number)
   )`,
  `CREATE INDEX IF NOT EXISTS queue_tickets_waiting ON queue_tickets (ward, day, service, state, priority, number)`,
  `CREATE TABLE IF NOT EXISTS queue_slot_bookings (
     ward text NOT NULL,
     service text NOT NULL,
     day text NOT NULL,
     slot text NOT NULL,
     booked integer NOT NULL,
     PRIMARY KEY (ward, service, day, slot)
   )`,
  `CREATE TABLE IF NOT EXISTS queue_reservations (
     id text PRIMARY KEY,
     ward text NOT NULL,
     code text NOT NULL,
     service text NOT NULL,
     day text NOT NULL,
     slot text NOT NULL,
     state text NOT NULL CHECK (state IN ('booked', 'checked-in')),
     ticket_id text,
     created_at bigint NOT NULL,
     UNIQUE (ward, code)
   )`,
];

/** An arbitrary constant: queue processes starting at once create the tables one at a time. */
const SCHEMA_LOCK_KEY = 716_031;

export async function migrateQueueSchema(db: SqlEngine): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
    for (const ddl of queueSchema) await tx.query(ddl);
  });
}
