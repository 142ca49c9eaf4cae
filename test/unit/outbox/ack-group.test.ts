import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AckGroup, type PendingAck } from '../../../main/outbox/ack-group';
import type { Clock } from '../../../platform/clock';
import { Dispatcher } from '../../../main/outbox/dispatcher';
import type { OutboxItem, SendResult, Sender } from '../../../main/outbox/sender';
import { tempOutbox } from './outbox-test-helpers';
import { cleanedAfterFile } from '../../support/cleaned-after';

const fresh = cleanedAfterFile(tempOutbox);

/** Timers that run only when the test says so. */
function heldClock(): Clock & { fire(): void; pending(): number } {
  const timers = new Map<number, () => void>();
  let id = 0;
  return {
    now: () => 0,
    setTimeout: (fn) => (timers.set(++id, fn), id),
    clearTimeout: (h) => void timers.delete(h as number),
    fire: () => {
      const fns = [...timers.values()];
      timers.clear();
      fns.forEach((f) => f());
    },
    pending: () => timers.size,
  };
}

function ack(id: number, destination = 'ward-a'): PendingAck {
  const item: OutboxItem = {
    id,
    receiptNumber: `R${id}`,
    idempotencyKey: `key-${id}-0000000000000`,
    destination,
    kind: 'k',
    payload: null,
    attempts: 0,
    createdAt: 0,
  };
  return { item, remoteReceipt: `W-${id}`, at: 0 };
}

describe('AckGroup', () => {
  test('commits a group when full, when its delay expires, at once when urgent, and on flush', () => {
    const clock = heldClock();
    const commits: number[][] = [];
    const group = new AckGroup({
      clock,
      maxItems: 3,
      maxDelayMs: 50,
      commit: (acks) => void commits.push(acks.map((a) => a.item.id)),
      onCommitted: () => undefined,
      onFailed: () => assert.fail('no failure expected'),
    });
    group.add(ack(1), false);
    group.add(ack(2, 'ward-b'), false);
    assert.deepEqual(commits, [], 'nothing committed before the group is full or due');
    assert.ok(group.holds('R1') && group.holds('R2'));
    assert.deepEqual(group.ids('ward-a'), [1]);
    group.add(ack(3), false);
    assert.deepEqual(commits, [[1, 2, 3]], 'a full group commits at once');
    assert.equal(clock.pending(), 0, 'its timer is cancelled');
    group.add(ack(4), false);
    clock.fire();
    assert.deepEqual(commits.at(-1), [4], 'the delay commits a partial group');
    group.add(ack(5), true);
    assert.deepEqual(commits.at(-1), [5], 'an acknowledgement someone waits on commits at once');
    group.add(ack(6), false);
    group.flush();
    assert.deepEqual(commits.at(-1), [6]);
    group.flush();
    assert.equal(commits.length, 4, 'flushing an empty group commits nothing');
    assert.equal(group.holds('R6'), false);
  });

  test('a failed commit reports the acknowledgements and lets them go (they stay queued and are resent)', () => {
    const failed: number[] = [];
    const committed: number[] = [];
    const group = new AckGroup({
      clock: heldClock(),
      maxItems: 10,
      maxDelayMs: 50,
      commit: () => {
        throw new Error('disk full');
      },
      onCommitted: (acks) => acks.forEach((a) => committed.push(a.item.id)),
      onFailed: (acks) => acks.forEach((a) => failed.push(a.item.id)),
    });
    group.add(ack(1), false);
    group.add(ack(2), false);
    group.flush();
    assert.deepEqual(failed, [1, 2]);
    assert.deepEqual(committed, [], 'nobody is told "delivered" without a commit');
    assert.equal(group.size, 0);
    assert.deepEqual(group.ids('ward-a'), [], 'no longer held back from the next due query');
  });
});

describe('Dispatcher group commit', () => {
  test('many deliveries take few transactions; an acknowledged row awaiting its commit is never sent again', { timeout: 30_000 }, async () => {
    const t = fresh();
    const outbox = t.open();
    for (let i = 0; i < 300; i++) outbox.enqueue({ destination: i % 3 ? 'ward-a' : 'ward-b', kind: 'k', payload: { i } });
    let transactions = 0;
    const markMany = outbox.markDeliveredMany.bind(outbox);
    outbox.markDeliveredMany = (acks) => {
      transactions++;
      return markMany(acks);
    };
    const sends = new Map<string, number>();
    const sender: Sender = async (item) => {
      sends.set(item.idempotencyKey, (sends.get(item.idempotencyKey) ?? 0) + 1);
      await new Promise((r) => setImmediate(r));
      return { status: 'delivered', remoteReceipt: `W-${item.id}` };
    };
    const dispatcher = new Dispatcher({ outbox, sender, concurrency: 4, ackGroupSize: 64, ackGroupMs: 1_000 });
    dispatcher.start();
    const end = Date.now() + 10_000;
    while (outbox.status().delivered < 300 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    await dispatcher.stop();
    assert.equal(outbox.status().delivered, 300);
    assert.equal(outbox.status().queued, 0);
    assert.equal(sends.size, 300);
    assert.deepEqual([...new Set(sends.values())], [1], 'each submission sent exactly once');
    assert.ok(transactions <= 20, `${transactions} transactions for 300 deliveries`);
    assert.equal(outbox.listDeadLetters().length, 0);
    outbox.close();
  });

  test('a delivery someone waits on is committed at once; a held one is committed when asked for', { timeout: 30_000 }, async () => {
    const t = fresh();
    const outbox = t.open();
    let release: (r: SendResult) => void = () => undefined;
    const sender: Sender = (item) =>
      item.kind === 'slow'
        ? new Promise<SendResult>((r) => (release = r)) // keeps the queue busy (not idle) meanwhile
        : Promise.resolve({ status: 'delivered', remoteReceipt: `W-${item.id}` });
    // An hour-long group delay: only a waiter, idling or stop can commit.
    const dispatcher = new Dispatcher({ outbox, sender, concurrency: 4, ackGroupMs: 3_600_000 });
    dispatcher.start();
    outbox.enqueue({ destination: 'ward-a', kind: 'slow', payload: 0 });
    await new Promise((r) => setTimeout(r, 20));

    const waited = await dispatcher.submit({ destination: 'ward-a', kind: 'k', payload: 1 }, 2_000);
    assert.equal(waited.outcome, 'delivered');
    const seen = outbox.receipt(waited.receiptNumber);
    assert.equal(seen?.state, 'delivered', 'committed before the citizen is told');
    assert.equal(seen?.payloadStored, false, 'payload purged in the same transaction');

    const unwatched = outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: 2 });
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(outbox.receipt(unwatched.receiptNumber)?.state, 'queued', 'acknowledged, commit held back in the group');
    assert.equal(await dispatcher.waitForOutcome(unwatched.receiptNumber, 0), 'delivered', 'asking commits the group');
    assert.equal(outbox.receipt(unwatched.receiptNumber)?.remoteReceipt, 'W-3');

    const atStop = outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: 3 });
    await new Promise((r) => setTimeout(r, 50));
    release({ status: 'delivered', remoteReceipt: 'W-1' });
    await dispatcher.stop();
    assert.equal(outbox.receipt(atStop.receiptNumber)?.state, 'delivered', 'stop commits what is held');
    assert.equal(outbox.status().delivered, 4);
    outbox.close();
  });
});
