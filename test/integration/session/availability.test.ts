/**
 * Availability through the runtime: the service hours read on the kiosk clock (a chosen day,
 * never the host's), and a printer that runs out of paper withdrawing certificates from the home
 * screen once the session ends, before the next citizen inserts a card.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { Availability } from '../../../contract/kiosk-api';
import { call, startTestRuntime, type TestRuntime } from '../../support/journey-driver';
import { movableClock } from '../../support/kiosk-clock';
import { until } from '../../support/payment/until';

let runtime: TestRuntime | null = null;
afterEach(async () => {
  await runtime?.stop();
  runtime = null;
});

const WEEKDAYS_ONLY = {
  weekly: {
    sun: null,
    mon: { opens: '08:30', closes: '17:15' },
    tue: { opens: '08:30', closes: '17:15' },
    wed: { opens: '08:30', closes: '17:15' },
    thu: { opens: '08:30', closes: '17:15' },
    fri: { opens: '08:30', closes: '17:15' },
    sat: null,
  },
  closedDates: ['2026-12-07'],
};

test('on a closed Sunday the home screen is told when the kiosk opens, skipping a closed Monday', async () => {
  runtime = await startTestRuntime({ serviceHours: WEEKDAYS_ONLY }, { clock: movableClock('2026-12-06') });
  const a = await call(runtime, 'kiosk.getAvailability', {});
  assert.deepEqual([a.hours.state, a.hours.next], ['closed-today', { date: '2026-12-08', opens: '08:30' }]);
  assert.deepEqual(a.journeys, { certificate: false, application: false });
  // The demo's marked control (simulated card reader) serves anyway.
  assert.deepEqual((await call(runtime, 'simulator.openOutsideHours', { open: true })).journeys, { certificate: true, application: true });
});

test('paper runs out: once the session ends the home screen is told certificates are not offered; applications still are', async () => {
  runtime = await startTestRuntime({}, { clock: movableClock('2026-12-08') });
  const pushed: Availability[] = [];
  runtime.hub.addSink((channel, payload) => {
    if (channel === 'kiosk.availabilityChanged') pushed.push(payload as Availability);
  });
  assert.equal((await call(runtime, 'kiosk.getAvailability', {})).journeys.certificate, true);
  await call(runtime, 'session.start', { journey: 'certificate' });
  runtime.devices.sim.printer!.injectFault('media-empty');
  await runtime.session.end('cancel');
  await until(() => pushed.length > 0, 'the change pushed');
  const a = pushed.at(-1)!;
  assert.deepEqual([a.devices.printer, a.journeys.certificate, a.journeys.application], [false, false, true]);
});
