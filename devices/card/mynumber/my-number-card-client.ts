/**
 * MyNumberCardClient: the service-level API the main side uses. One method per kiosk step;
 * each opens its own exclusive session, starts from SELECT, and closes the session with a card
 * reset so no verified-PIN state outlives the call. Calls are serialised (one card, one
 * operation at a time). Nothing here retries: a failed call (card pulled, reader gone,
 * pcscd restarted) ends with a CardError and the next call starts again from SELECT;
 * in particular no VERIFY is ever sent twice for one call.
 *
 * Every APDU waits at most `apduTimeoutMs`. A card that does not answer ends the call with
 * `card-timeout`; its session is dropped and the card reset, so the calls queued behind it run
 * (and fail fast with `card-timeout` while that card stays in the reader) instead of waiting for
 * the card to be pulled. The citizen is asked to take the card out and insert it again; the
 * next call then starts from SELECT on the card inserted. When the unanswered APDU was the
 * VERIFY with the PIN (`pinTryUnknown`), whether a try was used is unknown: the VERIFY is not
 * sent again, and every PIN call first re-reads the tries left with an empty VERIFY (no try
 * used, pin-verification.ts), so the citizen sees the card's real count, and the last-try
 * confirmation if it is down to one, before any further attempt.
 */
import { CardError, isCardError } from '../card-errors';
import { DEFAULT_APDU_TIMEOUT_MS, type CardReaderEvents, type CardReaderInfo, type CardReaderManager } from '../card-reader-manager';
import { ApduChannel } from '../apdu/apdu-channel';
import { createLogger } from '../../../platform/log';
import type { CardCertificate } from './certificate-file';
import { jpkiPinStatus, readAuthCertificates, readSignCertificates, readTokenInfo, signWithKey, type CertificatePair, type JpkiSignature } from './jpki-ap';
import { wipeInput, type SecretInput } from './pin-policy';
import type { PinStatus, VerifyOptions } from './pin-verification';
import { readTextAp, textApPinStatus, type TextApRecord } from './text-ap';
import type { TokenInfo } from './token-info-file';

const log = createLogger('card-client');

/** What `detect()` found. */
export interface CardDetection {
  /** The reader holding the card. */
  readonly readerName: string;
  /** The JPKI token info (label tells plastic card from other tokens). */
  readonly tokenInfo: TokenInfo;
}

/** Options of the client. */
export interface MyNumberCardClientOptions {
  /** Use only this reader; default: the first reader with a card. */
  readonly readerName?: string;
  /** Longest wait for the answer to one APDU, in ms (default DEFAULT_APDU_TIMEOUT_MS = 5000). */
  readonly apduTimeoutMs?: number;
}

export type { CardCertificate, CertificatePair, JpkiSignature, PinStatus, TextApRecord, TokenInfo, VerifyOptions };

export class MyNumberCardClient {
  private queue: Promise<unknown> = Promise.resolve();
  /** APDUs sent by the most recent operation (for benchmarks and diagnostics). */
  lastApduCount = 0;
  private readonly apduTimeoutMs: number;

  constructor(
    private readonly manager: CardReaderManager,
    private readonly options: MyNumberCardClientOptions = {},
  ) {
    const t = options.apduTimeoutMs ?? DEFAULT_APDU_TIMEOUT_MS;
    if (!Number.isInteger(t) || t <= 0) throw new CardError('invalid-argument', 'apduTimeoutMs must be a positive whole number of ms');
    this.apduTimeoutMs = t;
  }

  /** Subscribes to reader events (reader added/removed, card inserted/removed, service lost/restored). */
  on<K extends keyof CardReaderEvents>(event: K, listener: CardReaderEvents[K]): () => void {
    return this.manager.on(event, listener);
  }

  /** The reader the next operation would use, or undefined if no card is present. */
  currentReader(): CardReaderInfo | undefined {
    const readers = this.manager.listReaders();
    const wanted = this.options.readerName;
    return readers.find((r) => (wanted === undefined || r.name === wanted) && r.cardPresent);
  }

  /** SELECTs the JPKI AP and reads the token info. `not-my-number-card` if the AID is absent. */
  detect(): Promise<CardDetection> {
    return this.run('detect', async (ch, readerName) => ({ readerName, tokenInfo: await readTokenInfo(ch) }));
  }

