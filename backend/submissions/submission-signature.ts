/**
 * Verifies the optional electronic signature of a submission (contract/submission-signature.ts)
 * as a 署名検証者 would: the signing certificate chains to a trusted JPKI signing CA, is valid at
 * receipt, is not revoked (CRL), and its key's RSASSA-PKCS1-v1_5/SHA-256 signature verifies over
 * the canonical bytes of the payload without the signature. A failure of the signature is a 422
 * with an `e-signature-*` code (the kiosk dead-letters it and alerts staff; the citizen's forms are
 * on paper with the receipt number). A CRL the back end does not hold is its own transient fault,
 * not the citizen's: 503 `e-signature-revocation-unavailable`, which the kiosk retries later. Nothing personal is logged or returned: the certificate holds
 * the signer's name, address and birth date.
 */
import { electronicSignatureSchema, type ESignatureErrorCode } from '../../contract/submission-signature';
import { signedBytesOf } from '../../platform/e-signature/signed-bytes';
import { normaliseSerial, verifyRsaSha256, type JpkiTrust } from '../auth/jpki-trust';
import { ApiError } from '../../platform/http/api-error';

/** A signature that verified. */
export interface VerifiedSubmissionSignature {
  /** The signing certificate's serial (upper-case hex): not personal, kept for the ward's audit. */
  serialHex: string;
}

function refuse(code: ESignatureErrorCode, message: string): ApiError {
  return new ApiError(code === 'e-signature-revocation-unavailable' ? 503 : 422, code, message);
}

/**
 * Null when the payload carries no `electronicSignature`; the verified signature otherwise.
 * Throws ApiError(422, `e-signature-*`; 503 when no CRL is held) naming the first check that failed.
 */
export function verifySubmissionSignature(trust: JpkiTrust, payload: unknown, now: Date): VerifiedSubmissionSignature | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || !('electronicSignature' in payload)) return null;
  const record = payload as Record<string, unknown>;
  const parsed = electronicSignatureSchema.safeParse(record.electronicSignature);
  if (!parsed.success) throw refuse('e-signature-malformed', 'electronicSignature does not match the schema');
  let signed: Buffer;
  try {
    signed = signedBytesOf(record);
  } catch {
    throw refuse('e-signature-malformed', 'the payload has no canonical form');
  }
  const cert = trust.verifyCertificate(Buffer.from(parsed.data.certificate, 'base64'), now, (code, message) => refuse(`e-signature-${code}`, message));
  if (!verifyRsaSha256(cert, signed, Buffer.from(parsed.data.signature, 'base64'))) {
    throw refuse('e-signature-invalid', 'signature does not verify over the canonical payload');
  }
  return { serialHex: normaliseSerial(cert.serialNumber) };
}
