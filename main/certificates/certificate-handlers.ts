/** The contract's `certificate.*` requests, answered by the journey; and the session end it allows. */
import { KioskError } from '../../contract/errors';
import type { RequestHandlers } from '../ipc/request-router';
import type { SessionManager } from '../session/session-manager';
import type { CertificateJourney } from './certificate-journey';

type CertificateHandlers = Pick<
  RequestHandlers,
  | 'certificate.begin'
  | 'certificate.getView'
  | 'certificate.submitPin'
  | 'certificate.choose'
  | 'certificate.addToBasket'
  | 'certificate.removeFromBasket'
  | 'certificate.checkout'
  | 'certificate.pay'
  | 'certificate.back'
  | 'certificate.cancelPaid'
  | 'certificate.setReceipt'
>;

export function certificateHandlers(journey: CertificateJourney, session: SessionManager): CertificateHandlers {
  return {
    'certificate.begin': async () => {
      session.start('certificate');
      return journey.begin();
    },
    'certificate.getView': async () => journey.current(),
    'certificate.submitPin': async ({ pin, confirmedLastTry }) => journey.submitPin(pin, confirmedLastTry),
    'certificate.choose': async (choice) => journey.choose(choice),
    'certificate.addToBasket': async (choice) => journey.addToBasket(choice),
    'certificate.removeFromBasket': async ({ index }) => journey.removeFromBasket(index),
    'certificate.checkout': async () => journey.checkout(),
    'certificate.pay': async ({ method }) => journey.pay(method),
    'certificate.back': async () => journey.back(),
    'certificate.cancelPaid': async () => journey.cancelAfterPayment(),
    'certificate.setReceipt': async ({ wanted }) => journey.setReceipt(wanted),
  };
}

/**
 * The renderer's `session.end` (「最初に戻る」, 「おわる」): refused while the journey holds a paid
 * sale (waiting for the card, printing), so no touch gives the fee back and leaves the card behind
 * without a word. Leaving then means finishing, or `certificate.cancelPaid` after a confirmation.
 * The kiosk's own ends (idle timeout, card removal, shutdown) call the session directly.
 */
export function sessionEndHandler(journey: CertificateJourney, session: SessionManager): RequestHandlers['session.end'] {
  return async ({ reason }) => {
    if (journey.holdsPaidSale()) throw new KioskError('sale-paid');
    return session.end(reason);
  };
}
