/**
 * Decodes JPKI EF 0006, the PKCS#11 CK_TOKEN_INFO (160 bytes): the first 32 bytes are the
 * space-padded label, e.g. `JPKIAPICCTOKEN2` for the plastic card. Total.
 */
import { CardError } from '../card-errors';

/** Token information the kiosk cares about. */
export interface TokenInfo {
  /** The token label with padding removed. */
  readonly label: string;
  /** True for the plastic My Number Card (`JPKIAPICCTOKEN2`). */
  readonly isPlasticCard: boolean;
}

/** The label of the plastic My Number Card. */
export const PLASTIC_CARD_LABEL = 'JPKIAPICCTOKEN2';

/** Decodes the token-info EF bytes. */
export function decodeTokenInfo(bytes: Uint8Array): TokenInfo {
  if (bytes.length < 32) throw new CardError('malformed-response', 'token info: shorter than its label');
  const raw = bytes.subarray(0, 32);
  if (!raw.every((b) => b === 0 || (b >= 0x20 && b < 0x7f))) {
    throw new CardError('malformed-response', 'token info: label is not printable ASCII');
  }
  const label = String.fromCharCode(...raw).replace(/[\s\0]+$/, '');
  if (label.length === 0) throw new CardError('malformed-response', 'token info: empty label');
  return { label, isPlasticCard: label === PLASTIC_CARD_LABEL };
}
