/**
 * The card part of the applications journey: insert the card, the 4-digit 券面事項入力補助用 PIN,
 * read the basic four and the 個人番号. The same rules as the certificate PIN: tries left are
 * read without using one, the last try is sent only when the citizen confirmed it, a card pulled
 * before the PIN is sent costs nothing, and a blocked or unreadable card falls back to typing.
 */
import type { CardFacts } from '../../contract/applications';
import type { ApplicationView } from '../../contract/application-journey';
import { isCardError } from '../../devices/card/card-errors';
import type { MyNumberCardClient } from '../../devices/card/mynumber/my-number-card-client';
import { createLogger } from '../../platform/log';
import { LEFT_CARD_MESSAGE, type LeftCardGuard } from '../card-slot/left-card-guard';
import { cardFactsFrom } from './card-facts';

const log = createLogger('application-card');

type PinView = Extract<ApplicationView, { step: 'pin' }>;

/** How the card step reaches the journey it belongs to. */
export interface CardStepHost {
  show(view: ApplicationView): ApplicationView;
  current(): ApplicationView;
  /** The journey's generation (bumped by every wipe and every abandon). */
  generation(): number;
  bump(): number;
  /** The card gave its facts: plan the interview with them. */
  identified(facts: CardFacts): ApplicationView;
}

export class CardStep {
  constructor(
    private readonly card: MyNumberCardClient,
    /** A card the previous session left in the reader is never read (its owner's PIN tries are theirs). */
    private readonly leftCard: LeftCardGuard,
    private readonly host: CardStepHost,
  ) {}

  /** From `identify`: wait for the card, or read it at once if it is already in the reader (unless it was left there). */
  async begin(): Promise<ApplicationView> {
    this.host.show({ step: 'insert-card' });
    if (this.card.currentReader()) await this.readUnlessLeft();
    return this.host.current();
  }

  onInserted(): void {
    if (this.host.current().step === 'insert-card') void this.readUnlessLeft();
  }

  onRemoved(): void {
    const view = this.host.current();
    const step = view.step;
    // The previous person's card was taken out: the next one inserted is read.
    if (step === 'insert-card' && view.messageKey === LEFT_CARD_MESSAGE.application) this.host.show({ step: 'insert-card' });
    if (step === 'pin' || step === 'reading-card') {
      // No PIN was sent by this removal; whatever was in flight is abandoned, not retried.
      this.host.bump();
      this.host.show({ step: 'insert-card', messageKey: 'application.cardRemoved' });
    }
  }

  async submitPin(pin: string, confirmedLastTry: boolean): Promise<ApplicationView> {
    const view = this.host.current();
    if (view.step !== 'pin') return view;
    const gen = this.host.generation();
    this.host.show({ step: 'reading-card' });
    try {
      // A Buffer, so the card client zero-fills the PIN after use.
      const record = await this.card.readBasicInfo(Buffer.from(pin, 'ascii'), { confirmedLastTry });
      if (gen !== this.host.generation()) return this.host.current();
      return this.host.identified(cardFactsFrom(record));
    } catch (err) {
      if (gen !== this.host.generation()) return this.host.current();
      return this.host.show(this.afterPinFailure(err, view));
    }
  }

  private async readUnlessLeft(): Promise<void> {
    if (this.leftCard.blocksReading()) this.host.show({ step: 'insert-card', messageKey: LEFT_CARD_MESSAGE.application });
    else await this.readStatus();
  }

  private async readStatus(): Promise<void> {
    const gen = this.host.generation();
    this.host.show({ step: 'reading-card' });
    try {
      const status = await this.card.getTextApPinStatus();
      if (gen !== this.host.generation()) return;
      if (status.blocked || status.triesLeft < 1) this.host.show({ step: 'identify', messageKey: 'application.error.pinBlocked' });
      else this.host.show({ step: 'pin', triesLeft: Math.min(3, status.triesLeft), lastTry: status.lastTry });
    } catch (err) {
      if (gen !== this.host.generation()) return;
      this.host.show(this.readFailure(err));
    }
  }

  private afterPinFailure(err: unknown, pinView: PinView): ApplicationView {
    if (isCardError(err, 'wrong-pin')) {
      const left = err.triesLeft ?? 0;
      if (left <= 0) return { step: 'identify', messageKey: 'application.error.pinBlocked' };
      return { step: 'pin', triesLeft: Math.min(3, left), lastTry: left === 1, errorKey: 'application.error.wrongPin' };
    }
    if (isCardError(err, 'pin-blocked')) return { step: 'identify', messageKey: 'application.error.pinBlocked' };
    if (isCardError(err, 'last-try-needs-confirmation')) return { ...pinView, errorKey: 'application.error.confirmLastTry' };
    return this.readFailure(err);
  }

  private readFailure(err: unknown): ApplicationView {
    if (isCardError(err, 'card-removed', 'no-card')) return { step: 'insert-card', messageKey: 'application.cardRemoved' };
    // Take the card out and insert it again. A VERIFY left unanswered (pinTryUnknown) is not
    // re-sent: the re-inserted card's tries are read first (no try used) and shown on the PIN screen.
    if (isCardError(err, 'card-timeout')) return { step: 'insert-card', messageKey: 'application.cardTimeout' };
    if (isCardError(err, 'not-my-number-card')) return { step: 'identify', messageKey: 'application.error.notMyNumberCard' };
    log.warn({ code: isCardError(err) ? err.code : err instanceof Error ? err.name : typeof err }, 'card could not be read');
    return { step: 'identify', messageKey: 'application.error.cardUnreadable' };
  }
}
