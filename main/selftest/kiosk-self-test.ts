/**
 * The kiosk's self-test as the composition root and the CLI build it: every step over the kiosk's
 * own devices and ward services, in the order of SELF_TEST_STEPS. With the cash simulator the
 * coin of the dispense-and-recover test is put back by the simulator's hand.
 */
import { X509Certificate } from 'node:crypto';
import { wardBasePath } from '../../contract/ward-api';
import type { Clock } from '../../platform/clock';
import type { AuditEvent } from '../audit/audit-entry';
import type { KioskConfig } from '../config/config-schema';
import type { KioskDevices } from '../devices/kiosk-devices';
import { renderTestPage } from '../documents/test-page/test-page';
import { httpsProbe, type HttpsProbe } from '../ward/https-probe';
import { readWardTls } from '../ward/ward-connection';
import { cardStep } from './card-step';
import { cashStep, TEST_COIN_YEN } from './cash-step';
import { cashlessStep } from './cashless-step';
import { printerStep } from './printer-step';
import { SelfTest } from './self-test';
import { serviceStep } from './service-step';

export interface KioskSelfTestOptions {
  config: Pick<KioskConfig, 'kioskId' | 'ward' | 'backend' | 'queue'>;
  devices: Pick<KioskDevices, 'cardManager' | 'card' | 'printer' | 'cash' | 'cashless' | 'sim'>;
  clock: Clock;
  recordAudit: (event: AuditEvent) => void;
  /** How long the cash unit waits for the test coin to come back (default 60 s). */
  recoverMs?: number;
  /** Tests replace the HTTPS probe; default the kiosk's mutual-TLS one. */
  probe?: HttpsProbe;
  /** Told when a run starts and ends (the availability monitor offers no journey meanwhile). */
  onRunning?: (running: boolean) => void;
}

export function createKioskSelfTest(o: KioskSelfTestOptions): SelfTest {
  const tls = readWardTls(o.config);
  const probe = o.probe ?? httpsProbe(tls);
  const clientCertNotAfter = new Date(new X509Certificate(tls.certPem).validTo);
  const origin = o.config.backend.url.replace(/\/$/, '');
  const simCash = o.devices.sim.cash;
  return new SelfTest({
    clock: o.clock,
    recordAudit: o.recordAudit,
    ...(o.onRunning ? { onRunning: o.onRunning } : {}),
    steps: [
      printerStep({ printer: o.devices.printer, testPage: () => renderTestPage({ kioskId: o.config.kioskId, printedAt: new Date(o.clock.now()) }) }),
      cardStep({ readers: o.devices.cardManager, card: o.devices.card }),
      cashStep({
        cash: o.devices.cash,
        ...(o.recoverMs !== undefined ? { recoverMs: o.recoverMs } : {}),
        ...(simCash ? { putCoinBack: () => simCash.insertCoin(TEST_COIN_YEN) } : {}),
      }),
      cashlessStep(o.devices.cashless),
      serviceStep({ id: 'backend', healthUrl: `${origin}${wardBasePath(o.config.ward)}/v1/health`, probe, clientCertNotAfter, clock: o.clock }),
      serviceStep({
        id: 'queue',
        healthUrl: o.config.queue ? `${o.config.queue.url.replace(/\/$/, '')}/v1/health` : null,
        probe,
        clientCertNotAfter,
        clock: o.clock,
      }),
    ],
  });
}
