/**
 * Maps pcsclite errors (messages like "SCardTransmit error: Card was removed.(0x80100069)")
 * to CardError codes by their PC/SC return code. Unknown codes count as `reader-gone`:
 * the session is dead either way and the next call starts again from SELECT.
 */
import { CardError, type CardErrorCode } from '../card-errors';

/** PC/SC return codes this layer distinguishes (winscard.h / pcsclite.h). */
export const PcscCode = {
  E_CANCELLED: 0x80100002,
  E_INVALID_HANDLE: 0x80100003,
  E_UNKNOWN_READER: 0x80100009,
  E_TIMEOUT: 0x8010000a,
  E_SHARING_VIOLATION: 0x8010000b,
  E_NO_SMARTCARD: 0x8010000c,
  F_COMM_ERROR: 0x80100013,
  E_NOT_TRANSACTED: 0x80100016,
  E_READER_UNAVAILABLE: 0x80100017,
  E_NO_SERVICE: 0x8010001d,
  E_SERVICE_STOPPED: 0x8010001e,
  E_NO_READERS_AVAILABLE: 0x8010002e,
  W_UNRESPONSIVE_CARD: 0x80100066,
  W_UNPOWERED_CARD: 0x80100067,
  W_RESET_CARD: 0x80100068,
  W_REMOVED_CARD: 0x80100069,
} as const;

/** The PC/SC return code inside a pcsclite error message, if any. */
export function pcscCodeOf(err: unknown): number | undefined {
  const msg = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const m = /\(0x([0-9a-fA-F]{8})\)/.exec(msg);
  return m?.[1] ? parseInt(m[1], 16) : undefined;
}

function codeFor(pcsc: number | undefined): CardErrorCode {
  switch (pcsc) {
    case PcscCode.W_REMOVED_CARD:
    case PcscCode.E_NO_SMARTCARD:
    case PcscCode.W_RESET_CARD: // someone reset the card: verified state is gone, start over
    case PcscCode.W_UNRESPONSIVE_CARD:
    case PcscCode.W_UNPOWERED_CARD:
    case PcscCode.E_NOT_TRANSACTED: // vpcd and real readers report a card lost mid-exchange this way
      return 'card-removed';
    case PcscCode.E_SHARING_VIOLATION:
      return 'busy';
    default:
      return 'reader-gone';
  }
}

/** Converts a pcsclite error into a CardError (keeping only the numeric code, no payload). */
export function cardErrorFromPcsc(err: unknown, operation: string): CardError {
  const pcsc = pcscCodeOf(err);
  const hex = pcsc === undefined ? 'unknown' : `0x${pcsc.toString(16)}`;
  return new CardError(codeFor(pcsc), `${operation} failed (PC/SC ${hex})`, { cause: err });
}
