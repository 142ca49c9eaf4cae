/**
 * Asking for remaining tries and VERIFYing a PIN, with the kiosk's safety rules:
 *  - remaining tries come from an empty VERIFY (63Cx), which uses no try;
 *  - a blocked PIN is reported without sending a VERIFY with data;
 *  - with one try left, nothing is sent unless the caller passed `confirmedLastTry: true`;
 *  - the VERIFY with the PIN is sent exactly once; it is never retried by any layer.
 * Expects the application to be selected already.
 */
import { CardError } from '../card-errors';
import type { ApduChannel } from '../apdu/apdu-channel';
import { selectEf, verify } from '../apdu/command-apdu';
import { errorForSw, SW_OK, triesFromSw } from '../apdu/response-apdu';
import { MAX_TRIES, type PinKind } from './card-constants';
import { withSecret, type SecretInput } from './pin-policy';

/** What the card says about a PIN, learned without using a try. */
export interface PinStatus {
  /** Tries left before the PIN blocks (0 = blocked). */
  readonly triesLeft: number;
  /** Tries a fresh PIN has (3 for PINs, 5 for the signing password). */
  readonly maxTries: number;
  /** True when no VERIFY can succeed any more (unblock at the ward office). */
  readonly blocked: boolean;
  /** True when exactly one try is left: the UI must warn and get explicit confirmation. */
  readonly lastTry: boolean;
}

/** Options for any call that sends a PIN. */
export interface VerifyOptions {
  /** Must be true to send the PIN when only one try is left; otherwise `last-try-needs-confirmation`. */
  readonly confirmedLastTry?: boolean;
}

function status(kind: PinKind, triesLeft: number): PinStatus {
  return { triesLeft, maxTries: MAX_TRIES[kind], blocked: triesLeft === 0, lastTry: triesLeft === 1 };
}

/** SELECTs the PIN EF and asks for remaining tries with an empty VERIFY. */
export async function readPinStatus(ch: ApduChannel, kind: PinKind, pinFid: number): Promise<PinStatus> {
  await ch.sendOk(selectEf(pinFid));
  const r = await ch.send(verify());
  const tries = triesFromSw(r.sw);
  if (tries !== undefined) return status(kind, tries);
  if (r.sw === 0x6984 || r.sw === 0x6983) return status(kind, 0);
  // Some cards answer 9000 when the PIN is already verified in this session: the counter is full.
  if (r.sw === SW_OK) return status(kind, MAX_TRIES[kind]);
  throw errorForSw(r.sw);
}

/**
 * Checks the format, the tries and the confirmation, then sends one VERIFY.
 * Resolves when the card accepted the PIN; rejects with `pin-format`, `pin-blocked`,
 * `last-try-needs-confirmation` (nothing sent) or `wrong-pin` (with `triesLeft`).
 * The caller's secret bytes are wiped whatever happens.
 */
export async function verifyPin(ch: ApduChannel, kind: PinKind, pinFid: number, secret: SecretInput, opts: VerifyOptions = {}): Promise<void> {
  await withSecret(kind, secret, async (bytes) => {
    const before = await readPinStatus(ch, kind, pinFid);
    if (before.blocked) throw new CardError('pin-blocked', 'PIN blocked', { triesLeft: 0 });
    if (before.lastTry && opts.confirmedLastTry !== true) {
      throw new CardError('last-try-needs-confirmation', 'one try left: confirmation required', { triesLeft: 1 });
    }
    const r = await ch.send(verify(bytes));
    if (r.sw !== SW_OK) throw errorForSw(r.sw, 'verify');
  });
}
