/**
 * The queue's one view of PostgreSQL, whichever engine runs it: PGlite embedded in the process
 * (the default for `npm start` and fast tests) or a PostgreSQL server shared by many kiosks and
 * counters. Both run the same SQL text; the store knows nothing else about the engine.
 */
export interface SqlClient {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface SqlEngine extends SqlClient {
  readonly kind: 'pglite' | 'postgresql';
  /** Runs `fn` in one READ COMMITTED transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
