/**
 * AIDs, file IDs and PIN limits of the My Number Card, from the reference
 * (work/shared/reference/mynumber-card.md §1, §2, §4). Values only; no logic.
 */

/** JPKI-AP 公的個人認証AP. Selecting it is how a My Number Card is detected. */
export const JPKI_AID = Uint8Array.of(0xd3, 0x92, 0xf0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01);
/** 券面事項入力補助AP (text AP): My Number and the basic 4 as UTF-8. */
export const TEXT_AP_AID = Uint8Array.of(0xd3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08);

/** EFs of the JPKI-AP. */
export const JpkiEf = {
  SIGN_CERT: 0x0001,
  SIGN_CA_CERT: 0x0002,
  TOKEN_INFO: 0x0006,
  AUTH_CERT: 0x000a,
  AUTH_CA_CERT: 0x000b,
  AUTH_KEY: 0x0017,
  AUTH_PIN: 0x0018,
  SIGN_KEY: 0x001a,
  SIGN_PIN: 0x001b,
} as const;

/** EFs of the text AP. */
export const TextEf = {
  MY_NUMBER: 0x0001,
  BASIC_INFO: 0x0002,
  INTEGRITY: 0x0003,
  PIN: 0x0011,
} as const;

/** Size of the My Number EF: `FF 10 0C` + 12 digits + `FF FF`. The integrity hash covers all 17 bytes. */
export const MY_NUMBER_FILE_LENGTH = 17;

/** The secrets this layer handles. */
export type PinKind = 'text-pin' | 'auth-pin' | 'sign-password';

/** Tries each secret has when fresh. */
export const MAX_TRIES: Readonly<Record<PinKind, number>> = {
  'text-pin': 3,
  'auth-pin': 3,
  'sign-password': 5,
};

/** Upper bounds for files read by length header (guards against a hostile header). */
export const MAX_CERT_FILE_LENGTH = 8192;
export const MAX_RECORD_FILE_LENGTH = 4096;
