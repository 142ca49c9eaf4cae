/**
 * Drives the certificate journey through the real runtime (simulated devices, the demo's
 * reference back end), the way the renderer does: through the request router only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CertificateView } from '../../contract/certificate-journey';
import type { RequestInput, RequestName, RequestOutput } from '../../contract/kiosk-api';
import { DEFAULT_CONFIG } from '../../main/config/default-config';
import { AROUND_THE_CLOCK } from '../../main/config/service-hours';
import { mergeConfig, parseConfig } from '../../main/config/load-config';
import { createKioskRuntime, type KioskRuntime, type RuntimeOptions } from '../../main/kiosk-runtime';
import type { WardBackendHandle } from '../../backend/start-ward-backend';
import { startDemoBackend } from '../../demo/demo-backend';
import { startDemoQueue } from '../../demo/demo-queue';
import type { QueueServerHandle } from '../../queue/start-queue-server';

/**
 * The demo configuration as every test kiosk starts from: open around the clock (no test depends on
 * the hour it runs at) and metrics on a free port (runtimes side by side never compete for 9464).
 */
export const TEST_BASE = mergeConfig(DEFAULT_CONFIG, {
  serviceHours: AROUND_THE_CLOCK,
  metrics: { enabled: true, listen: 'loopback', port: 0 },
  // No queue service unless a test asks (WITH_QUEUE): its embedded PGlite takes seconds and
  // hundreds of MB to start, which no other test should pay.
  queue: null,
});

/** The overlay that gives a test kiosk the demo's queue service (started by the harness on PGlite in memory). */
export const WITH_QUEUE = { queue: DEFAULT_CONFIG.queue };

/** A runtime and the demo back end it talks to (null when the overlay names a remote one). */
export type TestRuntime = KioskRuntime & {
  readonly backend: WardBackendHandle | null;
  /** The queue service (WITH_QUEUE in the overlay), on PGlite in memory and the runtime's clock. */
  readonly queueService: QueueServerHandle | null;
};

/**
 * A runtime on the simulators and the demo back end (with fault injection). Without a `dataDir` in the overlay each
 * runtime gets its own temporary one (the outbox holds an exclusive lock, and test files run in
 * parallel), removed by `stop()`; a test that restarts on the same data passes its own.
 */
export async function startTestRuntime(overlay: unknown = {}, options: RuntimeOptions = {}): Promise<TestRuntime> {
  const ownDataDir = hasDataDir(overlay) ? null : mkdtempSync(join(tmpdir(), 'madoguchi-data-'));
  const removeOwnDataDir = () => {
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  };
  const config = parseConfig(mergeConfig(TEST_BASE, ownDataDir ? mergeConfig(overlay, { dataDir: ownDataDir }) : overlay), 'test config');
  const demo = await startDemoBackend(config, { faults: true }).catch((err: unknown) => {
    removeOwnDataDir();
    throw err;
  });
  const queue = await startDemoQueue(demo.config, { inMemory: true, ...(options.clock ? { clock: options.clock } : {}) }).catch(async (err: unknown) => {
    await demo.backend?.stop();
    removeOwnDataDir();
    throw err;
  });
  const runtime = await createKioskRuntime(queue.config, 'browser', { takeCertificateMs: 100, ...options }).catch(async (err: unknown) => {
    await queue.queue?.stop();
    await demo.backend?.stop();
    removeOwnDataDir();
    throw err;
  });
  const stop = runtime.stop;
  return Object.assign(runtime, {
    backend: demo.backend,
    queueService: queue.queue,
    stop: async () => {
      await stop();
      await queue.queue?.stop();
      await demo.backend?.stop();
      removeOwnDataDir();
    },
  });
}

function hasDataDir(overlay: unknown): boolean {
  return typeof overlay === 'object' && overlay !== null && 'dataDir' in overlay;
}

