/**
 * PIN safety rules the UI can rely on, enforced before any byte reaches the card:
 *  - format: 4 ASCII digits (PINs), 6–16 of [A-Z0-9] after upper-casing (signing password);
 *  - secrets live in Buffers this layer zero-fills after use; they are never logged or kept;
 *  - a caller's Buffer is zero-filled too once the call is over (strings cannot be wiped,
 *    so callers that can should pass Buffers).
 */
import { CardError } from '../card-errors';
import type { PinKind } from './card-constants';

/** A PIN or password as handed in by the caller. A Buffer/Uint8Array is wiped after use. */
export type SecretInput = string | Uint8Array;

const DIGITS_4 = /^[0-9]{4}$/;
const PASSWORD = /^[A-Z0-9]{6,16}$/;

/** Zero-fills a caller's secret if it is a byte array (a string cannot be wiped). */
export function wipeInput(input: SecretInput): void {
  if (input instanceof Uint8Array) input.fill(0);
}

/**
 * Checks the format of `input` for `kind` and returns the exact bytes to send, in a fresh
 * Buffer the caller must wipe. Throws CardError `pin-format` (nothing about the secret in
 * the message) when the format is wrong. Never sends anything.
 */
export function encodeSecret(kind: PinKind, input: SecretInput): Buffer {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else if (input instanceof Uint8Array) {
    // Only ASCII can be valid; anything else fails the pattern below.
    text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  } else {
    throw new CardError('pin-format', 'secret must be a string or bytes');
  }
  if (kind === 'sign-password') {
    text = text.toUpperCase();
    if (!PASSWORD.test(text)) throw new CardError('pin-format', 'password must be 6-16 letters A-Z or digits');
  } else if (!DIGITS_4.test(text)) {
    throw new CardError('pin-format', 'PIN must be 4 digits');
  }
  return Buffer.from(text, 'latin1');
}

/** Runs `fn` with the encoded secret and wipes both our copy and the caller's bytes afterwards. */
export async function withSecret<T>(kind: PinKind, input: SecretInput, fn: (secret: Buffer) => Promise<T>): Promise<T> {
  let secret: Buffer | undefined;
  try {
    secret = encodeSecret(kind, input);
    return await fn(secret);
  } finally {
    secret?.fill(0);
    wipeInput(input);
  }
}

/**
 * Checks the format only, before anything is sent to the card. On a bad format the caller's
 * bytes are wiped (the call ends here) and CardError `pin-format` is thrown.
 */
export function assertSecretFormat(kind: PinKind, input: SecretInput): void {
  try {
    encodeSecret(kind, input).fill(0);
  } catch (e) {
    wipeInput(input);
    throw e;
  }
}
