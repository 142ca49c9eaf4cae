/**
 * The one error type the servers' handlers (the ward back end, the queue service) throw on
 * purpose, and the JSON writers. Every non-2xx answer is `{ code, message, issues? }`
 * (contract/ward-api.ts apiErrorSchema; queue/openapi.yaml).
 */
import type { ServerResponse } from 'node:http';
import type { ZodError } from 'zod';

/** A deliberate API error: HTTP status plus a machine-readable code. */
export class ApiError extends Error {
  constructor(
    /** HTTP status to answer with. */
    readonly status: number,
    /** Machine-readable code (see apiErrorCodes in contract/ward-api.ts). */
    readonly code: string,
    message: string,
    /** Per-field problems, for `validation-failed`. */
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Turns a zod failure into a 400 `validation-failed` listing the bad fields (never their values). */
  static fromZod(err: ZodError, where: string): ApiError {
    const issues = err.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
    return new ApiError(400, 'validation-failed', `invalid ${where}`, issues);
  }
}

/** Writes a JSON answer (no caching: every answer here is personal or one-off). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Writes an ApiError as `{ code, message, issues? }`. */
export function sendError(res: ServerResponse, err: ApiError): void {
  const body: Record<string, unknown> = { code: err.code, message: err.message };
  if (err.issues) body.issues = err.issues;
  sendJson(res, err.status, body);
}
