/**
 * A small, generic HTTP(S) sender: POST `<base>/v1/submissions` with the JSON submission and an
 * `Idempotency-Key` header. TLS options (CA, client certificate and key for mTLS) or an agent are
 * injected, so the same code talks to a loopback test server and to a ward back end.
 *
 * Answer mapping: 2xx with a receipt → delivered; 408/425/429, 5xx, network errors, timeouts and
 * malformed 2xx bodies → retry (a resend with the same key is harmless); other 4xx → rejected
 * (dead letter). The response is read with a size limit and validated; nothing is trusted.
 */
import http from 'node:http';
import https from 'node:https';
import type { OutboxItem, SendResult, Sender } from './sender';

export interface HttpSenderOptions {
  /** Base URL of the destination's back end (http: or https:), e.g. `https://127.0.0.1:8443`. */
  baseUrlFor: (destination: string) => string;
  /** Extra request options: `ca`, `cert`, `key` (mTLS), `agent`, `servername`... */
  requestOptions?: https.RequestOptions;
  /** Whole-request timeout (ms). Default 10 000. */
  timeoutMs?: number;
}

/** Largest response body read (bytes); anything longer is treated as malformed. */
const MAX_RESPONSE_BYTES = 64 * 1024;
const RECEIPT_PATTERN = /^[\x21-\x7e]{1,128}$/;
const CODE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/i;
const RETRY_STATUSES = new Set([408, 425, 429]);

/** Parses a back end answer into a send result; total over any status and body. */
export function interpretResponse(status: number, body: Buffer | undefined): SendResult {
  let parsed: unknown;
  try {
    parsed = body && body.length > 0 ? JSON.parse(body.toString('utf8')) : undefined;
  } catch {
    parsed = undefined;
  }
  const field = (name: string): unknown =>
    parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>)[name] : undefined;
  if (status >= 200 && status < 300) {
    const receipt = field('receiptNumber');
    if (typeof receipt === 'string' && RECEIPT_PATTERN.test(receipt)) return { status: 'delivered', remoteReceipt: receipt };
    return { status: 'retry', reason: 'malformed-success-body' };
  }
  if (status >= 400 && status < 500 && !RETRY_STATUSES.has(status)) {
    const code = field('code');
    return { status: 'rejected', httpStatus: status, code: typeof code === 'string' && CODE_PATTERN.test(code) ? code : `http-${status}` };
  }
  return { status: 'retry', reason: `http-${status}` };
}

/** Builds a `Sender` that posts to `<base>/v1/submissions`. */
export function createHttpSender(options: HttpSenderOptions): Sender {
  return (item: OutboxItem) =>
    new Promise<SendResult>((resolveResult) => {
      let url: URL;
      try {
        url = new URL('v1/submissions', options.baseUrlFor(item.destination).replace(/\/?$/, '/'));
      } catch {
        resolveResult({ status: 'retry', reason: 'bad-base-url' });
        return;
      }
      const body = Buffer.from(
        JSON.stringify({
          kind: item.kind,
          destination: item.destination,
          localReceiptNumber: item.receiptNumber,
          createdAt: new Date(item.createdAt).toISOString(),
          payload: item.payload,
        }),
      );
      const transport = url.protocol === 'https:' ? https : http;
      let settled = false;
      const finish = (r: SendResult): void => {
        if (settled) return;
        settled = true;
        resolveResult(r);
      };
      const req = transport.request(
        url,
        {
          ...options.requestOptions,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            'idempotency-key': item.idempotencyKey,
          },
          timeout: options.timeoutMs ?? 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_RESPONSE_BYTES) {
              req.destroy();
              finish({ status: 'retry', reason: 'response-too-large' });
            } else chunks.push(c);
          });
          res.on('end', () => finish(interpretResponse(res.statusCode ?? 0, Buffer.concat(chunks))));
          res.on('error', () => finish({ status: 'retry', reason: 'response-aborted' }));
          // A connection cut mid-answer (e.g. the back end died after committing) is a retry.
          res.on('close', () => {
            if (!res.complete) finish({ status: 'retry', reason: 'response-aborted' });
          });
        },
      );
      req.on('timeout', () => {
        req.destroy();
        finish({ status: 'retry', reason: 'timeout' });
      });
      req.on('error', (err: NodeJS.ErrnoException) => finish({ status: 'retry', reason: `unreachable: ${err.code ?? 'error'}` }));
      req.end(body);
    });
}
