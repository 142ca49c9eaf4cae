import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Clock } from '../../../platform/clock';
import { Dispatcher, type DeadLetterAlert } from '../../../main/outbox/dispatcher';
import type { OutboxItem, SendResult, Sender } from '../../../main/outbox/sender';
import { tempOutbox } from './outbox-test-helpers';
import { cleanedAfterFile } from '../../support/cleaned-after';

const fresh = cleanedAfterFile(tempOutbox);

const FAST = { baseMs: 5, capMs: 40 };

async function waitUntil(cond: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A manual clock: timers run only when the test advances time. */
function manualClock(): Clock & { advance(ms: number): Promise<void>; t: number } {
  const timers = new Map<number, { at: number; fn: () => void }>();
  let id = 0;
  const clock = {
    t: 0,
    now: () => clock.t,
    setTimeout: (fn: () => void, ms: number) => {
      timers.set(++id, { at: clock.t + ms, fn });
      return id;
    },
    clearTimeout: (h: unknown) => void timers.delete(h as number),
    async advance(ms: number): Promise<void> {
      const target = clock.t + ms;
      for (;;) {
        await new Promise((r) => setImmediate(r));
        const next = [...timers.entries()].filter(([, v]) => v.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        timers.delete(next[0]);
        clock.t = next[1].at;
        next[1].fn();
      }
      clock.t = target;
      await new Promise((r) => setImmediate(r));
    },
  };
  return clock;
}

describe('Dispatcher', () => {
  test('one ward down does not block another ward', async () => {
    const t = fresh();
    const outbox = t.open();
    const sender: Sender = async (item) =>
      item.destination === 'ward-down' ? { status: 'retry', reason: 'unreachable: ECONNREFUSED' } : { status: 'delivered', remoteReceipt: `R-${item.id}` };
    const dispatcher = new Dispatcher({ outbox, sender, backoff: FAST });
    for (let i = 0; i < 6; i++) outbox.enqueue({ destination: i % 2 ? 'ward-down' : 'ward-up', kind: 'k', payload: { i } });
    dispatcher.start();
    await waitUntil(() => outbox.status().byDestination['ward-up']?.delivered === 3);
    await waitUntil(() => (dispatcher.status()['ward-down']?.consecutiveFailures ?? 0) >= 3);
    const s = outbox.status();
    assert.equal(s.byDestination['ward-down']?.queued, 3);
    assert.equal(s.byDestination['ward-up']?.queued, 0);
    assert.equal(dispatcher.status()['ward-up']?.consecutiveFailures, 0);
    await dispatcher.stop();
    outbox.close();
  });

  test('retries follow exponential backoff with full jitter (injected clock and random)', async () => {
    const t = fresh();
    const clock = manualClock();
    const outbox = t.open({ now: clock.now });
    const calls: number[] = [];
    const sender: Sender = async () => {
      calls.push(clock.now());
      return { status: 'retry', reason: 'http-503' };
    };
    const dispatcher = new Dispatcher({ outbox, sender, clock, random: () => 0.5, backoff: { baseMs: 100, capMs: 1_000 } });
    const r = outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: 1 });
    dispatcher.start();
    await clock.advance(3_000);
    // delays 0.5 * min(1000, 100 * 2^n): 50, 100, 200, 400, 500, 500 ...
    assert.deepEqual(calls.slice(0, 7), [0, 50, 150, 350, 750, 1250, 1750]);
    assert.equal(outbox.receipt(r.receiptNumber)?.lastReason, 'http-503');
    assert.equal(outbox.receipt(r.receiptNumber)?.state, 'queued');
    await dispatcher.stop();
    outbox.close();
  });

  test('notifyReachable retries at once instead of waiting out the backoff', async () => {
    const t = fresh();
    const outbox = t.open();
    let up = false;
    let sends = 0;
    const sender: Sender = async (item) => {
      sends++;
      return up ? { status: 'delivered', remoteReceipt: `R-${item.id}` } : { status: 'retry', reason: 'unreachable' };
    };
    const dispatcher = new Dispatcher({ outbox, sender, backoff: { baseMs: 600_000, capMs: 600_000 }, random: () => 0.99 });
    dispatcher.start();
    const r = await dispatcher.submit({ destination: 'ward-a', kind: 'k', payload: 1 }, 1_000);
    assert.equal(r.outcome, 'queued');
    up = true;
    await new Promise((res) => setTimeout(res, 100));
    assert.equal(sends, 1, 'still backing off');
    dispatcher.notifyReachable('ward-a');
    assert.equal(await dispatcher.waitForOutcome(r.receiptNumber, 2_000), 'delivered');
    assert.equal(sends, 2);
    assert.equal(outbox.receipt(r.receiptNumber)?.remoteReceipt, 'R-1');
    await dispatcher.stop();
    outbox.close();
  });

  test('4xx answers go to the dead-letter list with a staff alert carrying no payload', async () => {
    const t = fresh();
    const outbox = t.open();
    const alerts: DeadLetterAlert[] = [];
    const sender: Sender = async (item) =>
      item.kind === 'bad' ? { status: 'rejected', httpStatus: 422, code: 'validation-failed' } : { status: 'delivered', remoteReceipt: 'R' };
    const dispatcher = new Dispatcher({ outbox, sender, backoff: FAST, onDeadLetter: (a) => alerts.push(a) });
    dispatcher.start();
    const bad = await dispatcher.submit({ destination: 'ward-a', kind: 'bad', payload: { secret: 'never in alerts' } }, 2_000);
    const good = await dispatcher.submit({ destination: 'ward-a', kind: 'good', payload: 1 }, 2_000);
    assert.equal(bad.outcome, 'dead');
    assert.equal(good.outcome, 'delivered');
    assert.deepEqual(alerts, [{ receiptNumber: bad.receiptNumber, destination: 'ward-a', kind: 'bad', httpStatus: 422, code: 'validation-failed' }]);
    assert.equal(JSON.stringify(alerts).includes('never in alerts'), false);
    assert.equal(outbox.listDeadLetters().length, 1);
    assert.equal(outbox.receipt(bad.receiptNumber)?.payloadStored, true);
    assert.equal(outbox.receipt(good.receiptNumber)?.payloadStored, false);
    await dispatcher.stop();
    outbox.close();
  });

  test('a throwing sender counts as a transient failure; the item is retried and delivered', async () => {
    const t = fresh();
    const outbox = t.open();
    let n = 0;
    const sender: Sender = async (): Promise<SendResult> => {
      if (++n < 3) throw new Error('boom');
      return { status: 'delivered', remoteReceipt: 'R' };
    };
    const dispatcher = new Dispatcher({ outbox, sender, backoff: FAST });
    dispatcher.start();
    const r = outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: 1 });
    assert.equal(await dispatcher.waitForOutcome(r.receiptNumber, 3_000), 'delivered');
    assert.equal(outbox.receipt(r.receiptNumber)?.attempts, 3);
    await dispatcher.stop();
    outbox.close();
  });

  test('rows queued before start are found; stop waits for sends in flight and records them', async () => {
    const t = fresh();
    const first = t.open();
    const receipts = [1, 2, 3].map((i) => first.enqueue({ destination: `ward-${i}`, kind: 'k', payload: i }).receiptNumber);
    first.close();
    const outbox = t.open();
    const seen: OutboxItem[] = [];
    const sender: Sender = async (item) => {
      seen.push(item);
      await new Promise((r) => setTimeout(r, 50));
      return { status: 'delivered', remoteReceipt: `R-${item.id}` };
    };
    const dispatcher = new Dispatcher({ outbox, sender, backoff: FAST });
    dispatcher.start();
    await waitUntil(() => seen.length === 3);
    await dispatcher.stop();
    for (const r of receipts) assert.equal(outbox.receipt(r)?.state, 'delivered');
    assert.deepEqual(seen.map((s) => s.payload).sort(), [1, 2, 3]);
    outbox.close();
  });

  test('an outbox closed under a running dispatcher ends its sending without an uncaught error', async () => {
    const t = fresh();
    const outbox = t.open();
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown): void => void uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const sender: Sender = async (item) => {
      await gate;
      return { status: 'delivered', remoteReceipt: `R-${item.id}` };
    };
    const dispatcher = new Dispatcher({ outbox, sender, backoff: FAST, concurrency: 1 });
    dispatcher.start();
    const r = outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: 1 });
    outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: 2 });
    await waitUntil(() => dispatcher.status()['ward-a']?.inFlight === 1);
    // The "crash" of the test: the store closes while a send is in flight and nobody stops the dispatcher.
    outbox.close();
    release();
    await new Promise((res) => setTimeout(res, 100));
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    assert.deepEqual(uncaught, [], 'the finished send found the store closed and stopped quietly');
    const reopened = t.open();
    assert.equal(reopened.receipt(r.receiptNumber)?.state, 'queued', 'the acknowledgement was never committed, so it stays to resend');
    reopened.close();
  });

  test('a store that fails while pumping is tried again after a backoff, and the items are then delivered', async () => {
    const t = fresh();
    const real = t.open();
    let failuresLeft = 2;
    // The outbox as the dispatcher sees it: its due query fails twice (a disk error), then works.
    const flaky = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'due' && failuresLeft > 0)
          return () => {
            failuresLeft--;
            throw new Error('SQLITE_IOERR: disk I/O error');
          };
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const sender: Sender = async (item) => ({ status: 'delivered', remoteReceipt: `R-${item.id}` });
    const dispatcher = new Dispatcher({ outbox: flaky, sender, backoff: FAST });
    const r = real.enqueue({ destination: 'ward-a', kind: 'k', payload: 1 });
    dispatcher.start();
    assert.equal(await dispatcher.waitForOutcome(r.receiptNumber, 5_000), 'delivered');
    assert.equal(failuresLeft, 0, 'both failures were met and got past');
    await dispatcher.stop();
    real.close();
  });

  test('every attempt carries the idempotency key given at enqueue: across retries and across a close and reopen (restart)', async () => {
    const t = fresh();
    const keysSent: string[] = [];
    const failing: Sender = async (item) => {
      keysSent.push(item.idempotencyKey);
      return { status: 'retry', reason: 'http-503' };
    };
    const clock = manualClock();
    const first = t.open({ now: clock.now });
    const queued = first.enqueue({ destination: 'ward-a', kind: 'k', payload: { n: 1 } });
    const before = new Dispatcher({ outbox: first, sender: failing, clock, random: () => 0.5, backoff: { baseMs: 100, capMs: 1_000 } });
    before.start();
    await clock.advance(3_000);
    assert.ok(keysSent.length >= 3, `retried (${keysSent.length} attempts)`);
    await before.stop();
    first.close();

    const reopened = t.open();
    const sender: Sender = async (item) => {
      keysSent.push(item.idempotencyKey);
      return { status: 'delivered', remoteReceipt: `R-${item.id}` };
    };
    const after = new Dispatcher({ outbox: reopened, sender, backoff: FAST });
    after.start();
    assert.equal(await after.waitForOutcome(queued.receiptNumber, 5_000), 'delivered');
    await after.stop();
    reopened.close();
    assert.deepEqual(new Set(keysSent), new Set([queued.idempotencyKey]), 'one key for every attempt, before and after the restart');
  });
});
