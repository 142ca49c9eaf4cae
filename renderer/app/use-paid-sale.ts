/**
 * Whether the certificate journey holds a paid sale (「カードをお取りください」, printing), for the
 * frame's controls: there 「最初に戻る」 may not go home in one touch (main refuses it too). Follows
 * `certificate.changed` and asks once for the current view (a renderer reloaded mid-sale).
 */
import { useEffect, useState } from 'react';
import type { CertificateStep } from '../../contract/certificate-journey';
import type { KioskClient } from '../kiosk-client/kiosk-client';

export type PaidStep = 'take-card' | 'printing';

export function usePaidSaleStep(client: KioskClient): PaidStep | null {
  const [step, setStep] = useState<CertificateStep | null>(null);
  useEffect(() => {
    let live = true;
    const off = client.on('certificate.changed', (view) => setStep(view.step));
    // Answers come after the events main pushed before them: the last one to arrive is the newest.
    client.call('certificate.getView', {}).then(
      (view) => live && setStep(view.step),
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, [client]);
  return step === 'take-card' || step === 'printing' ? step : null;
}
