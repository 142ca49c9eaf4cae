/**
 * A scrape never takes the cash unit from a citizen: the unit runs one operation at a time, so a
 * status read during a session (or its wipe's refund) would make that payment or refund fail as
 * busy. While a session holds the devices the scrape shows the levels last read while it was free.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KioskMetrics } from '../../../main/metrics/kiosk-metrics';
import type { StaffCashUnit } from '../../../main/staff/staff-device-status';
import { systemClock } from '../../../platform/clock';

test('the cash unit is asked only while no citizen holds the devices; meanwhile its last levels are shown', async () => {
  let asked = 0;
  let coins = 40;
  const cash: StaffCashUnit = {
    connected: true,
    busy: false,
    status: () => (asked++, Promise.resolve({ state: 'idle', faults: [], escrowTotal: 0 })),
    inventory: () => Promise.resolve([{ denomination: 100, count: coins }]),
  };
  let citizen = false;
  const metrics = new KioskMetrics({ kioskId: 'kiosk-test-01', ward: 'kokurakita', version: 'test', clock: systemClock });
  metrics.attach({ cash, citizenHoldsDevices: () => citizen });

  assert.match(await metrics.scrape(), /madoguchi_cash_level\{[^}]*denomination="100"[^}]*\} 40/);
  assert.equal(asked, 1);

  citizen = true;
  coins = 41; // a coin the citizen is paying with: the unit is theirs, not the scrape's
  assert.match(await metrics.scrape(), /madoguchi_cash_level\{[^}]*denomination="100"[^}]*\} 40/, 'the last levels read while free');
  assert.equal(asked, 1, 'not asked during the session');

  citizen = false;
  assert.match(await metrics.scrape(), /madoguchi_cash_level\{[^}]*denomination="100"[^}]*\} 41/);
  assert.equal(asked, 2);
});
