/**
 * A journey's current step only, for the frame (not the journey's screens): follows
 * `<journey>.changed` and asks once for the current view (a renderer reloaded mid-journey).
 */
import { useEffect, useState } from 'react';
import type { ApplicationStep } from '../../contract/application-journey';
import type { CertificateStep } from '../../contract/certificate-journey';
import type { KioskClient } from '../kiosk-client/kiosk-client';

type Steps = { certificate: CertificateStep; application: ApplicationStep };

export function useJourneyStep<J extends keyof Steps>(client: KioskClient, journey: J): Steps[J] | null {
  const [step, setStep] = useState<Steps[J] | null>(null);
  useEffect(() => {
    let live = true;
    // One body for both journeys: each event and view carries the step of its journey.
    const follow = (view: { step: string }) => live && setStep(view.step as Steps[J]);
    const off = journey === 'certificate' ? client.on('certificate.changed', follow) : client.on('application.changed', follow);
    // Answers come after the events main pushed before them: the last one to arrive is the newest.
    const current = journey === 'certificate' ? client.call('certificate.getView', {}) : client.call('application.getView', {});
    current.then(follow, () => undefined);
    return () => {
      live = false;
      off();
    };
  }, [client, journey]);
  return step;
}
