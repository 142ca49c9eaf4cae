/**
 * The optional electronic signature of an application with the card's 署名用電子証明書: the card
 * must be in the reader, then the 署名用パスワード (6–16 of A–Z/0–9, upper-cased, 5 tries). The
 * same rules as the PIN steps: tries left are read without using one, the last try is sent only
 * when the citizen confirmed it, a card pulled before the password is sent costs nothing, and a
 * locked password says so and leaves sending unsigned. The card signs SHA-256 of the canonical
 * payload bytes (contract/submission-signature.ts); the signature is checked here against the
 * certificate before it is attached, so a card fault never turns into a refused submission.
 *
 * Never logged: the password, the certificate (name, address, birth date) or the payload.
 */
import { constants, verify } from 'node:crypto';
import type { ApplicationView } from '../../contract/application-journey';
import type { ElectronicSignature } from '../../contract/submission-signature';
import { isCardError } from '../../devices/card/card-errors';
import type { MyNumberCardClient } from '../../devices/card/mynumber/my-number-card-client';
import { createLogger } from '../../platform/log';
import type { LeftCardGuard } from '../card-slot/left-card-guard';
import { signerFacts, signerMatches, type SignerFacts } from './signer-identity';

const log = createLogger('application-sign');

type PasswordView = Extract<ApplicationView, { step: 'sign-password' }>;

/** How the sign step reaches the journey it belongs to. */
export interface SignStepHost {
  show(view: ApplicationView): ApplicationView;
  current(): ApplicationView;
  /** The journey's generation (bumped by every wipe and every abandon). */
  generation(): number;
  bump(): number;
  /** The exact bytes to sign (the pending payload's canonical form), or null if nothing is pending. */
  signedBytes(): Buffer | null;
  /** Name and birth date the citizen identified with (from the card's 券面事項入力補助AP). */
  identifiedAs(): SignerFacts;
  /** The card signed and the signature checked: attach it and send. */
  signed(signature: ElectronicSignature): Promise<ApplicationView>;
}

/** The signing password's tries on a fresh card (JPKI). */
const MAX_TRIES = 5;

export class SignStep {
  constructor(
    private readonly card: MyNumberCardClient,
    private readonly leftCard: LeftCardGuard,
    private readonly host: SignStepHost,
  ) {}

  /** From `sign-choice`: ask for the card, or read the password status at once if it is in the reader. */
  async begin(): Promise<ApplicationView> {
    if (!this.card.currentReader() || this.leftCard.blocksReading()) return this.host.show({ step: 'sign-insert-card' });
    await this.readStatus();
    return this.host.current();
  }

  onInserted(): void {
    if (this.host.current().step === 'sign-insert-card' && !this.leftCard.blocksReading()) void this.readStatus();
  }

  onRemoved(): void {
    const step = this.host.current().step;
    if (step === 'sign-password' || step === 'signing') {
      // No password was sent by this removal; whatever was in flight is abandoned, not retried.
      this.host.bump();
      this.host.show({ step: 'sign-insert-card', messageKey: 'application.cardRemoved' });
    }
  }

  async submitPassword(password: string, confirmedLastTry: boolean): Promise<ApplicationView> {
    const view = this.host.current();
    if (view.step !== 'sign-password') return view;
    const message = this.host.signedBytes();
    if (!message) return view;
    const gen = this.host.generation();
    this.host.show({ step: 'signing' });
    // A Buffer, so the card client zero-fills it after use; the card compares upper-case bytes.
    const secret = Buffer.from(password.toUpperCase(), 'ascii');
    let signature: ElectronicSignature;
    try {
      const result = await this.card.signWithSignatureKey(secret, message, { confirmedLastTry });
      if (gen !== this.host.generation()) return this.host.current();
      const sig = Buffer.from(result.signature);
      const ok = verify('sha256', message, { key: result.certificate.x509.publicKey, padding: constants.RSA_PKCS1_PADDING }, sig);
      if (!ok) {
        log.warn({ code: 'signature-does-not-verify' }, 'the card returned a signature that does not verify');
        return this.host.show({ step: 'sign-choice', canSign: true, messageKey: 'application.error.signFailed' });
      }
      // A card swapped since identification: its holder may not sign this citizen's application.
      if (!signerMatches(signerFacts(result.certificate.der), this.host.identifiedAs())) {
        log.warn({ code: 'signer-not-identified-person' }, 'the signing card is not the card the citizen identified with');
        return this.host.show({ step: 'sign-choice', canSign: true, messageKey: 'application.error.signOtherCard' });
      }
      signature = {
        algorithm: 'sha256WithRSAEncryption',
        canonicalization: 'canonical-json-utf8-v1',
        signature: sig.toString('base64'),
        certificate: Buffer.from(result.certificate.der).toString('base64'),
      };
    } catch (err) {
      secret.fill(0);
      if (gen !== this.host.generation()) return this.host.current();
      return this.host.show(this.afterFailure(err, view));
    }
    log.info({ code: 'signed' }, 'application signed with the card');
    return this.host.signed(signature);
  }

  private async readStatus(): Promise<void> {
    const gen = this.host.generation();
    this.host.show({ step: 'signing' });
    try {
      const status = await this.card.getSignPasswordStatus();
      if (gen !== this.host.generation()) return;
      if (status.blocked || status.triesLeft < 1) this.host.show(this.locked());
      else this.host.show({ step: 'sign-password', triesLeft: Math.min(MAX_TRIES, status.triesLeft), lastTry: status.lastTry });
    } catch (err) {
      if (gen !== this.host.generation()) return;
      this.host.show(this.cardFailure(err));
    }
  }

  private afterFailure(err: unknown, view: PasswordView): ApplicationView {
    if (isCardError(err, 'wrong-pin')) {
      const left = err.triesLeft ?? 0;
      if (left <= 0) return this.locked();
      return { step: 'sign-password', triesLeft: Math.min(MAX_TRIES, left), lastTry: left === 1, errorKey: 'application.error.wrongSignPassword' };
    }
    if (isCardError(err, 'pin-blocked')) return this.locked();
    if (isCardError(err, 'last-try-needs-confirmation')) return { ...view, errorKey: 'application.error.confirmLastTry' };
    if (isCardError(err, 'pin-format')) return { ...view, errorKey: 'application.error.signPasswordFormat' };
    return this.cardFailure(err);
  }

  private locked(): ApplicationView {
    return { step: 'sign-choice', canSign: false, messageKey: 'application.error.signPasswordLocked' };
  }

  private cardFailure(err: unknown): ApplicationView {
    if (isCardError(err, 'card-removed', 'no-card')) return { step: 'sign-insert-card', messageKey: 'application.cardRemoved' };
    // Take the card out and insert it again. A VERIFY left unanswered (pinTryUnknown) is not
    // re-sent: the re-inserted card's password tries are read first (no try used) and shown.
    if (isCardError(err, 'card-timeout')) return { step: 'sign-insert-card', messageKey: 'application.cardTimeout' };
    if (isCardError(err, 'not-my-number-card')) return { step: 'sign-insert-card', messageKey: 'application.error.notMyNumberCard' };
    log.warn({ code: isCardError(err) ? err.code : err instanceof Error ? err.name : typeof err }, 'card could not sign');
    return { step: 'sign-choice', canSign: true, messageKey: 'application.error.signFailed' };
  }
}
