/**
 * Verifies a JPKI user-authentication login the way a 利用者証明検証者 does (mynumber-card.md §5, §7):
 * the card signed DigestInfo(SHA-256(nonce)) with PKCS#1 v1.5 (so: RSASSA-PKCS1-v1_5/SHA-256 over
 * the nonce), the certificate chains to a trusted JPKI user-auth CA, is valid now, is not on that
 * CA's CRL, and is bound to a resident (the J-LIS link from cert serial to 住民票コード, here a
 * fixture table). Checks run in that order of trust: chain, validity, revocation, signature, binding.
 */
import 'reflect-metadata';
import * as px509 from '@peculiar/x509';
import { X509Certificate, constants, verify, webcrypto } from 'node:crypto';
import { ApiError } from '../../platform/http/api-error';

px509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** Input of a trust store; all PEM. */
export interface JpkiTrustInput {
  /** Trusted JPKI user-authentication CA certs (several generations may be valid at once). */
  caCertsPem: string[];
  /**
   * CRLs issued by those CAs. A CA without a CRL, or whose newest CRL is past its `nextUpdate`,
   * makes its certs fail closed (`revocation-unavailable`).
   */
  crlsPem: string[];
  /** Cert serial (hex, any case) → resident id. */
  bindings: { serialHex: string; residentId: string }[];
}

interface TrustedCa {
  node: X509Certificate;
  crl: px509.X509Crl | undefined;
}

/** Normalised serial: upper-case hex without leading zero bytes' padding differences. */
export function normaliseSerial(hex: string): string {
  return hex.replace(/^(00)+/i, '').toUpperCase() || '0';
}

/** The result of a successful verification. */
export interface VerifiedLogin {
  /** Resident bound to the certificate. */
  residentId: string;
  /** Certificate serial (upper-case hex), for audit logs. */
  serialHex: string;
}

/** A loaded, pre-checked trust store. Build with `JpkiTrust.load`. */
export class JpkiTrust {
  private constructor(
    private readonly cas: TrustedCa[],
    private readonly bindings: ReadonlyMap<string, string>,
  ) {}

  /** Parses the CAs and CRLs and checks each CRL's signature against its CA (a forged CRL is dropped). */
  static async load(input: JpkiTrustInput): Promise<JpkiTrust> {
    const cas: TrustedCa[] = input.caCertsPem.map((pem) => ({ node: new X509Certificate(pem), crl: undefined }));
    for (const pem of input.crlsPem) {
      const crl = new px509.X509Crl(pem);
      for (const ca of cas) {
        const caPeculiar = new px509.X509Certificate(ca.node.raw);
        if (crl.issuerName.toString() !== caPeculiar.subjectName.toString()) continue;
        // Several CRLs of one CA (an old one left beside its successor): the newest is the one that counts.
        if ((await crl.verify({ publicKey: caPeculiar })) && (!ca.crl || crl.thisUpdate > ca.crl.thisUpdate)) ca.crl = crl;
      }
    }
    const bindings = new Map(input.bindings.map((b) => [normaliseSerial(b.serialHex), b.residentId]));
    return new JpkiTrust(cas, bindings);
  }

  /** Verifies one login; throws ApiError(401, ...) naming the first check that failed. */
  verifyLogin(nonce: Buffer, signature: Buffer, certDer: Buffer, now: Date): VerifiedLogin {
    const cert = this.verifyCertificate(certDer, now, (code, message) => new ApiError(401, code, message));
    if (!verifyRsaSha256(cert, nonce, signature)) throw new ApiError(401, 'signature-invalid', 'signature does not verify over the nonce');
    const serialHex = normaliseSerial(cert.serialNumber);
    const residentId = this.bindings.get(serialHex);
    if (!residentId) throw new ApiError(401, 'certificate-unmapped', 'certificate is not bound to a resident');
    return { residentId, serialHex };
  }

  /**
   * The certificate checks shared by logins and document signatures, in order: DER, chain to a
   * trusted CA of this store, validity at `now`, the CA's verified CRL, an RSA key. `fail` makes
   * the error to throw from a code (`certificate-*`, `revocation-unavailable`) and a log message.
   */
  verifyCertificate(certDer: Buffer, now: Date, fail: (code: CertificateCheckCode, message: string) => Error): X509Certificate {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(certDer);
    } catch {
      throw fail('certificate-malformed', 'certificate is not DER X.509');
    }
    const ca = this.cas.find((c) => !cert.ca && cert.checkIssued(c.node) && cert.verify(c.node.publicKey));
    if (!ca) throw fail('certificate-untrusted', 'certificate does not chain to a trusted JPKI CA');
    if (now < new Date(cert.validFrom)) throw fail('certificate-not-yet-valid', 'certificate not yet valid');
    if (now > new Date(cert.validTo)) throw fail('certificate-expired', 'certificate expired');
    if (!ca.crl) throw fail('revocation-unavailable', 'no verified CRL for the issuing CA');
    if (!crlIsCurrent(ca.crl, now)) throw fail('revocation-unavailable', "the issuing CA's CRL is past its nextUpdate");
    const entry = ca.crl.findRevoked(new px509.X509Certificate(cert.raw));
    if (entry && entry.revocationDate <= now) throw fail('certificate-revoked', 'certificate is revoked');
    if (cert.publicKey.asymmetricKeyType !== 'rsa') throw fail('certificate-malformed', 'key is not RSA');
    return cert;
  }
}

/**
 * A CRL vouches for revocation only until its `nextUpdate` (RFC 5280 §5.1.2.5): from that instant a
 * newer one should exist and may list a certificate revoked since, so a stale CRL is no CRL. At
 * exactly `nextUpdate` it is already stale (as OpenSSL's check_crl_time). A CRL without
 * `nextUpdate` (not allowed by RFC 5280 for a conforming CA) never proves currency: fail closed.
 */
export function crlIsCurrent(crl: px509.X509Crl, now: Date): boolean {
  return crl.nextUpdate !== undefined && now.getTime() < crl.nextUpdate.getTime();
}

/** What `verifyCertificate` can refuse. */
export type CertificateCheckCode =
  'certificate-malformed' | 'certificate-untrusted' | 'certificate-not-yet-valid' | 'certificate-expired' | 'certificate-revoked' | 'revocation-unavailable';

/** RSASSA-PKCS1-v1_5 / SHA-256 over `message` with the certificate's key; false on any error. */
export function verifyRsaSha256(cert: X509Certificate, message: Buffer, signature: Buffer): boolean {
  try {
    return verify('sha256', message, { key: cert.publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false;
  }
}
