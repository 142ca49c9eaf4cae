/**
 * A card the previous citizen left in the reader is never read for the next one.
 *
 * Without this, a citizen who pressed 最初の画面に戻る without taking the card would leave it for
 * the next session: its `begin()` reads whatever card is in the reader and shows that card's PIN
 * screen, so a stranger could use up the owner's PIN tries. At every session wipe the guard notes
 * the card still in the reader (reader name + ATR only: no personal data, nothing is read from the
 * card). Until that card is removed (a `cardRemoved` event for its reader, or the reader showing no
 * card or another ATR), the journeys ask for it to be taken out and staff are told; only a removal
 * and a new insertion lets a card in that reader be read.
 *
 * One guard is shared by every journey (the kiosk has one card slot); journeys built without one
 * (tests) make their own.
 */
import type { EndReason } from '../../contract/kiosk-api';
import type { MyNumberCardClient } from '../../devices/card/mynumber/my-number-card-client';
import { createLogger } from '../../platform/log';
import type { StaffAlert } from '../staff/staff-alert';

const log = createLogger('left-card-guard');

/** The message key of the insert-card view while the previous person's card is still in. */
export const LEFT_CARD_MESSAGE = {
  certificate: 'certificate.previousCardInReader',
  application: 'application.previousCardInReader',
} as const;

type LeftCard = { reader: string; atr: string };

export class LeftCardGuard {
  private left: LeftCard | null = null;
  /** Staff were told about the card now in `left` (once per left card). */
  private alerted = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly card: Pick<MyNumberCardClient, 'currentReader' | 'on'>,
    private readonly alertStaff: (alert: StaffAlert) => void,
  ) {
    this.unsubscribe = card.on('cardRemoved', (readerName) => {
      if (this.left?.reader !== readerName) return;
      log.info({ reader: readerName }, 'left card taken out');
      this.left = null;
      this.alerted = false;
    });
  }

  /**
   * Part of every session wipe: remembers a card still in the reader. A card left when the session
   * timed out (the citizen walked away from it) is told to staff at once. Idempotent: several
   * journeys' wipes note the same card once.
   */
  noteSessionEnd(reason: EndReason | undefined): void {
    const present = this.present();
    if (!present) {
      this.left = null;
      this.alerted = false;
      return;
    }
    if (this.left && sameCard(this.left, present)) return;
    this.left = present;
    this.alerted = false;
    log.info({ reader: present.reader, reason }, 'a card was left in the reader at the end of a session');
    if (reason === 'timeout') this.alertStaff({ code: 'card-left-at-timeout', severity: 'warning' });
  }

  /**
   * True when the card in the reader is the one a previous session left there (never removed
   * since): it must not be read. Staff are alerted the first time a new session finds it.
   */
  blocksReading(): boolean {
    if (!this.left) return false;
    const present = this.present();
    if (!present || !sameCard(this.left, present)) {
      // Gone (or another card in another reader): the old note no longer applies.
      this.left = null;
      this.alerted = false;
      return false;
    }
    if (!this.alerted) {
      this.alerted = true;
      this.alertStaff({ code: 'card-left-in-reader', severity: 'warning' });
    }
    return true;
  }

  /** Stops listening to the reader (runtime stop). */
  dispose(): void {
    this.unsubscribe();
  }

  private present(): LeftCard | null {
    const reader = this.card.currentReader();
    if (!reader?.cardPresent) return null;
    return { reader: reader.name, atr: reader.atr ? Buffer.from(reader.atr).toString('hex') : '' };
  }
}

function sameCard(a: LeftCard, b: LeftCard): boolean {
  return a.reader === b.reader && a.atr === b.atr;
}
