/**
 * The staff console through the real runtime's router (simulated devices, embedded back end):
 * the session gate, the overview's device tiles, alerts, and the passcode lockout.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RequestName } from '../../../contract/kiosk-api';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { call, startTestRuntime } from '../../support/journey-driver';

const DEMO_PASSCODE = '24681357';

async function refusal(runtime: KioskRuntime, channel: RequestName, input: unknown): Promise<string | null> {
  const result = await runtime.router.dispatch(channel, input);
  return result.ok ? null : result.error.code;
}

describe('staff console (runtime)', () => {
  let runtime: KioskRuntime;
  before(async () => {
    runtime = await startTestRuntime({ staff: { lockoutAfter: 3, lockoutSec: 60 } });
  });
  after(async () => {
    await runtime.stop();
  });

  test('every staff request but login/state/logout is refused without a staff session', async () => {
    const gated: Array<[RequestName, unknown]> = [
      ['staff.getOverview', {}],
      ['staff.activity', {}],
      ['staff.ackAlert', { id: 1 }],
      ['staff.listTransactions', {}],
      ['staff.reprint', { txId: 'TX-1', reason: 'spoiled' }],
      ['staff.void', { txId: 'TX-1', reason: 'spoiled' }],
      ['staff.retryOutbox', {}],
      ['staff.reconciliation', {}],
    ];
    for (const [channel, input] of gated) assert.equal(await refusal(runtime, channel, input), 'staff.no-session', channel);
    assert.deepEqual(await call(runtime, 'staff.getState', {}), { phase: 'closed' });
    assert.equal(await refusal(runtime, 'staff.login', { passcode: '12345' }), 'invalid-request', 'format checked first');
    // 8 digits at least: a 6- or 7-digit passcode is not even checked.
    for (const short of ['246813', '2468135']) assert.equal(await refusal(runtime, 'staff.login', { passcode: short }), 'invalid-request', short);
  });

  test('the overview shows the devices, and a printer fault with its state reasons', async () => {
    const login = await call(runtime, 'staff.login', { passcode: DEMO_PASSCODE });
    assert.equal(login.outcome, 'ok');
    const healthy = await call(runtime, 'staff.getOverview', {});
    assert.equal(healthy.printer.ready, true);
    assert.equal(healthy.backend.reachable, true);
    assert.equal(healthy.card.readerPresent, true);
    assert.equal(healthy.cash.state, 'ok');
    assert.ok(healthy.cash.levels && healthy.cash.levels.length > 0, 'the simulated recycler reports change levels');

    runtime.devices.sim.printer!.injectFault('media-empty');
    try {
      const faulty = await call(runtime, 'staff.getOverview', {});
      assert.equal(faulty.printer.ready, false);
      assert.ok(faulty.printer.reasons.includes('media-empty'), JSON.stringify(faulty.printer));
      assert.ok(
        faulty.printer.stateReasons.some((k) => k.startsWith('media-empty')),
        JSON.stringify(faulty.printer),
      );
    } finally {
      runtime.devices.sim.printer!.clearFaults();
    }
    await call(runtime, 'staff.logout', {});
  });

  test('a raised alert is listed and can be acknowledged; an unknown one is a typed error', async () => {
    await call(runtime, 'staff.login', { passcode: DEMO_PASSCODE });
    const raised = runtime.staffAlerts.raise({ code: 'refund-voucher', severity: 'error', reference: 'RV-TEST-0001' });
    const before = await call(runtime, 'staff.getOverview', {});
    const listed = before.alerts.find((a) => a.id === raised.id);
    assert.ok(listed && listed.ackedAt === undefined && listed.reference === 'RV-TEST-0001');
    const afterAck = await call(runtime, 'staff.ackAlert', { id: raised.id });
    assert.ok(afterAck.find((a) => a.id === raised.id)?.ackedAt);
    assert.equal(await refusal(runtime, 'staff.ackAlert', { id: 999_999 }), 'staff.not-found');
    await call(runtime, 'staff.logout', {});
    assert.equal(await refusal(runtime, 'staff.getOverview', {}), 'staff.no-session', 'logout closes the gate again');
  });

  test('wrong passcodes lock the keypad (configured lockout)', async () => {
    assert.deepEqual(await call(runtime, 'staff.login', { passcode: '00000000' }), { outcome: 'wrong-passcode', triesLeft: 2 });
    assert.deepEqual(await call(runtime, 'staff.login', { passcode: '00000001' }), { outcome: 'wrong-passcode', triesLeft: 1 });
    assert.deepEqual(await call(runtime, 'staff.login', { passcode: '00000002' }), { outcome: 'locked', retryAfterSec: 60 });
    assert.equal((await call(runtime, 'staff.login', { passcode: DEMO_PASSCODE })).outcome, 'locked');
  });
});
