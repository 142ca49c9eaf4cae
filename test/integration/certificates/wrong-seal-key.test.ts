/**
 * A kiosk configured with a seal public key that is not the one the back end signs with (a wrong
 * `sealPublicKeyFile`, or a forged back end): every certificate fails its seal check, so the
 * journey ends before any money is asked for, and staff are told.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { TRANSACTION_STATES } from '../../../main/journal/journal-states';
import { call, startTestRuntime, waitForStep } from '../../support/journey-driver';

let runtime: KioskRuntime;
const keyDir = mkdtempSync(join(tmpdir(), 'madoguchi-wrong-seal-'));

before(async () => {
  const wrongKeyFile = join(keyDir, 'not-the-city.pub.pem');
  writeFileSync(wrongKeyFile, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
  runtime = await startTestRuntime({ backend: { sealPublicKeyFile: wrongKeyFile } });
});

after(async () => {
  await runtime.stop();
  rmSync(keyDir, { recursive: true, force: true });
});

describe('certificate journey with a wrong seal public key', () => {
  test('the certificate is refused before payment: no sale journaled, no money taken, nothing printed, staff alerted', async () => {
    const cash = runtime.devices.sim.cash!.model;
    const inventoryBefore = cash.inventorySnapshot();
    await call(runtime, 'certificate.begin', {});
    await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
    await waitForStep(runtime, 'pin');
    assert.equal((await call(runtime, 'certificate.submitPin', { pin: '1234', confirmedLastTry: false })).step, 'choose');

    const view = await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });

    assert.equal(view.step, 'failed');
    assert.equal(view.step === 'failed' && view.messageKey, 'certificate.error.goToCounter');
    assert.equal(view.step === 'failed' && view.refundedYen, 0);
    assert.ok(
      runtime.staffAlerts.list().some((a) => a.code === 'certificate-seal-rejected' && a.severity === 'error'),
      'staff are told',
    );
    assert.deepEqual(runtime.journal.list(TRANSACTION_STATES), [], 'no sale was opened, so no payment could be asked for');
    assert.equal(runtime.journal.reconcile(runtime.journal.day(Date.now())).netYen, 0);
    assert.equal(cash.state, 'idle', 'the cash unit was never enabled');
    assert.equal(cash.escrowTotal, 0);
    assert.deepEqual(cash.inventorySnapshot(), inventoryBefore);
    assert.equal(runtime.devices.sim.printer!.printed.length, 0);
  });
});
