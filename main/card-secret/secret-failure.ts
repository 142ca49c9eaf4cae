/**
 * The one reading of a card-secret failure (4-digit PIN or signing password), shared by both
 * journeys: each journey only says which of its screens shows each kind. Pure.
 *
 * Tries left are clamped to the secret's own maximum: the card's counter is a 4-bit nibble (63Cx),
 * so a card (or a reader) that reports more than the PIN can have must never make the screen promise
 * tries the citizen does not have; a count of 0 or below is a blocked secret.
 */
import { isCardError } from '../../devices/card/card-errors';

/** Why a card-secret step did not end with the card's answer. */
export type SecretFailure =
  /** The card refused the secret; `triesLeft` (1 or more, clamped) remain. */
  | { readonly kind: 'wrong'; readonly triesLeft: number; readonly lastTry: boolean }
  /** No try left (blocked before, or by this try): unblocking is done at the ward office. */
  | { readonly kind: 'blocked' }
  /** One try left and the citizen did not confirm using it: nothing was sent. */
  | { readonly kind: 'confirm-last-try' }
  /** The secret has the wrong format: nothing was sent. */
  | { readonly kind: 'format' }
  /** The card was pulled or is not in the reader: no try was used, the card is asked for again. */
  | { readonly kind: 'card-out' }
  /**
   * The card did not answer: it is taken out and inserted again. With `pinTryUnknown` the VERIFY
   * carrying the secret went unanswered; it is never re-sent, and the re-inserted card's tries are
   * read first (no try used), so the screen shows the real count and the last-try confirmation.
   */
  | { readonly kind: 'card-timeout'; readonly pinTryUnknown: boolean }
  /** The card is not a My Number Card. */
  | { readonly kind: 'not-my-number-card' }
  /** A file the step needs (e.g. a certificate) is not on the card. */
  | { readonly kind: 'no-certificate' }
  /** Anything else: an unreadable card, or the journey's own error (e.g. the ward's), kept for its mapping. */
  | { readonly kind: 'other'; readonly error: unknown };

/** Tries left as the screen may show them: 0 (blocked) up to the secret's maximum. */
export function clampTries(triesLeft: number, maxTries: number): number {
  if (!Number.isInteger(triesLeft) || triesLeft < 0) return 0;
  return Math.min(maxTries, triesLeft);
}

/** Maps whatever a card-secret step threw to what it means for the citizen. */
export function secretFailure(err: unknown, maxTries: number): SecretFailure {
  if (isCardError(err, 'wrong-pin')) {
    const left = clampTries(err.triesLeft ?? 0, maxTries);
    return left < 1 ? { kind: 'blocked' } : { kind: 'wrong', triesLeft: left, lastTry: left === 1 };
  }
  if (isCardError(err, 'pin-blocked')) return { kind: 'blocked' };
  if (isCardError(err, 'last-try-needs-confirmation')) return { kind: 'confirm-last-try' };
  if (isCardError(err, 'pin-format')) return { kind: 'format' };
  if (isCardError(err, 'card-removed', 'no-card')) return { kind: 'card-out' };
  if (isCardError(err, 'card-timeout')) return { kind: 'card-timeout', pinTryUnknown: err.pinTryUnknown };
  if (isCardError(err, 'not-my-number-card')) return { kind: 'not-my-number-card' };
  if (isCardError(err, 'file-not-found')) return { kind: 'no-certificate' };
  return { kind: 'other', error: err };
}
