/**
 * Reads a request body as JSON with a hard size limit, then validates it with a zod schema.
 * Total: any input ends as a parsed value or an ApiError (400/413/415), never an exception leak.
 */
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { ApiError } from './api-error';

/** Reads at most `limitBytes`; more → 413 (the rest is not buffered). */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limitBytes) {
      reject(new ApiError(413, 'body-too-large', `body over ${limitBytes} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limitBytes) {
        done = true;
        reject(new ApiError(413, 'body-too-large', `body over ${limitBytes} bytes`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', (err) => {
      if (!done) {
        done = true;
        reject(err);
      }
    });
  });
}

/** Reads and validates a JSON body. An empty body counts as `{}` so optional-only bodies may be omitted. */
export async function readJson<S extends z.ZodType>(req: IncomingMessage, schema: S, limitBytes: number): Promise<z.infer<S>> {
  const type = req.headers['content-type'] ?? '';
  const raw = await readBody(req, limitBytes);
  let value: unknown = {};
  if (raw.length > 0) {
    if (!/^application\/json\b/i.test(type)) throw new ApiError(415, 'unsupported-media-type', 'expected application/json');
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new ApiError(400, 'malformed-json', 'body is not valid JSON');
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw ApiError.fromZod(parsed.error, 'request body');
  return parsed.data;
}
