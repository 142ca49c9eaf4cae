/**
 * Starts the reference ward back end: HTTPS (TLS 1.3) with mutual TLS against the test city CA,
 * a SQLite database seeded from fixtures, all seven wards under `/wards/{ward}`.
 * Used embedded (demo, tests) and by backend/server-cli.ts as its own process.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wardBasePath, type WardId } from '../contract/ward-api';
import { baseUrlOf, closeListener, createMutualTlsServer, listen } from '../platform/http/mutual-tls-server';
import { createLogger } from '../platform/log';
import { ClientCertificateCrl } from './auth/client-crl';
import { JpkiTrust, type JpkiTrustInput } from './auth/jpki-trust';
import { NonceStore } from './auth/nonce-store';
import { SessionStore } from './auth/session-store';
import { IssuanceService } from './certificates/issuance-service';
import { WardRecords } from './certificates/ward-records';
import { openWardDb, seedWardDb, type WardDb } from './db/ward-db';
import { FaultController, type FaultControls } from './faults';
import { defaultFixturesDir, loadJpkiSignTrustInput, loadJpkiTrustInput, loadWardFixtures } from './fixtures/load-ward-fixtures';
import type { WardFixtures } from './fixtures/ward-fixture-schemas';
import { handleRequest } from './http/request-pipeline';
import { wardRoutes } from './routes/ward-routes';
import { SubmissionService } from './submissions/submission-service';
import { resolveWardConfig, type WardConfig, type WardConfigOverrides } from './ward-config';

/** TLS material, PEM. Defaults: fixtures/pki/kiosk/{server.cert,server.key,city-ca.cert}.pem. */
export interface WardBackendTls {
  /** Server certificate chain. */
  certPem: string;
  /** Server private key. */
  keyPem: string;
  /** CA(s) whose client certificates are accepted (the city CA); also what kiosks should trust for the server. */
  clientCaPem: string;
}

export interface WardBackendOptions {
  /** Port; 0 (default) picks a free one. */
  port?: number;
  /** Listen address; default 127.0.0.1 (loopback only). */
  host?: string;
  /** SQLite file (WAL); default in memory. */
  dbPath?: string;
  /** Enables `POST /v1/_faults` and `handle.faults`. Default false. */
  faults?: boolean;
  /** Clock (tests freeze or move it). Default `() => new Date()`. */
  now?: () => Date;
  /** Overrides of the configuration (fees per type, TTLs, allow-list, wards...). */
  config?: WardConfigOverrides;
  /** Fixture folder; default the repo's fixtures/. */
  fixturesDir?: string;
  /** Seed data; default loaded from `fixturesDir`. */
  fixtures?: WardFixtures;
  /** JPKI trust (CA certs, CRLs, cert → resident bindings); default from `fixturesDir`. */
  jpki?: JpkiTrustInput;
  /** JPKI signing CA certs and CRLs for submissions' electronic signatures; default from `fixturesDir`. */
  jpkiSign?: JpkiTrustInput;
  /** TLS material; default the committed TEST kiosk PKI. */
  tls?: WardBackendTls;
  /** The client CA's CRL (kiosk and clerk certs), PEM; default fixtures/pki/kiosk/city-ca.crl.pem. */
  clientCrlPem?: string;
  /** City seal Ed25519 private key PEM; default fixtures/documents/city-seal.key.pem (TEST key). */
  sealPrivateKeyPem?: string;
}

export interface WardBackendHandle {
  /** Origin, e.g. `https://127.0.0.1:41234`; a ward's base URL is `url + /wards/<ward>`. */
  url: string;
  /** Base URL of one ward's API. */
  wardUrl(ward: WardId): string;
  /** The CA a kiosk must trust for the server certificate (the test city CA). */
  caCertPem: string;
  /** Effective configuration. */
  config: WardConfig;
  /** Fault controls (undefined unless started with `faults: true`). */
  faults: FaultControls | undefined;
  /** The database, for tests and diagnostics (do not write to it). */
  db: WardDb;
  /** Replaces the JPKI trust (e.g. a newer CRL) without a restart. */
  reloadJpkiTrust(input: JpkiTrustInput): Promise<void>;
  /** Replaces the client CA's CRL without a restart; rejects (keeping the old one) if the client CA did not sign it. */
  reloadClientCrl(crlPem: string): Promise<void>;
  /** Stops listening, cuts connections, closes the database. Idempotent. */
  stop(): Promise<void>;
}

