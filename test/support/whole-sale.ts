/**
 * One whole certificate sale through the runtime's request router, no think time: card in, PIN,
 * 住民票 (self), cash, card out, print, certificate taken. Shared by the benchmarks.
 */
import type { CertificateView } from '../../contract/certificate-journey';
import type { KioskRuntime } from '../../main/kiosk-runtime';
import { call, insertCash } from './journey-driver';

/** Resolves when the journey shows `step` (event-driven: no polling delay in a figure). */
export function stepReached(runtime: KioskRuntime, step: CertificateView['step'], timeoutMs = 30_000): Promise<void> {
  if (runtime.journey.current().step === step) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for ${step} (at ${runtime.journey.current().step})`));
    }, timeoutMs);
    const off = runtime.hub.addSink((channel, payload) => {
      if (channel === 'certificate.changed' && (payload as CertificateView).step === step) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}

/** `payYen` inserted in cash for the 300-yen fee: 500 (one coin, 200 change) by default, 300 pays exactly. */
export async function wholeSale(runtime: KioskRuntime, payYen = 500): Promise<void> {
  const pin = stepReached(runtime, 'pin');
  await call(runtime, 'certificate.begin', {});
  await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
  await pin;
  await call(runtime, 'certificate.submitPin', { pin: '1234', confirmedLastTry: false });
  await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });
  const takeCard = stepReached(runtime, 'take-card');
  const paying = call(runtime, 'certificate.pay', { method: 'cash' });
  await insertCash(runtime, payYen);
  await paying;
  await takeCard;
  const printed = stepReached(runtime, 'take-certificate');
  await call(runtime, 'simulator.removeCard', {});
  await printed;
  // The certificate is taken at once: end the session rather than wait for the screen's timer.
  await runtime.session.end('complete');
}
