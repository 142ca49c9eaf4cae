/**
 * The card-secret step, one for both journeys: the 4-digit 利用者証明用 PIN (certificates), the
 * 4-digit 券面事項入力補助用 PIN (applications) and the 6–16 character 署名用パスワード (e-signature).
 *
 * Its rules, in one place:
 *  - tries left are read with an empty VERIFY, which uses no try, and clamped to the secret's maximum;
 *  - the last try is used only when the citizen confirmed it: with the screen showing one try left
 *    and no confirmation nothing reaches the card (the card layer checks again against the card's
 *    own count, which may have dropped since, e.g. after a VERIFY left unanswered);
 *  - the secret is sent at most once per call (the card layer never retries a VERIFY);
 *  - a card pulled before or while the secret is sent costs nothing (`card-out`: no try was used
 *    by the kiosk, the card is asked for again);
 *  - the secret lives only in a Buffer that is zero-filled when the call ends, on every path
 *    (success, wrong secret, refusal, error, time-out, pulled card). The typed string itself
 *    cannot be wiped; it is dropped by the caller at once.
 *
 * Which screen each failure shows is the journey's business (secret-failure.ts gives the meaning).
 */
import type { PinKind } from '../../devices/card/mynumber/card-constants';
import { MAX_TRIES } from '../../devices/card/mynumber/card-constants';
import type { MyNumberCardClient, PinStatus, VerifyOptions } from '../../devices/card/mynumber/my-number-card-client';
import { assertSecretFormat } from '../../devices/card/mynumber/pin-policy';
import { createLogger, errorCode } from '../../platform/log';
import { clampTries, secretFailure, type SecretFailure } from './secret-failure';

const log = createLogger('card-secret');

/** Which secret a step asks for (the card layer's names). */
export type CardSecretKind = PinKind;

/** What the secret's screen shows: tries left (1 up to the maximum) and whether it is the last. */
export interface SecretPrompt {
  readonly triesLeft: number;
  readonly lastTry: boolean;
}

/** The outcome of a step: its value, or why not. Never throws. */
export type SecretOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: SecretFailure };

/** Sends the secret to the card once (the card client's call), with the confirmation to pass on. */
export type SendSecret<T> = (secret: Buffer, opts: VerifyOptions) => Promise<T>;

export class CardSecretStep {
  /** Tries a fresh secret of this kind has (3 for PINs, 5 for the signing password). */
  readonly maxTries: number;

  constructor(
    private readonly card: MyNumberCardClient,
    readonly kind: CardSecretKind,
  ) {
    this.maxTries = MAX_TRIES[kind];
  }

  /**
   * Tries left, using none. `first` is a check of the card the journey wants before (the
   * certificate journey's detect); its failure is mapped like the read's.
   */
  async readTries(first?: () => Promise<unknown>): Promise<SecretOutcome<SecretPrompt>> {
    try {
      if (first) await first();
      const status = await this.status();
      const triesLeft = clampTries(status.triesLeft, this.maxTries);
      if (triesLeft < 1) return { ok: false, failure: { kind: 'blocked' } };
      return { ok: true, value: { triesLeft, lastTry: triesLeft === 1 } };
    } catch (err) {
      return { ok: false, failure: this.failure(err) };
    }
  }

  /**
   * Uses the typed secret once: refuses the last try without confirmation and a malformed secret
   * (nothing sent), otherwise calls `send` with the secret's bytes, and wipes them afterwards.
   * `shown` is what the screen showed when the citizen typed. Whatever `send` throws comes back as
   * a failure (a journey's own error as `other`).
   */
  async use<T>(typed: string, shown: SecretPrompt, confirmedLastTry: boolean, send: SendSecret<T>): Promise<SecretOutcome<T>> {
    // UTF-8, so a character outside ASCII never folds into a valid byte: the format check refuses it.
    const secret = Buffer.from(typed, 'utf8');
    try {
      if (shown.lastTry && !confirmedLastTry) return { ok: false, failure: { kind: 'confirm-last-try' } };
      assertSecretFormat(this.kind, secret);
      return { ok: true, value: await send(secret, { confirmedLastTry }) };
    } catch (err) {
      return { ok: false, failure: this.failure(err) };
    } finally {
      secret.fill(0);
    }
  }

  private status(): Promise<PinStatus> {
    switch (this.kind) {
      case 'auth-pin':
        return this.card.getAuthPinStatus();
      case 'text-pin':
        return this.card.getTextApPinStatus();
      case 'sign-password':
        return this.card.getSignPasswordStatus();
    }
  }

  private failure(err: unknown): SecretFailure {
    const failure = secretFailure(err, this.maxTries);
    if (failure.kind === 'other') log.warn({ kind: this.kind, code: errorCode(err) }, 'card secret step failed');
    return failure;
  }
}
