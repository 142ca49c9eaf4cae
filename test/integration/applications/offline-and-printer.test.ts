/**
 * What the citizen is told when things go wrong after 「送信」: the ward back end down (kept in the
 * outbox, 「通信が回復したら自動で送信します」, delivered exactly once when it is back), a connection
 * cut after the back end committed (one row, not two), and the printer out of paper (the
 * submission is kept; the receipt number sends the citizen to the counter).
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { expectStep, reachMoveWithinCityReview } from '../../support/application-driver';
import { call, startTestRuntime, type TestRuntime } from '../../support/journey-driver';

let runtime: TestRuntime;

beforeEach(async () => {
  runtime = await startTestRuntime();
});

afterEach(async () => {
  await runtime.stop();
});

/** Reaches the review of a 市内転居 with card-001. */
async function toReview(): Promise<void> {
  await reachMoveWithinCityReview(runtime);
}

function rowsFor(localReceipt: string): number {
  const rows = runtime.backend!.db.prepare('SELECT payload_json AS json FROM submissions').all() as { json: string }[];
  return rows.filter((r) => (JSON.parse(r.json) as { localReceiptNumber?: string }).localReceiptNumber === localReceipt).length;
}

async function waitUntil(what: string, ok: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('applications: network and printer faults', () => {
  test('back end down: forms printed, "queued" with the receipt; back up: delivered exactly once', async () => {
    await toReview();
    await runtime.backend!.faults!.apply({ mode: 'down', durationMs: 5000 });
    const done = expectStep(await call(runtime, 'application.submit', {}), 'done');
    assert.equal(done.delivery, 'queued');
    assert.match(done.receiptNumber, /^4010601-/);
    assert.ok(runtime.devices.sim.printer!.printed.length >= 1, 'printed while offline');
    assert.equal(runtime.outbox.receipt(done.receiptNumber)?.state, 'queued');

    await waitUntil('delivered', () => runtime.outbox.receipt(done.receiptNumber)?.state === 'delivered');
    assert.equal(rowsFor(done.receiptNumber), 1);
    // Whatever the dispatcher does next, no second copy appears.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(rowsFor(done.receiptNumber), 1);
    assert.deepEqual(runtime.outbox.listDeadLetters(), []);
  });

  test('a connection cut after the back end committed: resent with the same key, stored once', async () => {
    await toReview();
    await runtime.backend!.faults!.apply({ mode: 'drop-after-commit', count: 1 });
    const done = expectStep(await call(runtime, 'application.submit', {}), 'done');
    await waitUntil('delivered', () => runtime.outbox.receipt(done.receiptNumber)?.state === 'delivered');
    assert.equal(rowsFor(done.receiptNumber), 1);
    assert.ok((runtime.outbox.receipt(done.receiptNumber)?.attempts ?? 0) >= 2, 'it was sent again');
  });

  test('a submission the back end refuses (4xx) is dead-lettered with a staff alert, never dropped', async () => {
    // A kind the kiosk's queue accepts but the back end's schema does not: a 400 validation-failed.
    const { receiptNumber } = runtime.submissions.enqueue({
      ward: 'moji',
      kind: 'not.a.kind',
      idempotencyKey: 'dead-letter-test-0001',
      payload: { eventId: null, kioskId: 'kiosk-kokurakita-01', identifiedBy: 'manual', forms: [] },
    });
    assert.equal(await runtime.submissions.waitForOutcome(receiptNumber, 10_000), 'dead');
    assert.deepEqual(
      runtime.outbox.listDeadLetters().map((d) => [d.receiptNumber, d.httpStatus]),
      [[receiptNumber, 400]],
    );
    assert.ok(runtime.staffAlerts.list().some((a) => a.code.startsWith('application-dead-letter') && a.reference === receiptNumber));
  });

  test('printer out of paper at submit: the submission is kept, the receipt sends the citizen to the counter, staff alerted', async () => {
    await toReview();
    runtime.devices.sim.printer!.injectFault('media-empty');
    const failed = expectStep(await call(runtime, 'application.submit', {}), 'failed');
    assert.equal(failed.messageKey, 'application.error.printFailed');
    assert.ok(failed.receiptNumber, 'the receipt number is on screen');
    assert.equal(runtime.devices.sim.printer!.printed.length, 0);
    const kept = runtime.outbox.receipt(failed.receiptNumber);
    assert.ok(kept && kept.state !== 'dead', 'the submission is kept');
    await waitUntil('delivered', () => runtime.outbox.receipt(failed.receiptNumber!)?.state === 'delivered');
    const alerts = runtime.staffAlerts.list();
    assert.ok(alerts.some((a) => a.code === 'printer-media-empty'));
    assert.ok(alerts.some((a) => a.code === 'application-not-printed' && a.reference === failed.receiptNumber));
    assert.equal(expectStep(await call(runtime, 'application.back', {}), 'failed').receiptNumber, failed.receiptNumber, 'the receipt stays on screen');
  });
});
