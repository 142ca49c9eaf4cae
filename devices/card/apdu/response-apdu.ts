/**
 * Response APDUs and the mapping of status words to typed errors.
 * `parseResponse` is total: any byte string gives a response or CardError `malformed-response`.
 */
import { CardError, swHex } from '../card-errors';

/** A parsed response APDU. */
export interface ResponseApdu {
  /** Response data (without the status word). */
  readonly data: Uint8Array;
  /** Status word SW1<<8 | SW2. */
  readonly sw: number;
}

/** Success. */
export const SW_OK = 0x9000;

/** Splits raw response bytes into data and status word. */
export function parseResponse(raw: Uint8Array): ResponseApdu {
  if (!(raw instanceof Uint8Array) || raw.length < 2) {
    throw new CardError('malformed-response', 'response shorter than a status word');
  }
  const n = raw.length;
  const sw = ((raw[n - 2] as number) << 8) | (raw[n - 1] as number);
  if ((sw & 0xf000) !== 0x9000 && (sw & 0xf000) !== 0x6000) {
    // ISO 7816-3: SW1 is 6X or 9X; anything else means the reader or card garbled the frame.
    throw new CardError('malformed-response', `invalid SW1 in ${swHex(sw)}`, { sw });
  }
  return { data: raw.subarray(0, n - 2), sw };
}

/** What the command was doing, which changes how some status words read. */
export type SwContext = 'verify' | 'select-aid' | 'other';

/** Tries left encoded in a 63Cx status word, or undefined for other words. */
export function triesFromSw(sw: number): number | undefined {
  return (sw & 0xfff0) === 0x63c0 ? sw & 0x0f : undefined;
}

/** Maps a non-9000 status word to the typed error the caller should see. */
export function errorForSw(sw: number, context: SwContext = 'other'): CardError {
  const tries = triesFromSw(sw);
  if (tries !== undefined) {
    return tries === 0
      ? new CardError('wrong-pin', 'wrong PIN; the PIN is now blocked', { sw, triesLeft: 0 })
      : new CardError('wrong-pin', `wrong PIN; ${tries} tries left`, { sw, triesLeft: tries });
  }
  if (context === 'select-aid' && (sw === 0x6a82 || sw === 0x6a86 || sw === 0x6d00 || sw === 0x6e00 || sw === 0x6999)) {
    return new CardError('not-my-number-card', `application not found (${swHex(sw)})`, { sw });
  }
  switch (sw) {
    case 0x6984:
    case 0x6983:
      return new CardError('pin-blocked', 'PIN blocked', { sw, triesLeft: 0 });
    case 0x6982:
      return new CardError('security-status-not-satisfied', 'security status not satisfied', { sw });
    case 0x6a82:
      return new CardError('file-not-found', 'file not found', { sw });
    case 0x6700:
      return new CardError('wrong-length', 'wrong length', { sw });
    default:
      if ((sw & 0xff00) === 0x6c00) return new CardError('wrong-length', `wrong Le (${swHex(sw)})`, { sw });
      return new CardError('unexpected-status', `unexpected status ${swHex(sw)}`, { sw });
  }
}

/** Returns the data of a 9000 response or throws the mapped error. */
export function expectOk(r: ResponseApdu, context: SwContext = 'other'): Uint8Array {
  if (r.sw !== SW_OK) throw errorForSw(r.sw, context);
  return r.data;
}
