/**
 * Which certificate screen shows a card or PIN failure (their meaning is the card-secret step's,
 * main/card-secret/secret-failure.ts): a card pulled before anything was sent goes back to
 * "insert the card" (no try used), a wrong PIN says how many tries are left, the rest is a failure
 * with a plain next step. Pure mappings to views.
 *
 * A card that did not answer (`card-timeout`): the citizen is asked to take the card out and
 * insert it again (certificate.cardTimeout). If the unanswered APDU was the VERIFY with the PIN
 * (`pinTryUnknown`) a try may have been used: nothing is re-sent, and the re-inserted card is read
 * from the start, tries left included (empty VERIFY, no try used), so the PIN screen shows the
 * card's real count and asks for the last-try confirmation if it is down to one.
 */
import type { CertificateView } from '../../contract/certificate-journey';
import type { SecretFailure } from '../card-secret/secret-failure';
import { createLogger, errorCode } from '../../platform/log';
import { WardApiError } from '../ward/ward-client';
import { authFailureKey } from './issue-request';

const log = createLogger('certificate-journey');

type PinView = Extract<CertificateView, { step: 'pin' }>;
/** Builds the failed view of a message key (the journey knows whether the card is still in). */
type Failure = (messageKey: string) => CertificateView;

/** Reading the card (detect + tries left) failed, or the card failed after the PIN. */
export function cardReadFailure(failure: SecretFailure, fail: Failure): CertificateView {
  switch (failure.kind) {
    case 'card-out':
      return { step: 'insert-card', messageKey: 'certificate.cardRemoved' };
    case 'card-timeout':
      return { step: 'insert-card', messageKey: 'certificate.cardTimeout' };
    case 'blocked':
      return fail('certificate.error.pinBlocked');
    case 'not-my-number-card':
      return fail('certificate.error.notMyNumberCard');
    case 'no-certificate':
      return fail('certificate.error.noCertificate');
    case 'other':
      if (failure.error instanceof WardApiError) {
        log.warn({ code: failure.error.code, status: failure.error.status }, 'authentication failed at the back end');
        return fail(authFailureKey(failure.error.code));
      }
      log.error({ err: errorCode(failure.error) }, 'authentication failed');
      return fail('certificate.error.cardUnreadable');
    default:
      return fail('certificate.error.cardUnreadable');
  }
}

/** The PIN, the card's signature or the back end's check of it failed. */
export function pinFailure(failure: SecretFailure, pinView: PinView, fail: Failure): CertificateView {
  if (failure.kind === 'wrong') return { step: 'pin', triesLeft: failure.triesLeft, lastTry: failure.lastTry, errorKey: 'certificate.error.wrongPin' };
  // The card's own count may be 1 while the screen still showed more: show the last try, so it can be confirmed.
  if (failure.kind === 'confirm-last-try') return { ...pinView, triesLeft: 1, lastTry: true, errorKey: 'certificate.error.confirmLastTry' };
  // Nothing reached the card: the same PIN screen, with what to type (never "the card is unreadable").
  if (failure.kind === 'format') return { ...pinView, errorKey: 'certificate.error.pinFormat' };
  return cardReadFailure(failure, fail);
}
