/**
 * The optional electronic signature of a 書かない窓口 submission, made with the My Number Card's
 * 署名用電子証明書 (JPKI digital-signature key) and carried inside the submission payload as its
 * `electronicSignature` member (so the outbox row, which is immutable once queued, holds it).
 *
 * What is signed: the UTF-8 bytes of the canonical JSON (platform/certificate-seal/canonical-json:
 * keys sorted by UTF-16 code units, strings NFC, no whitespace, integers only) of the payload with
 * the `electronicSignature` member removed. The card computes RSASSA-PKCS1-v1_5 over SHA-256 of
 * those bytes (DigestInfo, `80 2A 00 80`), i.e. `sha256WithRSAEncryption`.
 *
 * The back end verifies: the certificate chains to a trusted JPKI signing CA, is valid now, is not
 * on the CA's CRL, and the signature verifies over the canonical bytes; a failure is a 422 with one
 * of `eSignatureErrorCodes` (503 for `e-signature-revocation-unavailable`: the back end holds no
 * CRL now, a transient fault the kiosk retries). The certificate carries the signer's name, address and birth
 * date: it is never logged, and the look-up by receipt only says whether a submission was e-signed.
 */
import { z } from 'zod';

/** The payload member that holds the signature (excluded from the signed bytes). */
export const E_SIGNATURE_MEMBER = 'electronicSignature';

const base64 = (maxBytes: number) =>
  z
    .string()
    .min(4)
    .max(Math.ceil(maxBytes / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

export const electronicSignatureSchema = z.strictObject({
  /** RSASSA-PKCS1-v1_5 with SHA-256 (what the card's signing key does). */
  algorithm: z.literal('sha256WithRSAEncryption'),
  /** How the signed bytes are made from the payload (see the module comment). */
  canonicalization: z.literal('canonical-json-utf8-v1'),
  /** The signature, base64 (256 bytes for RSA-2048). */
  signature: base64(512),
  /** The card's 署名用電子証明書 (JPKI EF 0001), DER, base64. */
  certificate: base64(4096),
});
export type ElectronicSignature = z.infer<typeof electronicSignatureSchema>;

/** Why the back end refused an attached signature (HTTP 422). */
export const eSignatureErrorCodes = [
  'e-signature-malformed',
  'e-signature-certificate-malformed',
  'e-signature-certificate-untrusted',
  'e-signature-certificate-not-yet-valid',
  'e-signature-certificate-expired',
  'e-signature-certificate-revoked',
  'e-signature-revocation-unavailable',
  'e-signature-invalid',
] as const;
export type ESignatureErrorCode = (typeof eSignatureErrorCodes)[number];