export async function call<K extends RequestName>(runtime: KioskRuntime, channel: K, input: RequestInput<K>): Promise<RequestOutput<K>> {
  const result = await runtime.router.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}`);
  return result.value as RequestOutput<K>;
}

/** Waits until the journey shows `step` (events arrive asynchronously, as on a real kiosk). */
export async function waitForStep<S extends CertificateView['step']>(
  runtime: KioskRuntime,
  step: S,
  timeoutMs = 10_000,
): Promise<Extract<CertificateView, { step: S }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = runtime.journey.current();
    if (view.step === step) return view as Extract<CertificateView, { step: S }>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${step}; at ${JSON.stringify(view)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Inserts a fixture card and waits until the runtime sees it (the simulator reports it asynchronously, as a reader does). */
export async function insertCardAndWait(runtime: KioskRuntime, cardId: string, timeoutMs = 5_000): Promise<void> {
  await call(runtime, 'simulator.insertCard', { cardId });
  await cardPresence(runtime, true, timeoutMs);
}

/** Takes the card out and waits until the runtime has seen it go. */
export async function removeCardAndWait(runtime: KioskRuntime, timeoutMs = 5_000): Promise<void> {
  await call(runtime, 'simulator.removeCard', {});
  await cardPresence(runtime, false, timeoutMs);
}

async function cardPresence(runtime: KioskRuntime, present: boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Boolean(runtime.devices.card.currentReader()?.cardPresent) !== present) {
    if (Date.now() > deadline) throw new Error(`the card was not seen ${present ? 'inserted' : 'removed'} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Inserts coins and notes until `yen` is counted. Like a person at the machine, it waits for
 * the unit to accept each one: a coin inserted before the unit is enabled comes straight back
 * and is inserted again.
 */
export async function insertCash(runtime: KioskRuntime, yen: number): Promise<void> {
  await waitForStep(runtime, 'pay');
  const counted = () => {
    const v = runtime.journey.current();
    return v.step === 'pay' ? v.insertedYen : Number.POSITIVE_INFINITY;
  };
  let left = yen;
  for (const d of [1000, 500, 100, 50, 10] as const) {
    while (left >= d) {
      const before = counted();
      for (let attempt = 0; attempt < 20 && counted() === before; attempt++) {
        await call(runtime, 'simulator.insertCash', { yen: d });
        const until = Date.now() + 250;
        while (counted() === before && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      if (counted() === before) throw new Error(`the cash unit did not take ${d} yen`);
      left -= d;
    }
  }
}

/**
 * The plain sale most tests start from: card-001 (PIN 1234) takes one 住民票の写し of
 * themselves, pays its 300 yen in cash, and the journey waits at 「カードをお取りください」.
 */
export async function buyOneJuminhyoInCash(runtime: KioskRuntime): Promise<void> {
  const { paying } = await startJuminhyoCashPayment(runtime);
  await insertCash(runtime, 300);
  await paying;
  await waitForStep(runtime, 'take-card');
}

/** The basket card-001 buys in the basket tests: a 住民票 of themselves and the newest 課税証明書. */
export const BASKET_OF_TWO = [
  { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false },
  { type: 'kazei', copies: 1, scope: 'self', householdHead: false, honseki: false },
] as const;

/**
 * card-001 (PIN 1234) puts BASKET_OF_TWO's first certificate in the basket and chooses the second,
 * pays the total in cash and waits for the card screen; returns the fee screen's view.
 */
export async function buyBasketOfTwoInCash(runtime: KioskRuntime): Promise<Extract<CertificateView, { step: 'pay' }>> {
  await call(runtime, 'certificate.begin', {});
  await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
  await waitForStep(runtime, 'pin');
  await call(runtime, 'certificate.submitPin', { pin: '1234', confirmedLastTry: false });
  await call(runtime, 'certificate.addToBasket', { ...BASKET_OF_TWO[0] });
  const pay = await call(runtime, 'certificate.choose', { ...BASKET_OF_TWO[1] });
  if (pay.step !== 'pay') throw new Error(`expected the fee screen, at ${pay.step}`);
  const paying = call(runtime, 'certificate.pay', { method: 'cash' });
  await insertCash(runtime, pay.dueYen);
  await paying;
  await waitForStep(runtime, 'take-card');
  return pay;
}

/**
 * card-001 (PIN 1234) chooses one 住民票の写し of themselves (300 yen) and chooses cash; resolves
 * once the fee screen shows, with the payment still running (`paying`).
 */
export async function startJuminhyoCashPayment(runtime: KioskRuntime): Promise<{ paying: Promise<unknown> }> {
  await call(runtime, 'certificate.begin', {});
  await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
  await waitForStep(runtime, 'pin');
  await call(runtime, 'certificate.submitPin', { pin: '1234', confirmedLastTry: false });
  await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });
  const paying = call(runtime, 'certificate.pay', { method: 'cash' });
  await waitForStep(runtime, 'pay');
  return { paying }; // wrapped: an async function returning the promise itself would wait for it
}
