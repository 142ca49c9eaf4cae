/**
 * The two engines the queue runs on, behind one shape so the same test body runs on both:
 * PGlite in memory, and a real PostgreSQL server started for the test file.
 */
import type { Clock } from '../../../../platform/clock';
import { openPgliteEngine } from '../../../../queue/db/pglite-engine';
import { openPostgresEngine } from '../../../../queue/db/postgres-engine';
import { migrateQueueSchema } from '../../../../queue/db/queue-schema';
import type { SqlEngine } from '../../../../queue/db/sql-engine';
import { startTestPostgres } from '../../../support/postgres-server';

export interface TestDatabase {
  kind: SqlEngine['kind'];
  /** An engine on the shared database: on PostgreSQL each is its own pool, like another kiosk's process. */
  connect(maxConnections?: number): Promise<SqlEngine>;
  /** Empties every queue table. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const TABLES = 'queue_tickets, queue_day_counters, queue_slot_bookings, queue_reservations';

export async function pgliteDatabase(): Promise<TestDatabase> {
  const engine = await openPgliteEngine();
  await migrateQueueSchema(engine);
  return {
    kind: 'pglite',
    // One embedded database, one connection: every "client" shares it (its transactions take turns).
    connect: () => Promise.resolve({ ...engine, close: () => Promise.resolve() }),
    reset: async () => {
      await engine.query(`TRUNCATE ${TABLES}`);
    },
    stop: () => engine.close(),
  };
}

export async function postgresDatabase(): Promise<TestDatabase> {
  const server = await startTestPostgres();
  const engines: SqlEngine[] = [];
  const connect = (maxConnections = 5): Promise<SqlEngine> => {
    const e = openPostgresEngine({ connectionString: server.connectionString, maxConnections });
    engines.push(e);
    return Promise.resolve(e);
  };
  try {
    await migrateQueueSchema(await connect());
  } catch (err) {
    await server.stop();
    throw err;
  }
  return {
    kind: 'postgresql',
    connect,
    reset: async () => {
      await engines[0]!.query(`TRUNCATE ${TABLES}`);
    },
    async stop() {
      await Promise.all(engines.map((e) => e.close()));
      await server.stop();
    },
  };
}

/** A clock standing still at an instant a test sets: no test depends on the real time. */
export interface StillClock extends Clock {
  set(iso: string): void;
}

export function stillClock(iso: string): StillClock {
  let t = Date.parse(iso);
  return {
    now: () => t,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    set(next) {
      t = Date.parse(next);
      if (!Number.isFinite(t)) throw new Error(`not an instant: ${next}`);
    },
  };
}
