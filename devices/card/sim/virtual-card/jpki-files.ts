/**
 * JPKI-AP data EFs other than the certificates: token info (EF 0006) and cert status (EF 0008).
 */
import type { LoadedCard } from './load-card';
import { utf8 } from './card-tlv';

/** Allocated size of each certificate EF: DER certificate followed by FF filler. */
export const CERT_EF_SIZE = 2048;

/** Contents of the JPKI-AP info EFs. */
export interface JpkiFiles {
  /** EF 0006: 160-byte PKCS#11 CK_TOKEN_INFO, label first (32 bytes, space-padded). */
  readonly tokenInfo: Uint8Array;
  /**
   * EF 0008: 3 bytes. `8F 8F 00` with both certificates (documented). Our convention for the
   * undocumented cases: the first byte stands for the auth cert, the second for the signing
   * cert, 00 when that cert was never issued (e.g. `8F 00 00` for a child's card).
   */
  readonly certStatus: Uint8Array;
}

function padded(text: string, size: number, fill = 0x20): Uint8Array {
  const out = new Uint8Array(size).fill(fill);
  out.set(utf8(text).subarray(0, size));
  return out;
}

/** Builds EF 0006 and EF 0008 for a card. */
export function buildJpkiFiles(card: LoadedCard): JpkiFiles {
  const tokenInfo = new Uint8Array(160);
  tokenInfo.set(padded(card.fixture.tokenLabel, 32), 0);
  tokenInfo.set(padded('J-LIS TEST', 32), 32);
  tokenInfo.set(padded('JPKI-AP', 16), 64);
  tokenInfo.set(padded(card.fixture.serialNumber, 16), 80);
  // flags (4 bytes, big-endian): CKF_LOGIN_REQUIRED | CKF_USER_PIN_INITIALIZED | CKF_TOKEN_INITIALIZED.
  tokenInfo.set(Uint8Array.of(0x00, 0x00, 0x04, 0x0c), 96);
  // 10 counters (4 bytes each) stay 0; hardware and firmware version 1.0; utcTime blank.
  tokenInfo.set(Uint8Array.of(0x01, 0x00, 0x01, 0x00), 140);
  tokenInfo.set(padded('', 16), 144);
  const certStatus = Uint8Array.of(card.auth ? 0x8f : 0x00, card.sign ? 0x8f : 0x00, 0x00);
  return { tokenInfo, certStatus };
}
