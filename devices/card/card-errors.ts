/**
 * Typed errors of the card layer. Every failure the card stack reports is a `CardError`
 * with a `code`; callers switch on the code, never on message text.
 *
 * Messages never contain PINs, APDU bytes or personal data, only codes and counts.
 */

/** Every way a card operation can fail, as a discriminant for `switch`. */
export type CardErrorCode =
  /** VERIFY rejected the PIN; `triesLeft` says how many tries remain (0 = now blocked). */
  | 'wrong-pin'
  /** The PIN is blocked (6984, or 0 tries known before sending). Unblock at the ward office. */
  | 'pin-blocked'
  /** The card refused: security status not satisfied (6982), e.g. a protected file without its PIN. */
  | 'security-status-not-satisfied'
  /** The selected file or application does not exist (6A82). */
  | 'file-not-found'
  /** Wrong Lc/Le (6700, or 6Cxx that could not be corrected). */
  | 'wrong-length'
  /** Any other status word the protocol did not expect; `sw` holds it. */
  | 'unexpected-status'
  /** The card answered bytes that do not parse (short response, bad TLV, bad record). */
  | 'malformed-response'
  /** The card was removed (or reset by someone else) during or before the command. */
  | 'card-removed'
  /** No card is in the reader. */
  | 'no-card'
  /**
   * The card or reader did not answer an APDU within its bound (or an earlier APDU to the card in
   * this reader is still unanswered). The session was dropped and the card reset; take the card
   * out and insert it again. With `pinTryUnknown` the unanswered APDU was a VERIFY carrying a PIN.
   */
  | 'card-timeout'
  /** The reader disappeared, or the PC/SC service went away. */
  | 'reader-gone'
  /** No usable reader is available. */
  | 'no-reader'
  /** The card in the reader is not a My Number Card (the JPKI AID does not select). */
  | 'not-my-number-card'
  /** The PIN/password has the wrong format; nothing was sent to the card. */
  | 'pin-format'
  /** Only one try is left and the caller did not pass `confirmedLastTry: true`; nothing was sent. */
  | 'last-try-needs-confirmation'
  /** Another operation is using the card; try again after it completes. */
  | 'busy'
  /** The reader was refused by policy (virtual reader in `real` mode, not allow-listed). */
  | 'reader-refused'
  /** A signature verification or integrity hash check failed. */
  | 'integrity-check-failed'
  /** Bad argument from the caller (e.g. an empty challenge). Nothing was sent. */
  | 'invalid-argument';

/** Details that some codes carry. */
export interface CardErrorDetails {
  /** Status word (SW1<<8|SW2) when the error came from the card. */
  readonly sw?: number;
  /** Tries left for `wrong-pin` / `pin-blocked` / `last-try-needs-confirmation`. */
  readonly triesLeft?: number;
  /** The underlying error, if any (never contains secrets). */
  readonly cause?: unknown;
  /**
   * `card-timeout` only: a VERIFY carrying a PIN was sent and its answer never came, so whether the
   * card used a try is unknown. It is never re-sent; tries left must be re-read (empty VERIFY, no
   * try used) before any further attempt.
   */
  readonly pinTryUnknown?: boolean;
}

/** The one error class of the card layer. */
export class CardError extends Error {
  /** What went wrong, as a stable discriminant. */
  readonly code: CardErrorCode;
  /** Status word when the card answered one. */
  readonly sw: number | undefined;
  /** Remaining tries when the error concerns a PIN. */
  readonly triesLeft: number | undefined;
  /** True when a VERIFY with a PIN went unanswered (see CardErrorDetails.pinTryUnknown). */
  readonly pinTryUnknown: boolean;

  constructor(code: CardErrorCode, message?: string, details: CardErrorDetails = {}) {
    super(message ?? code, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'CardError';
    this.code = code;
    this.sw = details.sw;
    this.triesLeft = details.triesLeft;
    this.pinTryUnknown = details.pinTryUnknown === true;
  }
}

/** True when `e` is a CardError, optionally with one of the given codes. */
export function isCardError(e: unknown, ...codes: CardErrorCode[]): e is CardError {
  return e instanceof CardError && (codes.length === 0 || codes.includes(e.code));
}

/** Codes after which the session is unusable: the next attempt must reconnect and start from SELECT. */
export const SESSION_FATAL_CODES: readonly CardErrorCode[] = ['card-removed', 'no-card', 'reader-gone', 'no-reader', 'card-timeout'];

/** Formats a status word as 4 hex digits for messages and logs (a status word is not personal data). */
export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}
