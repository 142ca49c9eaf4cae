/**
 * `npm run queue`: the ward queue service as its own process.
 *
 *   tsx queue/server-cli.ts [--port N] [--host 127.0.0.1] [--pglite-dir DIR | --postgres URL] [--config wards.json]
 *
 * Embedded PGlite by default (in memory, or kept in --pglite-dir); --postgres (or the environment
 * variable QUEUE_DATABASE_URL, which keeps a password out of the process list) for a ward's
 * PostgreSQL server shared by many kiosks. Prints its origin URL alone on one stdout line once
 * listening; stops cleanly on SIGTERM or SIGINT.
 */
import { parseArgs } from 'node:util';
import { errorCode } from '../platform/log';
import { serveUntilSignalled } from '../platform/serve-until-signalled';
import { loadQueueConfig } from './queue-config';
import { startQueueServer, type QueueServerOptions } from './start-queue-server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'pglite-dir': { type: 'string' },
      postgres: { type: 'string' },
      config: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0-65535');
  const postgres = values.postgres ?? process.env.QUEUE_DATABASE_URL;
  const database: QueueServerOptions['database'] = postgres
    ? { kind: 'postgresql', connectionString: postgres }
    : { kind: 'pglite', dataDir: values['pglite-dir'] };
  const config = values.config ? loadQueueConfig(values.config) : undefined;
  const handle = await startQueueServer({ port, host: values.host, database, config });
  serveUntilSignalled(handle);
}

main().catch((err: unknown) => {
  console.error(`queue service failed to start: ${errorCode(err)}`);
  process.exit(1);
});