function defaultTls(fixturesDir: string): WardBackendTls {
  const dir = join(fixturesDir, 'pki', 'kiosk');
  return {
    certPem: readFileSync(join(dir, 'server.cert.pem'), 'utf8'),
    keyPem: readFileSync(join(dir, 'server.key.pem'), 'utf8'),
    clientCaPem: readFileSync(join(dir, 'city-ca.cert.pem'), 'utf8'),
  };
}

/** Starts the back end and resolves once it listens. */
export async function startWardBackend(options: WardBackendOptions = {}): Promise<WardBackendHandle> {
  const log = createLogger('ward-backend');
  const now = options.now ?? (() => new Date());
  const config = resolveWardConfig(options.config ?? {});
  const fixturesDir = options.fixturesDir ?? defaultFixturesDir;
  const tls = options.tls ?? defaultTls(fixturesDir);
  const sealKey: KeyObject = createPrivateKey(options.sealPrivateKeyPem ?? readFileSync(join(fixturesDir, 'documents', 'city-seal.key.pem'), 'utf8'));
  let trust = await JpkiTrust.load(options.jpki ?? loadJpkiTrustInput(fixturesDir));
  const signTrust = await JpkiTrust.load(options.jpkiSign ?? loadJpkiSignTrustInput(fixturesDir));
  let clientCrl = await ClientCertificateCrl.load(
    options.clientCrlPem ?? readFileSync(join(fixturesDir, 'pki', 'kiosk', 'city-ca.crl.pem'), 'utf8'),
    tls.clientCaPem,
  );

  const db = openWardDb(options.dbPath);
  seedWardDb(db, options.fixtures ?? loadWardFixtures(fixturesDir));
  const records = new WardRecords(db);
  const routes = wardRoutes({
    config,
    records,
    now,
    trust: () => trust,
    signTrust: () => signTrust,
    nonces: new NonceStore(config.nonceTtlMs, config.maxOutstandingNonces, now, config.maxOutstandingNoncesPerKiosk),
    sessions: new SessionStore(config.sessionTtlMs, now),
    issuance: new IssuanceService(db, records, config, sealKey, now),
    submissions: new SubmissionService(db, now),
  });

  const server = createMutualTlsServer(tls);
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);

  const faults = options.faults
    ? new FaultController(
        () => closeListener(server),
        async () => {
          await listen(server, port, host);
        },
      )
    : undefined;
  server.on('request', (req, res) => {
    void handleRequest({ config, routes, faults, log, clientCrl: () => clientCrl, now }, req, res);
  });
  server.on('tlsClientError', (err) => log.info({ code: (err as NodeJS.ErrnoException).code }, 'tls handshake refused'));

  const url = baseUrlOf(host, port);
  log.info({ port, wards: config.wards.length, faults: Boolean(faults) }, 'ward back end listening');
  let stopped: Promise<void> | undefined;
  return {
    url,
    wardUrl: (ward) => `${url}${wardBasePath(ward)}`,
    caCertPem: tls.clientCaPem,
    config,
    faults,
    db,
    async reloadJpkiTrust(input) {
      trust = await JpkiTrust.load(input);
    },
    async reloadClientCrl(crlPem) {
      clientCrl = await ClientCertificateCrl.load(crlPem, tls.clientCaPem);
    },
    stop() {
      stopped ??= (async () => {
        faults?.dispose();
        await closeListener(server);
        db.close();
        log.info({ port }, 'ward back end stopped');
      })();
      return stopped;
    },
  };
}
