/**
 * `npm run backend`: the reference ward back end as its own process.
 *
 *   tsx backend/server-cli.ts [--port N] [--host 127.0.0.1] [--db file.sqlite] [--faults] [--config cfg.json]
 *     [--client-crl city-ca.crl.pem]   (the city CA's CRL of kiosk/clerk certs; default the TEST one)
 *
 * Prints its origin URL alone on one stdout line (e.g. `https://127.0.0.1:8443`) once listening;
 * stops cleanly on SIGTERM or SIGINT.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { errorCode } from '../platform/log';
import { serveUntilSignalled } from '../platform/serve-until-signalled';
import { startWardBackend } from './start-ward-backend';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string' },
      faults: { type: 'boolean', default: false },
      config: { type: 'string' },
      'client-crl': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0-65535');
  const config = values.config ? (JSON.parse(readFileSync(values.config, 'utf8')) as object) : {};
  const clientCrlPem = values['client-crl'] ? readFileSync(values['client-crl'], 'utf8') : undefined;
  const handle = await startWardBackend({ port, host: values.host, dbPath: values.db, faults: values.faults, config, clientCrlPem });
  serveUntilSignalled(handle);
}

main().catch((err: unknown) => {
  console.error(`ward back end failed to start: ${errorCode(err)}`);
  process.exit(1);
});
