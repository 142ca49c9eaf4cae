/** The contract's `application.*` requests, answered by the journey. */
import type { RequestHandlers } from '../ipc/request-router';
import type { SessionManager } from '../session/session-manager';
import type { ApplicationJourney } from './application-journey';

type ApplicationHandlers = Pick<RequestHandlers, Extract<keyof RequestHandlers, `application.${string}`>>;

export function applicationHandlers(journey: ApplicationJourney, session: SessionManager): ApplicationHandlers {
  return {
    'application.begin': async () => {
      session.start('application');
      return journey.begin();
    },
    'application.getView': async () => journey.current(),
    'application.searchGuide': async ({ query }) => journey.searchGuide(query),
    'application.openEvent': async ({ eventId }) => journey.openEvent(eventId),
    'application.toggleProcedure': async ({ procedureId, included }) => journey.toggleProcedure(procedureId, included),
    'application.start': async () => journey.start(),
    'application.identify': async ({ method }) => journey.identify(method),
    'application.submitPin': async ({ pin, confirmedLastTry }) => journey.submitPin(pin, confirmedLastTry),
    'application.answer': async ({ questionId, value }) => journey.answer(questionId, value),
    'application.back': async () => journey.back(),
    'application.edit': async ({ questionId }) => journey.edit(questionId),
    'application.submit': async () => journey.submit(),
    'application.offerSignature': async () => journey.offerSignature(),
    'application.sign': async () => journey.sign(),
    'application.submitSignPassword': async ({ password, confirmedLastTry }) => journey.submitSignPassword(password, confirmedLastTry),
    'application.lookupPostal': async ({ postalCode }) => journey.lookupPostal(postalCode),
  };
}
