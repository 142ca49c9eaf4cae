/**
 * A minimal mTLS JSON client for back-end tests: one fresh connection per call (no agent), so
 * nothing lingers after a test.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';

const KIOSK_PKI = join(__dirname, '..', '..', '..', '..', 'fixtures', 'pki', 'kiosk');

/** Client cert + key PEM. */
export interface ClientIdentity {
  cert: string;
  key: string;
}

/** The committed TEST client cert of a kiosk id (fixtures/pki/kiosk/clients). */
export function kioskIdentity(kioskId: string): ClientIdentity {
  return {
    cert: readFileSync(join(KIOSK_PKI, 'clients', `${kioskId}.cert.pem`), 'utf8'),
    key: readFileSync(join(KIOSK_PKI, 'clients', `${kioskId}.key.pem`), 'utf8'),
  };
}

/** The committed TEST clerk desk cert (fixtures/pki/kiosk/clerks): the clerk purpose, for look-ups by receipt. */
export function clerkIdentity(clerkId = 'clerk-desk-01'): ClientIdentity {
  return {
    cert: readFileSync(join(KIOSK_PKI, 'clerks', `${clerkId}.cert.pem`), 'utf8'),
    key: readFileSync(join(KIOSK_PKI, 'clerks', `${clerkId}.key.pem`), 'utf8'),
  };
}

/** The client cert from the untrusted CA. */
export function untrustedIdentity(): ClientIdentity {
  return {
    cert: readFileSync(join(KIOSK_PKI, 'untrusted', 'kiosk-kokurakita-01.cert.pem'), 'utf8'),
    key: readFileSync(join(KIOSK_PKI, 'untrusted', 'kiosk-kokurakita-01.key.pem'), 'utf8'),
  };
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  /** Raw body bytes/text (overrides `body`). */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  /** Default: kiosk-kokurakita-01; `null` sends no client certificate. */
  identity?: ClientIdentity | null;
  ca: string;
}

export interface CallResult {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** Calls `url` and parses the JSON answer; rejects on network/TLS errors. */
export function call(url: string, o: CallOptions): Promise<CallResult> {
  const identity = o.identity === undefined ? kioskIdentity('kiosk-kokurakita-01') : o.identity;
  const payload = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: o.method ?? (payload === undefined ? 'GET' : 'POST'),
        ca: o.ca,
        ...(identity ? { cert: identity.cert, key: identity.key } : {}),
        agent: false,
        headers: { ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            /* keep text */
          }
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
