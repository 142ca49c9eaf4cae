/**
 * PGlite (PostgreSQL compiled to WebAssembly) inside the queue's own process: no server to run,
 * one connection, so its transactions simply take turns. `dataDir` undefined keeps the database
 * in memory (tests); a folder keeps it across restarts (`npm start`).
 */
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlEngine } from './sql-engine';

export async function openPgliteEngine(dataDir?: string): Promise<SqlEngine> {
  const db = await PGlite.create(dataDir);
  const clientOf = (q: Pick<PGlite, 'query'>): SqlClient => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await q.query<T>(sql, [...params])).rows;
    },
  });
  return {
    kind: 'pglite',
    ...clientOf(db),
    transaction: (fn) => db.transaction((tx) => fn(clientOf(tx))),
    close: () => db.close(),
  };
}
