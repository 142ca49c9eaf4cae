/**
 * A queued application survives the kiosk: the back end is down at 送信, the kiosk stops, a new
 * kiosk process starts on the same data folder and delivers it, once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { answerAll, expectStep, openEventAndStart } from '../../support/application-driver';
import { call, startTestRuntime, type TestRuntime } from '../../support/journey-driver';

const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-restart-'));
const running: TestRuntime[] = [];

after(async () => {
  for (const rt of running) await rt.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('applications: restart', () => {
  test('queued while the back end is down, delivered by the next start on the same data, exactly once', async () => {
    const first = await startTestRuntime({ dataDir });
    running.push(first);
    await openEventAndStart(first, 'move-within-city');
    expectStep(await call(first, 'application.identify', { method: 'manual' }), 'question');
    await answerAll(first, {
      hasKokuho: false,
      hasChildren: false,
      name: '戸畑　次郎',
      nameKana: 'トバタ　ジロウ',
      birthDate: '1975-07-07',
      sex: 'male',
      myNumber: '382719460526',
      currentAddress: '福岡県北九州市戸畑区中本町１番１号',
      newPostal: '8040000',
      newAddress: '福岡県北九州市戸畑区中本町２番２号',
      isHouseholder: true,
      phone: '093-555-0177',
    });
    await first.backend!.faults!.apply({ mode: 'down', durationMs: 600_000 });
    const done = expectStep(await call(first, 'application.submit', {}), 'done');
    assert.equal(done.delivery, 'queued');
    await first.stop();
    running.pop();

    const second = await startTestRuntime({ dataDir });
    running.push(second);
    assert.ok(second.outbox.receipt(done.receiptNumber), 'the new kiosk has the submission');
    const deadline = Date.now() + 20_000;
    while (second.outbox.receipt(done.receiptNumber)?.state !== 'delivered') {
      if (Date.now() > deadline) throw new Error('not delivered after the restart');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const rows = second.backend!.db.prepare('SELECT ward, payload_json AS json FROM submissions').all() as { ward: string; json: string }[];
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.ward, 'tobata');
    assert.equal((JSON.parse(rows[0]!.json) as { localReceiptNumber: string }).localReceiptNumber, done.receiptNumber);
  });
});
