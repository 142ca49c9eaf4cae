/**
 * The staff console and the applications (書かない窓口) journey, through the runtime router:
 * no staff session may start while an application is being submitted or printed, and
 * 「今すぐ送信する」 (`staff.retryOutbox`) sends a queued submission at once, however long the
 * dispatcher's own backoff still had to run.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { StaffLoginResult } from '../../../contract/staff-console';
import { expectStep, reachMoveWithinCityReview } from '../../support/application-driver';
import { call, startTestRuntime, type TestRuntime } from '../../support/journey-driver';

const PASSCODE = '24681357';
let runtime: TestRuntime;

beforeEach(async () => {
  runtime = await startTestRuntime();
});

afterEach(async () => {
  await runtime.stop();
});

async function login(): Promise<StaffLoginResult> {
  return call(runtime, 'staff.login', { passcode: PASSCODE });
}

describe('staff console and applications (runtime)', () => {
  test('no staff session while an application is submitted or printed; one opens once it is done', async () => {
    await reachMoveWithinCityReview(runtime);
    // Staff try to log in at the very moment each busy step is shown.
    const tries = new Map<string, Promise<StaffLoginResult>>();
    const off = runtime.hub.addSink((channel, payload) => {
      const step = channel === 'application.changed' ? (payload as { step: string }).step : null;
      if ((step === 'submitting' || step === 'printing') && !tries.has(step)) tries.set(step, login());
    });
    try {
      expectStep(await call(runtime, 'application.submit', {}), 'done');
    } finally {
      off();
    }
    assert.deepEqual([...tries.keys()].sort(), ['printing', 'submitting']);
    for (const [step, result] of tries) assert.equal((await result).outcome, 'citizen-busy', `login during ${step}`);
    assert.equal((await login()).outcome, 'ok', 'the done screen does not hold staff off');
  });

  test('staff.retryOutbox sends a queued submission at once, without waiting out its backoff', async () => {
    await reachMoveWithinCityReview(runtime);
    const faults = runtime.backend!.faults!;
    await faults.apply({ mode: 'down', durationMs: 120_000 });
    const done = expectStep(await call(runtime, 'application.submit', {}), 'done');
    assert.equal(done.delivery, 'queued');
    const ward = runtime.outbox.receipt(done.receiptNumber)!.destination;
    const dispatcher = runtime.submissions.dispatcher;

    // As after many failed tries: the next attempt is ten minutes away. Set between attempts
    // (nothing in flight), so no attempt's own outcome overwrites it.
    while ((dispatcher.status()[ward]?.inFlight ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const far = Date.now() + 10 * 60_000;
    for (const item of runtime.outbox.due(ward, Number.MAX_SAFE_INTEGER, 10).items) runtime.outbox.markRetry(item.id, 'test: long backoff', far);
    assert.ok((runtime.outbox.nextDueAt(ward) ?? 0) >= far - 1000);

    assert.equal((await login()).outcome, 'ok');
    await faults.clear();
    // From here to the request nothing but promise callbacks runs: neither the dispatcher's
    // timer nor the health probe can send first, so a send in flight right after the request
    // was started by it.
    assert.equal(runtime.outbox.receipt(done.receiptNumber)!.state, 'queued');
    assert.equal(dispatcher.status()[ward]?.inFlight ?? 0, 0);
    const retried = runtime.router.dispatch('staff.retryOutbox', {});
    assert.equal(dispatcher.status()[ward]?.inFlight, 1, 'the send started with the request');
    assert.deepEqual(await retried, { ok: true, value: { ok: true } });
    assert.equal(await dispatcher.waitForOutcome(done.receiptNumber, 15_000), 'delivered');
    assert.equal(runtime.outbox.receipt(done.receiptNumber)!.state, 'delivered');
  });
});
