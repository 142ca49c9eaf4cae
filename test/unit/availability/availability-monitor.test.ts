/**
 * The availability the home screen shows, from device states and the hours: a journey that
 * cannot finish is not offered, and devices are not asked while a citizen is being served.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Availability } from '../../../contract/kiosk-api';
import { AvailabilityMonitor, type AvailabilityDeps } from '../../../main/availability/availability-monitor';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { clockStartingAt } from '../../../platform/clock';

const MONDAY_10 = Date.parse('2026-12-07T10:00:00+09:00');
const MONDAY_20 = Date.parse('2026-12-07T20:00:00+09:00');

function rig(opts: {
  at?: number;
  printerReady?: boolean;
  cashFaults?: string[];
  cashConnected?: boolean;
  cashless?: 'ready' | 'offline' | null;
  busy?: boolean;
}) {
  const asked = { printer: 0, cash: 0 };
  const pushed: Availability[] = [];
  const deps: AvailabilityDeps = {
    hours: DEFAULT_CONFIG.serviceHours,
    clock: clockStartingAt(opts.at ?? MONDAY_10),
    printer: {
      health: async () => {
        asked.printer++;
        return (opts.printerReady ?? true) ? { ready: true } : { ready: false, citizenMessageKey: 'printer.paperOut' };
      },
    } as unknown as AvailabilityDeps['printer'],
    cash: {
      connected: opts.cashConnected ?? true,
      busy: false,
      status: async () => {
        asked.cash++;
        return { state: 'idle', faults: opts.cashFaults ?? [], escrowTotal: 0 };
      },
    } as unknown as AvailabilityDeps['cash'],
    cashless: opts.cashless === null ? null : { status: async () => ({ state: opts.cashless ?? 'ready' }) },
    citizenBusy: () => opts.busy ?? false,
    onChange: (a) => pushed.push(a),
  };
  return { monitor: new AvailabilityMonitor(deps), asked, pushed };
}

test('everything works in the hours: both journeys offered', async () => {
  const { monitor, pushed } = rig({});
  await monitor.check();
  assert.deepEqual(monitor.current().journeys, { certificate: true, application: true });
  assert.deepEqual(monitor.current().devices, { printer: true, cash: true, cashless: true });
  assert.equal(pushed.length, 1, 'pushed once');
  await monitor.check();
  assert.equal(pushed.length, 1, 'not pushed again without a change');
});

test('printer out: no certificates, applications still offered', async () => {
  const { monitor } = rig({ printerReady: false });
  await monitor.check();
  assert.deepEqual(monitor.current().journeys, { certificate: false, application: true });
});

test('no cash (jammed) and no cashless: no paid certificates; either one alone is enough', async () => {
  const none = rig({ cashFaults: ['jam'], cashless: 'offline' });
  await none.monitor.check();
  assert.equal(none.monitor.current().journeys.certificate, false);
  const cashOnly = rig({ cashless: null });
  await cashOnly.monitor.check();
  assert.equal(cashOnly.monitor.current().journeys.certificate, true);
  const cashlessOnly = rig({ cashConnected: false });
  await cashlessOnly.monitor.check();
  assert.deepEqual([cashlessOnly.monitor.current().devices.cash, cashlessOnly.monitor.current().journeys.certificate], [false, true]);
  const lowChange = rig({ cashFaults: ['low-change'], cashless: null });
  await lowChange.monitor.check();
  assert.equal(lowChange.monitor.current().devices.cash, true, 'low change still takes coins');
});

test('outside the hours nothing is offered, and it says when it opens; the demo control serves anyway', async () => {
  const { monitor } = rig({ at: MONDAY_20 });
  await monitor.check();
  const a = monitor.current();
  assert.deepEqual(a.journeys, { certificate: false, application: false });
  assert.deepEqual(a.hours.next, { date: '2026-12-08', opens: '08:30' });
  assert.deepEqual(monitor.overrideHours(true).journeys, { certificate: true, application: true });
});

test('devices are not asked while a citizen is served (the cash unit may be taking money)', async () => {
  const { monitor, asked } = rig({ busy: true });
  await monitor.check();
  assert.deepEqual(asked, { printer: 0, cash: 0 });
});
