/**
 * Through the real runtime: the staff passcode's wrong tries and lockout are kept in the kiosk's
 * journal, so stopping and starting the kiosk (as someone power-cycling it would) neither resets
 * the count nor lifts a lockout, and the lockout raises a staff alert.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { call, startTestRuntime } from '../../support/journey-driver';

const DEMO_PASSCODE = '24681357';

describe('staff passcode lockout across a restart (runtime)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-staff-lockout-'));
  const running: KioskRuntime[] = [];
  const start = async (): Promise<KioskRuntime> => {
    const runtime = await startTestRuntime({ dataDir, staff: { lockoutAfter: 3, lockoutSec: 60 } });
    running.push(runtime);
    return runtime;
  };
  const stop = async (runtime: KioskRuntime): Promise<void> => {
    running.splice(running.indexOf(runtime), 1);
    await runtime.stop();
  };
  after(async () => {
    for (const r of running.splice(0)) await r.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('two wrong tries, a restart, one more: locked; the lock holds over another restart', async () => {
    let runtime = await start();
    assert.deepEqual(await call(runtime, 'staff.login', { passcode: '00000000' }), { outcome: 'wrong-passcode', triesLeft: 2 });
    assert.deepEqual(await call(runtime, 'staff.login', { passcode: '00000001' }), { outcome: 'wrong-passcode', triesLeft: 1 });
    await stop(runtime);

    runtime = await start();
    assert.deepEqual(await call(runtime, 'staff.login', { passcode: '00000002' }), { outcome: 'locked', retryAfterSec: 60 });
    assert.ok(
      runtime.staffAlerts.list().some((a) => a.code === 'staff-passcode-locked'),
      'staff are alerted',
    );
    await stop(runtime);

    runtime = await start();
    const locked = await call(runtime, 'staff.login', { passcode: DEMO_PASSCODE });
    assert.equal(locked.outcome, 'locked', 'even the right passcode waits out the lockout after a restart');
    assert.equal(await call(runtime, 'staff.getState', {}).then((s) => s.phase), 'closed');
    await stop(runtime);
  });
});
