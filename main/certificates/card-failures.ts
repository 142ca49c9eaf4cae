/**
 * What the citizen sees when the card or the PIN check fails: a card pulled before anything was
 * sent goes back to "insert the card" (no try used), a wrong PIN says how many tries are left,
 * the rest is a failure with a plain next step. Pure mappings from typed errors to views.
 *
 * A card that did not answer (`card-timeout`): the citizen is asked to take the card out and
 * insert it again (certificate.cardTimeout). If the unanswered APDU was the VERIFY with the PIN
 * (`pinTryUnknown`) a try may have been used: nothing is re-sent, and the re-inserted card is read
 * from the start, tries left included (empty VERIFY, no try used), so the PIN screen shows the
 * card's real count and asks for the last-try confirmation if it is down to one.
 */
import type { CertificateView } from '../../contract/certificate-journey';
import { isCardError } from '../../devices/card/card-errors';
import { createLogger } from '../../platform/log';
import { WardApiError } from '../ward/ward-client';
import { authFailureKey } from './issue-request';

const log = createLogger('certificate-journey');

type PinView = Extract<CertificateView, { step: 'pin' }>;
/** Builds the failed view of a message key (the journey knows whether the card is still in). */
type Failure = (messageKey: string) => CertificateView;

/** Reading the card (detect + tries left) failed. */
export function cardReadFailure(err: unknown, failure: Failure): CertificateView {
  if (isCardError(err, 'card-removed', 'no-card')) return { step: 'insert-card', messageKey: 'certificate.cardRemoved' };
  if (isCardError(err, 'card-timeout')) return { step: 'insert-card', messageKey: 'certificate.cardTimeout' };
  if (isCardError(err, 'not-my-number-card')) return failure('certificate.error.notMyNumberCard');
  if (isCardError(err, 'file-not-found')) return failure('certificate.error.noCertificate');
  return failure('certificate.error.cardUnreadable');
}

/** The PIN, the card's signature or the back end's check of it failed. */
export function pinFailure(err: unknown, pinView: PinView, failure: Failure): CertificateView {
  if (isCardError(err, 'wrong-pin')) {
    const left = err.triesLeft ?? 0;
    if (left <= 0) return failure('certificate.error.pinBlocked');
    return { step: 'pin', triesLeft: left, lastTry: left === 1, errorKey: 'certificate.error.wrongPin' };
  }
  if (isCardError(err, 'pin-blocked')) return failure('certificate.error.pinBlocked');
  if (isCardError(err, 'last-try-needs-confirmation')) return { ...pinView, errorKey: 'certificate.error.confirmLastTry' };
  if (isCardError(err, 'card-removed', 'no-card')) return { step: 'insert-card', messageKey: 'certificate.cardRemoved' };
  if (isCardError(err, 'card-timeout')) return { step: 'insert-card', messageKey: 'certificate.cardTimeout' };
  if (isCardError(err, 'file-not-found')) return failure('certificate.error.noCertificate');
  if (err instanceof WardApiError) {
    log.warn({ code: err.code, status: err.status }, 'authentication failed at the back end');
    return failure(authFailureKey(err.code));
  }
  log.error({ err: err instanceof Error ? err.name : typeof err }, 'authentication failed');
  return failure('certificate.error.cardUnreadable');
}
