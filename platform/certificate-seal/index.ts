/**
 * Certificate content, its canonical form and the signed verification QR ("seal").
 * Shared by the back end (which signs) and the kiosk and `npm run verify` (which check).
 */
export * from './certificate-content';
export { canonicalJson, canonicalBytes, CanonicalJsonError } from './canonical-json';
export {
  sealCertificate,
  verifySeal,
  decodeSealPayload,
  contentHash,
  SealError,
  SEAL_PREFIX,
  MAX_NAMES_IN_SEAL,
  type SealResult,
  type SealedSummary,
  type SealFailureReason,
  type VerifySealResult,
  type KeyInput,
} from './seal';
export { type IssuingAuthority, type Sex } from './content-primitives';
