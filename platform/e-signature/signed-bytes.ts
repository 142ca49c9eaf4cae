/**
 * The bytes an application's electronic signature covers (contract/submission-signature.ts):
 * the canonical JSON (UTF-8) of the payload without its `electronicSignature` member. One
 * function for the kiosk (which signs) and the back end (which verifies), so both agree byte
 * for byte. Throws CanonicalJsonError for a value canonical JSON cannot represent (a fraction).
 */
import { canonicalBytes } from '../certificate-seal/canonical-json';

/** The member that holds the signature (equal to contract's E_SIGNATURE_MEMBER). */
const MEMBER = 'electronicSignature';

export function signedBytesOf(payload: Readonly<Record<string, unknown>>): Buffer {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(payload)) if (k !== MEMBER) rest[k] = v;
  return canonicalBytes(rest);
}
