/**
 * Who is calling, from the verified client certificate (mutual TLS against the city CA): a kiosk
 * or a ward clerk's desk. Both chain to the same city CA; the role is the certificate's own
 * statement of purpose, an extended key usage (RFC 5280 §4.2.1.12), which only the city CA can
 * put there. Clerk certificates carry `id-kp-clientAuth` and `CLERK_EKU_OID`; kiosk certificates
 * carry `id-kp-clientAuth` only. The clerk purpose is a private OID under the UUID arc 2.25
 * (ITU-T X.667), which needs no registration and cannot collide. A certificate with the clerk
 * purpose is never a kiosk, whatever its CN: a clerk's desk cannot log citizens in, issue or void.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** "Madoguchi ward clerk" key purpose (2.25 + UUID 0e846b04-9e73-401e-84fe-51fe4f5e3eb9). */
export const CLERK_EKU_OID = '2.25.19296745710093621068880653381418237625';

/** The caller as its certificate says, before any allow-list. */
export interface PeerCertificate {
  /** Subject CN (kiosk id or clerk id); undefined when absent or ambiguous. */
  cn: string | undefined;
  role: 'kiosk' | 'clerk';
  /** Serial number, upper-case hex, for the city CA's CRL. */
  serialHex: string;
}

/** The verified client certificate of a request; undefined when TLS did not authorise one. */
export function peerCertificateOf(req: IncomingMessage): PeerCertificate | undefined {
  const socket = req.socket as TLSSocket;
  if (!socket.authorized) return undefined;
  const cert = socket.getPeerCertificate();
  const cn = cert.subject?.CN;
  const purposes = cert.ext_key_usage ?? [];
  return {
    cn: typeof cn === 'string' ? cn : undefined,
    role: purposes.includes(CLERK_EKU_OID) ? 'clerk' : 'kiosk',
    serialHex: (cert.serialNumber ?? '').toUpperCase(),
  };
}
