/**
 * Asks an HTTPS service of the ward (the back end, the queue) whether it answers, over mutual TLS
 * with the kiosk's certificate, and which certificate it presents: the self-test shows the
 * certificate's expiry date so a technician renews it before the kiosk stops connecting. One GET,
 * bounded by the caller's signal; the body is read (at most 64 KiB) and dropped.
 */
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { WardClientTls } from './ward-client';

export interface ProbeAnswer {
  httpStatus: number;
  /** The service certificate's notAfter, or null when the socket showed none. */
  certNotAfter: Date | null;
}

/** Why a probe got no answer: `certificate-expired` when TLS refused the service's expired certificate. */
export class ProbeError extends Error {
  constructor(readonly code: 'unreachable' | 'certificate-expired' | 'timeout') {
    super(`probe failed: ${code}`);
    this.name = 'ProbeError';
  }
}

const MAX_BODY = 64 * 1024;

export type HttpsProbe = (url: string, signal: AbortSignal) => Promise<ProbeAnswer>;

export function httpsProbe(tls: WardClientTls): HttpsProbe {
  return (url, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(new ProbeError('timeout'));
      const req = request(url, { method: 'GET', cert: tls.certPem, key: tls.keyPem, ca: tls.caPem, agent: false, minVersion: 'TLSv1.3', signal }, (res) => {
        const cert = (res.socket as TLSSocket).getPeerCertificate();
        const notAfter = cert && typeof cert.valid_to === 'string' ? new Date(cert.valid_to) : null;
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_BODY) req.destroy();
        });
        res.on('end', () => resolve({ httpStatus: res.statusCode ?? 0, certNotAfter: notAfter && Number.isFinite(notAfter.getTime()) ? notAfter : null }));
        res.on('error', () => reject(new ProbeError('unreachable')));
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (signal.aborted) reject(new ProbeError('timeout'));
        else reject(new ProbeError(err.code === 'CERT_HAS_EXPIRED' ? 'certificate-expired' : 'unreachable'));
      });
      req.end();
    });
}
