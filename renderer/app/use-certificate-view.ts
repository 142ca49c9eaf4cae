/**
 * Follows the certificate journey's current step: asks for it once (`certificate.begin`,
 * which also starts waiting for the card) and then applies every `certificate.changed`
 * (the shared part lives in `use-journey-view.ts`).
 */
import type { CertificateView } from '../../contract/certificate-journey';
import type { KioskClient } from '../kiosk-client/kiosk-client';
import { useJourneyView, type JourneyCall, type JourneyViewOptions, type JourneyViewState } from './use-journey-view';

/** Requests whose answer is the journey's next view. */
type ViewRequest =
  | 'certificate.begin'
  | 'certificate.getView'
  | 'certificate.submitPin'
  | 'certificate.choose'
  | 'certificate.addToBasket'
  | 'certificate.removeFromBasket'
  | 'certificate.checkout'
  | 'certificate.pay'
  | 'certificate.back'
  | 'certificate.setReceipt';

export type CertificateViewState = JourneyViewState<CertificateView, ViewRequest>;

const options: JourneyViewOptions<'certificate.changed'> = {
  changed: 'certificate.changed',
  open: (_client: KioskClient, call: JourneyCall) => call('certificate.begin', {}),
  // Unchanged from before the shared hook: 「もどる」 may leave while a payment request waits.
  singleFlight: false,
};

export function useCertificateView(client: KioskClient): CertificateViewState {
  return useJourneyView<'certificate.changed', ViewRequest>(client, options);
}
