/**
 * Follows the applications journey's current step: asks for it once and then applies every
 * `application.changed` (the shared part lives in `use-journey-view.ts`).
 *
 * The first request is `application.getView`, so a renderer that reloads in the middle of a
 * journey shows the step the main side kept (a question, the review...) instead of restarting
 * it; only when main has no journey running (`idle`) does it ask `application.begin` to open
 * the guide.
 */
import type { ApplicationView } from '../../contract/application-journey';
import type { KioskClient } from '../kiosk-client/kiosk-client';
import { useJourneyView, type JourneyCall, type JourneyViewOptions, type JourneyViewState } from './use-journey-view';

/** Requests whose answer is the journey's next view. */
export type ApplicationViewRequest =
  | 'application.begin'
  | 'application.getView'
  | 'application.openEvent'
  | 'application.toggleProcedure'
  | 'application.start'
  | 'application.identify'
  | 'application.submitPin'
  | 'application.answer'
  | 'application.back'
  | 'application.edit'
  | 'application.submit'
  | 'application.offerSignature'
  | 'application.sign'
  | 'application.submitSignPassword';

/**
 * `send` drops a request while one is on its way: a double tap on 「つぎへ」 or
 * 「送信して印刷する」 must not answer the next question or submit twice.
 */
export type ApplicationViewState = JourneyViewState<ApplicationView, ApplicationViewRequest>;

async function openApplication(client: KioskClient, call: JourneyCall, live: () => boolean): Promise<ApplicationView | null> {
  // getView may fail when no session runs yet (a fresh start): begin then opens the guide.
  const current = await client.call('application.getView', {}).catch(() => null);
  if (!live()) return null;
  if (current && current.step !== 'idle') return current;
  return call('application.begin', {});
}

const options: JourneyViewOptions<'application.changed'> = {
  changed: 'application.changed',
  open: openApplication,
  singleFlight: true,
};

export function useApplicationView(client: KioskClient): ApplicationViewState {
  return useJourneyView<'application.changed', ApplicationViewRequest>(client, options);
}
