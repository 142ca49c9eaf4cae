import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { IdempotencyConflictError, OutboxInputError } from '../../../main/outbox/outbox-errors';
import { tempOutbox } from './outbox-test-helpers';
import { cleanedAfterFile } from '../../support/cleaned-after';

const fresh = cleanedAfterFile(tempOutbox);

// 2026-11-28 10:00 JST
const T0 = Date.UTC(2026, 10, 28, 1, 0, 0);

describe('Outbox store', () => {
  test('enqueue returns a readable receipt number per JST day and a generated idempotency key', () => {
    const t = fresh();
    let now = T0;
    const outbox = t.open({ now: () => now });
    const a = outbox.enqueue({ destination: 'ward-a', kind: 'moving-in', payload: { form: 1 } });
    const b = outbox.enqueue({ destination: 'ward-b', kind: 'moving-in', payload: { form: 2 } });
    now = Date.UTC(2026, 10, 28, 15, 0, 1); // 00:00:01 JST on the 29th
    const c = outbox.enqueue({ destination: 'ward-a', kind: 'moving-in', payload: { form: 3 } });
    assert.deepEqual([a.receiptNumber, b.receiptNumber, c.receiptNumber], ['KK01-20261128-0001', 'KK01-20261128-0002', 'KK01-20261129-0001']);
    assert.match(a.idempotencyKey, /^[0-9a-f-]{36}$/);
    assert.notEqual(a.idempotencyKey, b.idempotencyKey);
    assert.equal(a.duplicate, false);
    outbox.close();
  });

  test('everything queued is there after close and reopen', () => {
    const t = fresh();
    const first = t.open();
    const receipts = Array.from({ length: 20 }, (_, i) => first.enqueue({ destination: `ward-${i % 3}`, kind: 'k', payload: { i } }).receiptNumber);
    first.close();
    const again = t.open();
    assert.equal(again.status().queued, 20);
    assert.deepEqual(again.queuedDestinations().sort(), ['ward-0', 'ward-1', 'ward-2']);
    for (const r of receipts) assert.equal(again.receipt(r)?.state, 'queued');
    const { items } = again.due('ward-1', Date.now() + 1, 100);
    assert.deepEqual(
      items.map((i) => i.payload).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
      [{ i: 1 }, { i: 10 }, { i: 13 }, { i: 16 }, { i: 19 }, { i: 4 }, { i: 7 }],
    );
    again.close();
  });

  test('the same idempotency key returns the first receipt; a different submission under it is refused', () => {
    const t = fresh();
    const outbox = t.open();
    const key = 'client-key-0123456789';
    const first = outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: { x: 1 }, idempotencyKey: key });
    const again = outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: { x: 1 }, idempotencyKey: key });
    assert.equal(again.receiptNumber, first.receiptNumber);
    assert.equal(again.duplicate, true);
    assert.equal(outbox.status().queued, 1);
    assert.throws(() => outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: { x: 2 }, idempotencyKey: key }), IdempotencyConflictError);
    assert.throws(() => outbox.enqueue({ destination: 'ward-b', kind: 'k', payload: { x: 1 }, idempotencyKey: key }), IdempotencyConflictError);
    outbox.close();
  });

  test('bad input is refused with a typed error', () => {
    const t = fresh();
    const outbox = t.open({ maxPayloadBytes: 100 });
    const bad = [
      { destination: 'Ward A', kind: 'k', payload: 1 },
      { destination: 'ward-a', kind: '', payload: 1 },
      { destination: 'ward-a', kind: 'k', payload: 1, idempotencyKey: 'short' },
      { destination: 'ward-a', kind: 'k', payload: 'x'.repeat(200) },
      { destination: 'ward-a', kind: 'k', payload: undefined as unknown as null },
    ];
    for (const input of bad) assert.throws(() => outbox.enqueue(input), OutboxInputError);
    assert.equal(outbox.status().queued, 0);
    outbox.close();
  });

  test('delivery purges the payload and keeps the minimal receipt', () => {
    const t = fresh();
    const outbox = t.open();
    const r = outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: { secret: 'x' } });
    const [item] = outbox.due('ward-a', Date.now() + 1, 1).items;
    assert.ok(item);
    outbox.markDelivered(item.id, 'W-000123', 1234);
    const receipt = outbox.receipt(r.receiptNumber);
    assert.equal(receipt?.state, 'delivered');
    assert.equal(receipt?.remoteReceipt, 'W-000123');
    assert.equal(receipt?.deliveredAt, 1234);
    assert.equal(receipt?.payloadStored, false);
    assert.equal(receipt?.destination, 'ward-a');
    outbox.close();
    const raw = new Database(t.dbPath);
    assert.equal((raw.prepare('SELECT sealed FROM submissions').get() as { sealed: unknown }).sealed, null);
    raw.close();
  });

  test('database triggers forbid changing a queued payload or identity, and deleting pending rows', () => {
    const t = fresh();
    const outbox = t.open();
    outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: { a: 1 } });
    outbox.close();
    const raw = new Database(t.dbPath);
    assert.throws(() => raw.prepare("UPDATE submissions SET sealed = x'00'").run(), /payload is immutable/);
    assert.throws(() => raw.prepare('UPDATE submissions SET sealed = NULL').run(), /payload is immutable/);
    assert.throws(() => raw.prepare("UPDATE submissions SET destination = 'ward-b'").run(), /identity is immutable/);
    assert.throws(() => raw.prepare("UPDATE submissions SET idempotency_key = 'x'").run(), /identity is immutable/);
    assert.throws(() => raw.prepare('DELETE FROM submissions').run(), /cannot be deleted/);
    raw.prepare("UPDATE submissions SET state = 'delivered', remote_receipt = 'R', sealed = NULL").run();
    assert.throws(() => raw.prepare("UPDATE submissions SET state = 'queued'").run(), /illegal state change/);
    raw.close();
  });

  test('dead letters keep their payload for staff until resolved, then only the receipt remains', () => {
    const t = fresh();
    const outbox = t.open();
    const r = outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: { form: 'A' } });
    const [item] = outbox.due('ward-a', Date.now() + 1, 1).items;
    assert.ok(item);
    outbox.markDead(item.id, 422, 'validation-failed');
    assert.deepEqual(
      outbox.listDeadLetters().map((d) => [d.receiptNumber, d.httpStatus, d.code]),
      [[r.receiptNumber, 422, 'validation-failed']],
    );
    assert.deepEqual(outbox.readDeadLetterPayload(r.receiptNumber), { form: 'A' });
    assert.equal(outbox.due('ward-a', Date.now() + 1, 1).items.length, 0);
    outbox.resolveDeadLetter(r.receiptNumber, 'handled at counter 3');
    assert.equal(outbox.receipt(r.receiptNumber)?.state, 'resolved');
    assert.equal(outbox.receipt(r.receiptNumber)?.payloadStored, false);
    assert.deepEqual(outbox.status(), {
      queued: 0,
      delivered: 0,
      deadLetters: 0,
      resolved: 1,
      byDestination: { 'ward-a': { queued: 0, delivered: 0, deadLetters: 0 } },
    });
    outbox.close();
  });

  test('status counts per destination for the staff screen', () => {
    const t = fresh();
    const outbox = t.open({ now: () => T0 });
    outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: 1 });
    outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: 2 });
    outbox.enqueue({ destination: 'ward-b', kind: 'k', payload: 3 });
    const [item] = outbox.due('ward-b', T0, 1).items;
    assert.ok(item);
    outbox.markDelivered(item.id, 'R1', T0);
    const s = outbox.status();
    assert.equal(s.queued, 2);
    assert.equal(s.delivered, 1);
    assert.deepEqual(s.byDestination['ward-a'], { queued: 2, delivered: 0, deadLetters: 0, oldestQueuedAt: T0, nextAttemptAt: T0 });
    assert.equal(outbox.pruneReceipts(T0 + 1), 1);
    assert.equal(outbox.status().delivered, 0);
    outbox.close();
  });
});
