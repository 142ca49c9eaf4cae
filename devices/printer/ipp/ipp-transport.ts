/**
 * IPP over HTTP (RFC 8010 section 4): POST application/ipp, read a bounded answer, decode it.
 * Every failure becomes a `PrinterError`: network trouble and silence are `printer.offline`
 * (so the kiosk never hangs on a dead printer), anything malformed is `printer.protocol`.
 */
import http from 'node:http';
import https from 'node:https';
import { PrinterError } from '../printer';
import { decodeIppMessage } from './ipp-decode';
import type { IppMessage } from './ipp-types';

/** Per-request limits. */
export interface IppRequestOptions {
  /** Whole-exchange deadline in ms (connect, send, answer). */
  timeoutMs: number;
  /** Answers larger than this are refused (attributes only; printers never send documents back). */
  maxResponseBytes: number;
  signal?: AbortSignal;
}

/** Parsed ipp:// or ipps:// URI as an HTTP target. */
export interface IppTarget {
  secure: boolean;
  host: string;
  port: number;
  path: string;
}

/** Parses a printer URI; throws `printer.bad-options` for anything but ipp(s)://host[:port]/path. */
export function parsePrinterUri(uri: string): IppTarget {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    throw new PrinterError('printer.bad-options', 'printer URI is not a URL');
  }
  if (u.protocol !== 'ipp:' && u.protocol !== 'ipps:') throw new PrinterError('printer.bad-options', 'printer URI must be ipp:// or ipps://');
  if (!u.hostname || u.username || u.password) throw new PrinterError('printer.bad-options', 'printer URI needs a host and no credentials');
  // IPP's default port is 631 for both schemes (RFC 8010 4.1, RFC 7472).
  const port = u.port ? Number(u.port) : 631;
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  return { secure: u.protocol === 'ipps:', host, port, path: u.pathname + u.search || '/' };
}

const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'EHOSTDOWN',
  'ENETDOWN',
]);

/** Sends one encoded request and returns the decoded answer (any IPP status; the caller checks it). */
export function postIpp(target: IppTarget, body: Buffer, requestId: number, opts: IppRequestOptions): Promise<IppMessage> {
  return new Promise<IppMessage>((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new PrinterError('printer.canceled', 'aborted before sending'));
      return;
    }
    let settled = false;
    const finish = (err: PrinterError | null, msg?: IppMessage): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(msg as IppMessage);
    };
    const onAbort = (): void => finish(new PrinterError('printer.canceled', 'aborted by caller'));
    const lib = target.secure ? https : http;
    const req = lib.request({
      host: target.host,
      port: target.port,
      path: target.path,
      method: 'POST',
      agent: false,
      headers: { 'Content-Type': 'application/ipp', 'Content-Length': body.length, Connection: 'close' },
    });
    const timer = setTimeout(() => finish(new PrinterError('printer.offline', `no answer within ${opts.timeoutMs} ms`, { cause: 'timeout' })), opts.timeoutMs);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? '';
      if (OFFLINE_CODES.has(code) || /socket hang up/i.test(e.message)) {
        finish(new PrinterError('printer.offline', 'printer not reachable', { cause: code || 'hang-up' }));
      } else finish(new PrinterError('printer.protocol', 'HTTP exchange failed', { cause: code || 'unknown' }));
    });
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        finish(new PrinterError('printer.protocol', `HTTP status ${res.statusCode ?? 0}`, { cause: `http-${res.statusCode ?? 0}` }));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > opts.maxResponseBytes) {
          finish(new PrinterError('printer.protocol', 'answer too large', { cause: 'too-large' }));
          return;
        }
        chunks.push(c);
      });
      res.on('error', () => finish(new PrinterError('printer.offline', 'answer interrupted', { cause: 'interrupted' })));
      res.on('aborted', () => finish(new PrinterError('printer.offline', 'answer interrupted', { cause: 'interrupted' })));
      res.on('end', () => {
        const decoded = decodeIppMessage(Buffer.concat(chunks, size));
        if (!decoded.ok) {
          finish(new PrinterError('printer.protocol', 'undecodable IPP answer', { cause: decoded.error.code }));
        } else if (decoded.message.requestId !== requestId) {
          finish(new PrinterError('printer.protocol', 'answer for another request', { cause: 'request-id' }));
        } else finish(null, decoded.message);
      });
    });
    req.end(body);
  });
}
