/**
 * A PostgreSQL server (Debian's `postgresql`) shared by every kiosk, counter and phone of a ward:
 * a pool of connections, each transaction on one of them. Correctness under concurrency comes
 * from the SQL (row locks, conditional UPDATEs), never from this process, so several queue
 * processes may share one database.
 */
import { Pool, type PoolClient } from 'pg';
import type { SqlClient, SqlEngine } from './sql-engine';

export interface PostgresOptions {
  /** e.g. `postgresql://queue@127.0.0.1:5432/queue`. */
  connectionString: string;
  /** Most connections this process opens. */
  maxConnections?: number;
}

export function openPostgresEngine(options: PostgresOptions): SqlEngine {
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // Every wait on a peer is bounded: connecting, and each statement.
    connectionTimeoutMillis: 10_000,
    statement_timeout: 15_000,
  });
  // An idle connection the server drops must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const clientOf = (c: Pool | PoolClient): SqlClient => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await c.query(sql, [...params])).rows as T[];
    },
  });
  return {
    kind: 'postgresql',
    ...clientOf(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(clientOf(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
