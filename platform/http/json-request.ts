/**
 * One JSON request over HTTPS through a given agent (mutual TLS: the agent carries the client
 * certificate), bounded twice: `idleTimeoutMs` without a byte, and `deadlineMs` for the whole
 * exchange. Answers the status and the parsed body; a peer that cannot be reached, stalls or runs
 * out of time is `unreachable`, a body that is not JSON or is too large `invalid-response`. What
 * the body must contain is the caller's schema's business.
 */
import { request, type Agent } from 'node:https';

export class JsonRequestError extends Error {
  constructor(
    readonly code: 'unreachable' | 'invalid-response',
    readonly status: number | null,
  ) {
    super(code);
    this.name = 'JsonRequestError';
  }
}

export interface JsonRequest {
  agent: Agent;
  url: URL;
  method: 'GET' | 'POST';
  /** Sent as JSON; undefined sends no body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Longest silence on the socket. */
  idleTimeoutMs: number;
  /** Longest the whole request may take, answer included; none when undefined. */
  deadlineMs?: number;
  maxResponseBytes: number;
}

export interface JsonAnswer {
  status: number;
  json: unknown;
}

export function requestJson(r: JsonRequest): Promise<JsonAnswer> {
  const payload = r.body === undefined ? undefined : Buffer.from(JSON.stringify(r.body));
  return new Promise((resolve, reject) => {
    const req = request(
      r.url,
      {
        method: r.method,
        agent: r.agent,
        timeout: r.idleTimeoutMs,
        ...(r.deadlineMs !== undefined ? { signal: AbortSignal.timeout(r.deadlineMs) } : {}),
        headers: {
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          ...r.headers,
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > r.maxResponseBytes) req.destroy(new JsonRequestError('invalid-response', status));
          else chunks.push(c);
        });
        res.on('end', () => {
          try {
            resolve({ status, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
          } catch {
            reject(new JsonRequestError('invalid-response', status));
          }
        });
        res.on('error', (err) => reject(err instanceof JsonRequestError ? err : new JsonRequestError('unreachable', null)));
      },
    );
    req.on('timeout', () => req.destroy(new JsonRequestError('unreachable', null)));
    req.on('error', (err) => reject(err instanceof JsonRequestError ? err : new JsonRequestError('unreachable', null)));
    req.end(payload);
  });
}
