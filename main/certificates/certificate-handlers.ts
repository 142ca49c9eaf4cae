/** The contract's `certificate.*` requests, answered by the journey. */
import type { RequestHandlers } from '../ipc/request-router';
import type { SessionManager } from '../session/session-manager';
import type { CertificateJourney } from './certificate-journey';

type CertificateHandlers = Pick<
  RequestHandlers,
  'certificate.begin' | 'certificate.getView' | 'certificate.submitPin' | 'certificate.choose' | 'certificate.pay' | 'certificate.back'
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
    'certificate.pay': async ({ method }) => journey.pay(method),
    'certificate.back': async () => journey.back(),
  };
}
