/**
 * A card that goes silent: it answers a number of APDUs, then answers none (not even an error
 * status) until it is reset, as a card whose chip hung mid-session does. Wraps any `ApduCard`,
 * so the same behaviour runs in the in-process reader and through pcscd + vpcd.
 *
 * The APDU that meets the silence never reaches the wrapped card: a PIN in it is not checked and
 * uses no try. A reset (the reader's reset after a time-out, or a re-insertion) revives the card.
 */
import type { ApduCard } from './apdu-card';

export class SilentCard implements ApduCard {
  /** APDUs still answered before the silence; undefined = not armed. */
  private answersLeft: number | undefined;
  private mute = false;
  /** APDUs the card received and did not answer (for tests: what the silence swallowed). */
  readonly unanswered: Uint8Array[] = [];

  /** `silentAfter`: arm at once (see goSilentAfter); omitted = behaves like the wrapped card. */
  constructor(
    private readonly inner: ApduCard,
    silentAfter?: number,
  ) {
    if (silentAfter !== undefined) this.goSilentAfter(silentAfter);
  }

  get atr(): Uint8Array {
    return this.inner.atr;
  }

  /** True while the card answers nothing. */
  get silent(): boolean {
    return this.mute;
  }

  /** Answers `n` more APDUs (0 = none), then goes silent until reset. */
  goSilentAfter(n: number): void {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('silentAfter must be a whole number ≥ 0');
    this.answersLeft = n;
  }

  transmit(command: Uint8Array): Uint8Array | null {
    if (!this.mute && this.answersLeft === 0) {
      this.mute = true;
      this.answersLeft = undefined;
    }
    if (this.mute) {
      this.unanswered.push(Uint8Array.from(command.subarray(0, 4))); // header only: never keep a PIN
      return null;
    }
    if (this.answersLeft !== undefined) this.answersLeft--;
    return this.inner.transmit(command);
  }

  /** A reset revives a silent card (an armed, not yet silent one stays armed: reset at insertion). */
  reset(): void {
    this.mute = false;
    this.inner.reset();
  }
}
