/**
 * Status words the virtual card answers, as the real My Number Card does (reference §4).
 */
export const SW = {
  OK: 0x9000,
  /** Wrong length (Lc/Le). */
  WRONG_LENGTH: 0x6700,
  /** Logical channel other than 0. */
  CHANNEL_NOT_SUPPORTED: 0x6881,
  /** Secure messaging requested (CLA 08/0C). */
  SM_NOT_SUPPORTED: 0x6882,
  /** Command incompatible with the file structure (e.g. READ BINARY on a PIN EF). */
  INCOMPATIBLE_FILE: 0x6981,
  /** Security status not satisfied (PIN not verified). */
  SECURITY_NOT_SATISFIED: 0x6982,
  /** Authentication method blocked (VERIFY after the last try was used). */
  BLOCKED: 0x6984,
  /** Conditions of use not satisfied. */
  CONDITIONS_NOT_SATISFIED: 0x6985,
  /** Command not allowed: no current EF. */
  NO_CURRENT_EF: 0x6986,
  /** Incorrect data field (e.g. a new PIN in the wrong format). */
  WRONG_DATA: 0x6a80,
  /** File or application not found. */
  FILE_NOT_FOUND: 0x6a82,
  /** Wrong P1/P2. */
  WRONG_P1P2: 0x6a86,
  /** Record not found. */
  RECORD_NOT_FOUND: 0x6a83,
  /** Referenced data not found. */
  DATA_NOT_FOUND: 0x6a88,
  /** Offset outside the EF. */
  WRONG_OFFSET: 0x6b00,
  /** INS not supported. */
  INS_NOT_SUPPORTED: 0x6d00,
  /** CLA not supported. */
  CLA_NOT_SUPPORTED: 0x6e00,
} as const;

/** `63Cx`: verification failed or tries queried, x tries left. */
export function swTriesLeft(tries: number): number {
  return 0x63c0 | Math.max(0, Math.min(15, tries));
}

/** A response APDU: data then SW1 SW2. */
export function respond(sw: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out[data.length] = sw >> 8;
  out[data.length + 1] = sw & 0xff;
  return out;
}
