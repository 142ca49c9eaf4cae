/**
 * A loopback HTTP server for outbox tests and benchmarks that honours idempotency keys like the
 * ward back end must: `POST /v1/submissions` with `Idempotency-Key` stores the submission once and
 * answers every repeat with the same receipt. Its `mode` simulates trouble:
 * - `up`: normal; `down`: the connection is cut at once (nothing stored);
 * - `error500`: 500 without storing; `drop-after-commit`: stores, then cuts the connection before
 *   answering (the client cannot know it succeeded); `reject`: 422 validation error.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ServerMode = 'up' | 'down' | 'error500' | 'drop-after-commit' | 'reject';

export interface StoredSubmission {
  /** Receipt the server issued. */
  receiptNumber: string;
  /** Parsed request body. */
  body: unknown;
  /** How many times this key was stored (must stay 1). */
  stores: number;
  /** How many requests carried this key (retries included). */
  requests: number;
}

export interface IdempotentSubmissionServer {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** Current behaviour; change it at any time. */
  mode: ServerMode;
  /** Stored submissions by idempotency key. */
  readonly stored: Map<string, StoredSubmission>;
  /** Requests received in total. */
  requestCount(): number;
  /** Stops listening and cuts open connections. */
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startIdempotentSubmissionServer(initialMode: ServerMode = 'up'): Promise<IdempotentSubmissionServer> {
  const stored = new Map<string, StoredSubmission>();
  let requests = 0;
  let nextReceipt = 1;
  const state = { mode: initialMode };

  const server = http.createServer((req, res) => {
    requests++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const mode = state.mode;
      if (mode === 'down') {
        req.socket.destroy();
        return;
      }
      const key = req.headers['idempotency-key'];
      if (req.method !== 'POST' || req.url !== '/v1/submissions' || typeof key !== 'string') {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'bad-request' }));
        return;
      }
      if (mode === 'error500') {
        res.writeHead(500).end();
        return;
      }
      if (mode === 'reject') {
        res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'validation-failed' }));
        return;
      }
      let entry = stored.get(key);
      if (entry) entry.requests++;
      else {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'bad-json' }));
          return;
        }
        entry = { receiptNumber: `W-${String(nextReceipt++).padStart(6, '0')}`, body, stores: 1, requests: 1 };
        stored.set(key, entry);
      }
      if (mode === 'drop-after-commit') {
        req.socket.destroy();
        return;
      }
      res.writeHead(entry.requests === 1 ? 201 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ receiptNumber: entry.receiptNumber }));
    });
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    get mode() {
      return state.mode;
    },
    set mode(m: ServerMode) {
      state.mode = m;
    },
    stored,
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
