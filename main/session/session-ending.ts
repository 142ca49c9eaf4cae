/**
 * Which ends of a session the first screen explains, and for how long (issue 16: every ending
 * explains). The session manager shows the ending after the wipe, so the words carry no personal
 * data, and counts it down with the kiosk's clock.
 *
 * - The card pulled mid-journey and the time running out always say why the journey stopped: the
 *   citizen did not ask for it.
 * - 最初に戻る and a finished journey say nothing more, unless the card is still in the reader:
 *   then THIS citizen is asked to take it (not the next person, whom the left-card guard warns).
 * - A renderer gone, crash recovery and shutdown have no one to tell.
 */
import type { EndReason, SessionEnding } from '../../contract/kiosk-api';

export interface EndingOptions {
  /** True while a card is in the reader (the kiosk has one slot). */
  cardInReader: () => boolean;
  /** How long an ending's words stay before the first screen (default 15 s: read at an elderly pace). */
  readMs?: number;
  /** How long 「カードをお取りください」 stays while the card is still in (default 30 s). */
  takeCardMs?: number;
}

export const DEFAULT_ENDING_READ_MS = 15_000;
export const DEFAULT_ENDING_TAKE_CARD_MS = 30_000;

type EndingReason = SessionEnding['reason'];

/** The ending to show after `reason`, or null for none. */
export function endingAfter(reason: EndReason, takeCard: boolean): EndingReason | null {
  switch (reason) {
    case 'timeout':
    case 'card-removed':
      return reason;
    case 'cancel':
    case 'complete':
      return takeCard ? reason : null;
    default:
      return null;
  }
}

/** How long the ending stays. */
export function endingMs(options: EndingOptions, takeCard: boolean): number {
  return takeCard ? (options.takeCardMs ?? DEFAULT_ENDING_TAKE_CARD_MS) : (options.readMs ?? DEFAULT_ENDING_READ_MS);
}
