/**
 * The optional electronic signature of an application with the card's 署名用電子証明書: the card
 * must be in the reader, then the 署名用パスワード (6–16 of A–Z/0–9, upper-cased, 5 tries) through
 * the card-secret step (main/card-secret/: tries left read without using one, last try only when
 * confirmed, a pulled card costs nothing, the password wiped); a locked password says so and leaves
 * sending unsigned. The card signs SHA-256 of the canonical
 * payload bytes (contract/submission-signature.ts); the signature is checked here against the
 * certificate before it is attached, so a card fault never turns into a refused submission.
 *
 * Never logged: the password, the certificate (name, address, birth date) or the payload.
 */
import { constants, verify } from 'node:crypto';
import type { ApplicationView } from '../../contract/application-journey';
import type { ElectronicSignature } from '../../contract/submission-signature';
import type { JpkiSignature, MyNumberCardClient } from '../../devices/card/mynumber/my-number-card-client';
import { createLogger, errorCode } from '../../platform/log';
import { CardSecretStep } from '../card-secret/card-secret-step';
import type { SecretFailure } from '../card-secret/secret-failure';
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

export class SignStep {
  /** The 署名用パスワード (6–16 of A–Z/0–9, 5 tries): read, confirmed, sent once, wiped. */
  private readonly password: CardSecretStep;

  constructor(
    private readonly card: MyNumberCardClient,
    private readonly leftCard: LeftCardGuard,
    private readonly host: SignStepHost,
  ) {
    this.password = new CardSecretStep(card, 'sign-password');
  }

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
    // The card layer upper-cases the password's bytes (the card compares upper-case) and the step wipes them.
    const used = await this.password.use(password, view, confirmedLastTry, async (secret, opts) =>
      this.checked(await this.card.signWithSignatureKey(secret, message, opts), message),
    );
    if (gen !== this.host.generation()) return this.host.current();
    if (!used.ok) return this.host.show(this.afterFailure(used.failure, view));
    if (typeof used.value === 'string') return this.host.show({ step: 'sign-choice', canSign: true, messageKey: used.value });
    log.info({ code: 'signed' }, 'application signed with the card');
    return this.host.signed(used.value);
  }

  /** The card's signature, checked against its certificate and the identified citizen; else the message to show. */
  private checked(result: JpkiSignature, message: Buffer): ElectronicSignature | string {
    const sig = Buffer.from(result.signature);
    const ok = verify('sha256', message, { key: result.certificate.x509.publicKey, padding: constants.RSA_PKCS1_PADDING }, sig);
    if (!ok) {
      log.warn({ code: 'signature-does-not-verify' }, 'the card returned a signature that does not verify');
      return 'application.error.signFailed';
    }
    // A card swapped since identification: its holder may not sign this citizen's application.
    if (!signerMatches(signerFacts(result.certificate.der), this.host.identifiedAs())) {
      log.warn({ code: 'signer-not-identified-person' }, 'the signing card is not the card the citizen identified with');
      return 'application.error.signOtherCard';
    }
    return {
      algorithm: 'sha256WithRSAEncryption',
      canonicalization: 'canonical-json-utf8-v1',
      signature: sig.toString('base64'),
      certificate: Buffer.from(result.certificate.der).toString('base64'),
    };
  }

  private async readStatus(): Promise<void> {
    const gen = this.host.generation();
    this.host.show({ step: 'signing' });
    const read = await this.password.readTries();
    if (gen !== this.host.generation()) return;
    this.host.show(read.ok ? { step: 'sign-password', ...read.value } : this.cardFailure(read.failure));
  }

  private afterFailure(failure: SecretFailure, view: PasswordView): ApplicationView {
    switch (failure.kind) {
      case 'wrong':
        return { step: 'sign-password', triesLeft: failure.triesLeft, lastTry: failure.lastTry, errorKey: 'application.error.wrongSignPassword' };
      case 'confirm-last-try':
        // The card's own count may be 1 while the screen still showed more: show the last try, so it can be confirmed.
        return { ...view, triesLeft: 1, lastTry: true, errorKey: 'application.error.confirmLastTry' };
      case 'format':
        return { ...view, errorKey: 'application.error.signPasswordFormat' };
      default:
        return this.cardFailure(failure);
    }
  }

  private locked(): ApplicationView {
    return { step: 'sign-choice', canSign: false, messageKey: 'application.error.signPasswordLocked' };
  }

  private cardFailure(failure: SecretFailure): ApplicationView {
    switch (failure.kind) {
      case 'card-out':
        return { step: 'sign-insert-card', messageKey: 'application.cardRemoved' };
      // Take the card out and insert it again. A VERIFY left unanswered (pinTryUnknown) is not
      // re-sent: the re-inserted card's password tries are read first (no try used) and shown.
      case 'card-timeout':
        return { step: 'sign-insert-card', messageKey: 'application.cardTimeout' };
      case 'not-my-number-card':
        return { step: 'sign-insert-card', messageKey: 'application.error.notMyNumberCard' };
      case 'blocked':
        return this.locked();
      default:
        log.warn({ code: failure.kind === 'other' ? errorCode(failure.error) : failure.kind }, 'card could not sign');
        return { step: 'sign-choice', canSign: true, messageKey: 'application.error.signFailed' };
    }
  }
}
