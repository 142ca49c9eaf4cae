/**
 * Whether the certificate journey holds a paid sale (「カードをお取りください」, printing), for the
 * frame's controls: there 「最初に戻る」 may not go home in one touch (main refuses it too). Follows
 * `certificate.changed` and asks once for the current view (a renderer reloaded mid-sale).
 */
import type { KioskClient } from '../kiosk-client/kiosk-client';
import { useJourneyStep } from './use-journey-step';

export type PaidStep = 'take-card' | 'printing';

export function usePaidSaleStep(client: KioskClient): PaidStep | null {
  const step = useJourneyStep(client, 'certificate');
  return step === 'take-card' || step === 'printing' ? step : null;
}