  /** Tries left on the 券面事項入力補助 PIN (4 digits), using none. */
  getTextApPinStatus(): Promise<PinStatus> {
    return this.run('text-pin-status', (ch) => textApPinStatus(ch));
  }

  /**
   * VERIFYs the 4-digit 券面事項入力補助 PIN and reads My Number and the basic 4, checking the
   * integrity hashes. The PIN Buffer is zero-filled afterwards.
   */
  readBasicInfo(pin: SecretInput, opts: VerifyOptions = {}): Promise<TextApRecord> {
    return this.withWipe(pin, () => this.run('read-basic-info', (ch) => readTextAp(ch, pin, opts)));
  }

  /** Tries left on the 4-digit 利用者証明用 PIN, using none. */
  getAuthPinStatus(): Promise<PinStatus> {
    return this.run('auth-pin-status', (ch) => jpkiPinStatus(ch, 'auth'));
  }

  /** Reads the user-authentication certificate and its CA certificate (no PIN). */
  readAuthCertificate(): Promise<CertificatePair> {
    return this.run('read-auth-cert', (ch) => readAuthCertificates(ch));
  }

  /**
   * VERIFYs the 利用者証明用 PIN and signs SHA-256(`challenge`) with the user-authentication key.
   * Verify the result with the returned certificate's public key (sha256, PKCS#1 v1.5).
   */
  signAuthChallenge(pin: SecretInput, challenge: Uint8Array, opts: VerifyOptions = {}): Promise<JpkiSignature> {
    return this.withWipe(pin, () => this.run('sign-auth', (ch) => signWithKey(ch, 'auth', pin, challenge, opts)));
  }

  /** Tries left on the 署名用パスワード (of 5), using none. */
  getSignPasswordStatus(): Promise<PinStatus> {
    return this.run('sign-password-status', (ch) => jpkiPinStatus(ch, 'sign'));
  }

  /** VERIFYs the signing password (6–16 [A-Z0-9], upper-cased) and reads the signing certificate and its CA. */
  readSignCertificate(password: SecretInput, opts: VerifyOptions = {}): Promise<CertificatePair> {
    return this.withWipe(password, () => this.run('read-sign-cert', (ch) => readSignCertificates(ch, password, opts)));
  }

  /** VERIFYs the signing password and signs SHA-256(`message`) with the signing key. */
  signWithSignatureKey(password: SecretInput, message: Uint8Array, opts: VerifyOptions = {}): Promise<JpkiSignature> {
    return this.withWipe(password, () => this.run('sign-doc', (ch) => signWithKey(ch, 'sign', password, message, opts)));
  }

  private async withWipe<T>(secret: SecretInput, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } finally {
      wipeInput(secret);
    }
  }

  /** Queues `fn` behind earlier calls and runs it in a fresh session. */
  private run<T>(op: string, fn: (ch: ApduChannel, readerName: string) => Promise<T>): Promise<T> {
    const next = this.queue.then(() => this.inSession(op, fn));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async inSession<T>(op: string, fn: (ch: ApduChannel, readerName: string) => Promise<T>): Promise<T> {
    const reader = this.currentReader();
    if (!reader) {
      const anyReader = this.manager.listReaders().length > 0;
      throw new CardError(anyReader ? 'no-card' : 'no-reader', anyReader ? 'no card in the reader' : 'no card reader');
    }
    const session = await this.manager.connect(reader.name, this.apduTimeoutMs);
    const ch = new ApduChannel(session, this.apduTimeoutMs);
    try {
      const result = await fn(ch, reader.name);
      log.debug({ op, apdus: ch.apduCount }, 'card operation done');
      return result;
    } catch (e) {
      const err = isCardError(e) ? e : new CardError('malformed-response', 'unexpected failure in card layer', { cause: e });
      log.warn({ op, code: err.code, sw: err.sw, apdus: ch.apduCount, pinTryUnknown: err.pinTryUnknown || undefined }, 'card operation failed');
      throw err;
    } finally {
      this.lastApduCount = ch.apduCount;
      await session.close();
    }
  }
}
