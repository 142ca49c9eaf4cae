/**
 * The city CA's CRL of client certificates (kiosks and clerks' desks). A kiosk that is stolen or
 * retired has its certificate revoked: from then on every request it makes is refused with
 * 403 `client-certificate-revoked`, whatever its allow-list entry says.
 *
 * Checked per request, not in the TLS handshake (Node's `crl` server option): a refused handshake
 * reaches the kiosk as a bare TLS alert, while an HTTP answer carries a code the kiosk and the
 * logs can name. The CRL must be signed by the client CA (checked at load; a forged or foreign CRL
 * stops the back end from starting or the reload from happening) and current: from its
 * `nextUpdate` on, revocation is unknown and every client gets 503 `client-revocation-unavailable`
 * (fail closed, as for JPKI; the ward replaces the CRL with `reloadClientCrl` before then).
 */
import 'reflect-metadata';
import * as px509 from '@peculiar/x509';
import { ApiError } from '../../platform/http/api-error';
import { crlIsCurrent, normaliseSerial } from './jpki-trust';

export class ClientCertificateCrl {
  private constructor(
    private readonly crl: px509.X509Crl,
    private readonly revoked: ReadonlySet<string>,
  ) {}

  /** Parses `crlPem` and verifies it against the client CA; throws if it is not that CA's. */
  static async load(crlPem: string, clientCaPem: string): Promise<ClientCertificateCrl> {
    const crl = new px509.X509Crl(crlPem);
    const ca = new px509.X509Certificate(clientCaPem);
    if (crl.issuerName.toString() !== ca.subjectName.toString() || !(await crl.verify({ publicKey: ca }))) {
      throw new Error('client CRL is not signed by the client CA');
    }
    return new ClientCertificateCrl(crl, new Set(crl.entries.map((e) => normaliseSerial(e.serialNumber))));
  }

  /** Throws 503 client-revocation-unavailable (CRL past nextUpdate) or 403 client-certificate-revoked. */
  check(serialHex: string, now: Date): void {
    if (!crlIsCurrent(this.crl, now)) throw new ApiError(503, 'client-revocation-unavailable', "the client CA's CRL is past its nextUpdate");
    if (this.revoked.has(normaliseSerial(serialHex))) throw new ApiError(403, 'client-certificate-revoked', 'client certificate is revoked');
  }
}
