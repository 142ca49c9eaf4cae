/**
 * The card part of the applications journey: insert the card, the 4-digit 券面事項入力補助用 PIN,
 * read the basic four and the 個人番号. The PIN itself goes through the card-secret step
 * (main/card-secret/: tries left read without using one, last try only when confirmed, a pulled
 * card costs nothing, the PIN wiped); a blocked or unreadable card falls back to typing.
 */
import type { CardFacts } from '../../contract/applications';
import type { ApplicationView } from '../../contract/application-journey';
import type { MyNumberCardClient } from '../../devices/card/mynumber/my-number-card-client';
import { createLogger, errorCode } from '../../platform/log';
import { CardSecretStep } from '../card-secret/card-secret-step';
import type { SecretFailure } from '../card-secret/secret-failure';
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
  /** The 券面事項入力補助用 PIN (4 digits, 3 tries): read, confirmed, sent once, wiped. */
  private readonly pin: CardSecretStep;

  constructor(
    private readonly card: MyNumberCardClient,
    /** A card the previous session left in the reader is never read (its owner's PIN tries are theirs). */
    private readonly leftCard: LeftCardGuard,
    private readonly host: CardStepHost,
  ) {
    this.pin = new CardSecretStep(card, 'text-pin');
  }

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
    const used = await this.pin.use(pin, view, confirmedLastTry, async (secret, opts) => cardFactsFrom(await this.card.readBasicInfo(secret, opts)));
    if (gen !== this.host.generation()) return this.host.current();
    if (!used.ok) return this.host.show(this.afterPinFailure(used.failure, view));
    return this.host.identified(used.value);
  }

  private async readUnlessLeft(): Promise<void> {
    if (this.leftCard.blocksReading()) this.host.show({ step: 'insert-card', messageKey: LEFT_CARD_MESSAGE.application });
    else await this.readStatus();
  }

  private async readStatus(): Promise<void> {
    const gen = this.host.generation();
    this.host.show({ step: 'reading-card' });
    const read = await this.pin.readTries();
    if (gen !== this.host.generation()) return;
    this.host.show(read.ok ? { step: 'pin', ...read.value } : this.readFailure(read.failure));
  }

  private afterPinFailure(failure: SecretFailure, pinView: PinView): ApplicationView {
    if (failure.kind === 'wrong') return { step: 'pin', triesLeft: failure.triesLeft, lastTry: failure.lastTry, errorKey: 'application.error.wrongPin' };
    // The card's own count may be 1 while the screen still showed more: show the last try, so it can be confirmed.
    if (failure.kind === 'confirm-last-try') return { ...pinView, triesLeft: 1, lastTry: true, errorKey: 'application.error.confirmLastTry' };
    return this.readFailure(failure);
  }

  private readFailure(failure: SecretFailure): ApplicationView {
    switch (failure.kind) {
      case 'card-out':
        return { step: 'insert-card', messageKey: 'application.cardRemoved' };
      // Take the card out and insert it again. A VERIFY left unanswered (pinTryUnknown) is not
      // re-sent: the re-inserted card's tries are read first (no try used) and shown on the PIN screen.
      case 'card-timeout':
        return { step: 'insert-card', messageKey: 'application.cardTimeout' };
      case 'blocked':
        return { step: 'identify', messageKey: 'application.error.pinBlocked' };
      case 'not-my-number-card':
        return { step: 'identify', messageKey: 'application.error.notMyNumberCard' };
      default:
        log.warn({ code: failure.kind === 'other' ? errorCode(failure.error) : failure.kind }, 'card could not be read');
        return { step: 'identify', messageKey: 'application.error.cardUnreadable' };
    }
  }
}
