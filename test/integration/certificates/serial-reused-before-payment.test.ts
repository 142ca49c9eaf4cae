/**
 * A back end that issues a serial the kiosk has already used (here: the demo back end's
 * database lost between two starts on the same data folder) is refused BEFORE any money is
 * taken: the citizen never reaches the fee screen, is sent to the counter, and staff are told.
 * The first sale and its serial are untouched.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { demoBackendDbPath } from '../../../demo/demo-backend';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { buyOneJuminhyoInCash, call, startTestRuntime, waitForStep } from '../../support/journey-driver';

const dataDirs: string[] = [];
const running: KioskRuntime[] = [];
after(async () => {
  for (const r of running) await r.stop();
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
});

/** A data folder of this file's own, kept across the starts of one test. */
function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-data-'));
  dataDirs.push(dir);
  return dir;
}

async function start(dataDir: string): Promise<KioskRuntime> {
  const runtime = await startTestRuntime({ dataDir });
  running.push(runtime);
  return runtime;
}

async function stop(runtime: KioskRuntime): Promise<void> {
  running.splice(running.indexOf(runtime), 1);
  await runtime.stop();
}

async function sellOne(runtime: KioskRuntime): Promise<string> {
  await buyOneJuminhyoInCash(runtime);
  await call(runtime, 'simulator.removeCard', {});
  await waitForStep(runtime, 'idle', 20_000);
  const sold = runtime.journal.list(['done']).at(-1)?.serial;
  assert.ok(sold, 'the sale printed');
  return sold;
}

describe('a repeated serial is refused before payment', () => {
  test('the embedded back end keeps its serials under dataDir: a second start sells under a new serial', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    const one = await sellOne(first);
    await stop(first);
    const second = await start(dataDir);
    const two = await sellOne(second);
    assert.notEqual(two, one);
    assert.equal(
      second.staffAlerts.list().some((a) => a.code === 'backend-serial-reused'),
      false,
    );
    await stop(second);
  });

  test('back end database lost between starts: a used serial again → no fee screen, nothing taken, staff alerted', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    const soldSerial = await sellOne(first);
    const sold = first.journal.list(['done']).find((t) => t.serial === soldSerial)!;
    const backendDb = demoBackendDbPath(first.config);
    await stop(first);
    // The back end forgets every issuance (and its counters): it will issue the same serial again.
    rmSync(join(backendDb, '..'), { recursive: true, force: true });

    const second = await start(dataDir);
    await call(second, 'certificate.begin', {});
    await call(second, 'simulator.insertCard', { cardId: 'card-001' });
    await waitForStep(second, 'pin');
    await call(second, 'certificate.submitPin', { pin: '1234', confirmedLastTry: false });
    const answer = await call(second, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });
    assert.equal(answer.step, 'failed', `no fee screen for a repeated serial: ${answer.step}`);
    assert.equal(answer.step === 'failed' && answer.messageKey, 'certificate.error.goToCounter');
    assert.equal(answer.step === 'failed' && answer.refundedYen, 0, 'nothing was taken, so nothing is given back');
    assert.deepEqual(second.journal.list(['authenticated', 'paid', 'printing']), [], 'no sale is left waiting for money');
    assert.equal(second.journal.list(['cancelled']).length, 1, 'the refused sale is journaled as cancelled');
    const alert = second.staffAlerts.list().find((a) => a.code === 'backend-serial-reused');
    assert.equal(alert?.reference, sold.serial, 'staff are told which serial came back');
    assert.equal(second.journal.get(sold.id)?.state, 'done', 'the first sale is untouched');
    assert.equal(second.devices.sim.printer!.printed.length, 0, 'nothing printed');
    await stop(second);
  });
});
