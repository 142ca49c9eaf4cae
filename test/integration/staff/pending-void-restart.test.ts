/**
 * A void the back end could not take survives a kiosk restart and is finished without staff: the
 * kiosk cancels a sale while its ward back end is down (the serial stays valid there), the kiosk
 * restarts on the same data folder with the back end still down (the alert is still listed, the
 * serial still voidable at the console), and once the back end is up the background retrier voids
 * it: the back end then refuses the serial's content as voided. The back end runs in this process
 * (remote mode), so it survives the kiosk as a real one does.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startWardBackend, type WardBackendHandle } from '../../../backend/start-ward-backend';
import type { WardId } from '../../../contract/ward-api';
import { fixturesDir } from '../../../main/config/project-paths';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { WardApiError } from '../../../main/ward/ward-client';
import { call, startTestRuntime, waitForStep } from '../../support/journey-driver';

let backend: WardBackendHandle;
let dataDir: string;
const running: KioskRuntime[] = [];

before(async () => {
  backend = await startWardBackend({ port: 0, faults: true, fixturesDir: fixturesDir() });
  dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-pending-void-'));
});
after(async () => {
  for (const r of running) await r.stop().catch(() => undefined);
  await backend.faults!.clear();
  await backend.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<KioskRuntime> {
  const runtime = await startTestRuntime({ dataDir, backend: { mode: 'remote', url: backend.url } });
  running.push(runtime);
  return runtime;
}

async function stop(runtime: KioskRuntime): Promise<void> {
  running.splice(running.indexOf(runtime), 1);
  await runtime.stop();
}

async function until(what: string, cond: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('pending void across a restart (runtime, back end in this process)', () => {
  test('void fails with the back end down → restart → still listed and voidable → back end up → voided without staff', async () => {
    const first = await start();
    await call(first, 'certificate.begin', {});
    await call(first, 'simulator.insertCard', { cardId: 'card-001' });
    await waitForStep(first, 'pin');
    await call(first, 'certificate.submitPin', { pin: '1234', confirmedLastTry: false });
    assert.equal((await call(first, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false })).step, 'pay');
    const tx = first.journal.list(['authenticated'])[0]!;
    const serial = tx.serial!;
    const issuer = (tx.issuer as WardId | undefined) ?? first.config.ward;

    await backend.faults!.apply({ mode: 'down', durationMs: 120_000 });
    await call(first, 'certificate.back', {});
    await call(first, 'session.end', { reason: 'cancel' });
    assert.ok(first.staffAlerts.list().some((a) => a.code === 'backend-void-failed' && a.reference === serial));
    assert.equal(first.journal.pendingVoids.isPending(serial), true, 'the failed void is a journal fact');
    await stop(first);

    const second = await start();
    const alert = second.staffAlerts.list().find((a) => a.code === 'backend-void-failed' && a.reference === serial);
    assert.ok(alert, 'the alert survived the restart');
    assert.equal(alert.ackedAt, undefined);
    assert.equal((await call(second, 'staff.login', { passcode: '24681357' })).outcome, 'ok');
    const row = (await call(second, 'staff.listTransactions', {})).find((t) => t.serial === serial);
    assert.ok(row && row.state === 'cancelled' && row.canVoid, `still voidable after the restart: ${JSON.stringify(row)}`);
    assert.equal((await call(second, 'staff.getOverview', {})).backend.pendingVoids, 1, 'the overview counts it');

    await backend.faults!.clear();
    await until('the retrier to void the serial', () => !second.journal.pendingVoids.isPending(serial));
    assert.equal(second.journal.pendingVoids.outcome(serial), 'voided');
    await assert.rejects(second.ward.client.issuedContent(issuer, serial), (e: unknown) => e instanceof WardApiError && e.code === 'already-voided');
    const after = (await call(second, 'staff.listTransactions', {})).find((t) => t.serial === serial);
    assert.equal(after?.canVoid, false, 'nothing left for staff to void');
    assert.equal((await call(second, 'staff.getOverview', {})).backend.pendingVoids, 0);
    assert.ok(
      second.staffAlerts.list().some((a) => a.id === alert.id),
      'the alert stays listed for the record',
    );
  });
});
