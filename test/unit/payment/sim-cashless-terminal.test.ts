/** The simulated cashless terminal: idempotency, declines, timeouts, offline, refunds. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { SimCashlessTerminal } from '../../../devices/payment/cashless/sim/sim-cashless-terminal';
import { loadCashlessSimFixture, parseCashlessSimFixture, CashlessSimFixtureError } from '../../../devices/payment/cashless/sim/sim-cashless-fixture';

const make = (): SimCashlessTerminal => new SimCashlessTerminal(loadCashlessSimFixture(), { latencyMs: 1, timeoutMs: 20 });

describe('SimCashlessTerminal', () => {
  test('approves by default (fixture), with a transaction id', async () => {
    const t = make();
    const r = await t.charge(350, { idempotencyKey: 'tx1/1' });
    assert.deepEqual(r, { status: 'approved', transactionId: 'SIM-000001', amount: 350 });
    assert.equal(t.netCharged, 350);
    await t.close();
  });

  test('the same key never charges twice: sequential and concurrent repeats replay', async () => {
    const t = make();
    const [a, b] = await Promise.all([t.charge(300, { idempotencyKey: 'k' }), t.charge(300, { idempotencyKey: 'k' })]);
    const c = await t.charge(300, { idempotencyKey: 'k' });
    assert.deepEqual(a, b);
    assert.deepEqual(a, c);
    assert.equal(t.chargeCount, 1);
    assert.deepEqual(await t.charge(500, { idempotencyKey: 'k' }), { status: 'error', code: 'idempotency-conflict', outcomeUnknown: false });
    assert.equal(t.chargeCount, 1);
    await t.close();
  });

  test('a decline is replayed for its key; a new key is a new attempt', async () => {
    const t = make();
    t.queue({ outcome: 'decline', reason: 'insufficient-funds' });
    assert.deepEqual(await t.charge(300, { idempotencyKey: 'tx/1' }), { status: 'declined', reason: 'insufficient-funds' });
    assert.deepEqual(await t.charge(300, { idempotencyKey: 'tx/1' }), { status: 'declined', reason: 'insufficient-funds' });
    assert.equal((await t.charge(300, { idempotencyKey: 'tx/2' })).status, 'approved');
    assert.equal(t.chargeCount, 1);
    await t.close();
  });

  test('timeout after charging: outcome unknown, then lookup and a repeat find the one charge', async () => {
    const t = make();
    t.queue({ outcome: 'timeout', charged: true });
    const r = await t.charge(750, { idempotencyKey: 'tx/1' });
    assert.deepEqual(r, { status: 'error', code: 'timeout', outcomeUnknown: true });
    const found = await t.lookup('tx/1');
    assert.equal(found?.status, 'approved');
    assert.deepEqual(await t.charge(750, { idempotencyKey: 'tx/1' }), found);
    assert.equal(t.chargeCount, 1);
    assert.equal(t.netCharged, 750);
    await t.close();
  });

  test('timeout before charging: lookup finds nothing, nothing was charged', async () => {
    const t = make();
    t.queue({ outcome: 'timeout', charged: false });
    assert.equal((await t.charge(750, { idempotencyKey: 'tx/1' })).status, 'error');
    assert.equal(await t.lookup('tx/1'), null);
    assert.equal(t.chargeCount, 0);
    await t.close();
  });

  test('offline, device error, limit, bad request and a pre-aborted signal charge nothing', async () => {
    const t = make();
    t.setOffline(true);
    assert.deepEqual(await t.charge(100, { idempotencyKey: 'a' }), { status: 'error', code: 'offline', outcomeUnknown: false });
    assert.deepEqual(await t.status(), { state: 'offline' });
    t.setOffline(false);
    t.queue({ outcome: 'offline' }, { outcome: 'device-error' });
    assert.equal((await t.charge(100, { idempotencyKey: 'b' })).status, 'error');
    assert.deepEqual(await t.charge(100, { idempotencyKey: 'c' }), { status: 'error', code: 'device-error', outcomeUnknown: false });
    assert.deepEqual(await t.charge(60_000, { idempotencyKey: 'd' }), { status: 'declined', reason: 'limit-exceeded' });
    assert.equal((await t.charge(0, { idempotencyKey: 'e' })).status, 'error');
    assert.equal((await t.charge(10, { idempotencyKey: '' })).status, 'error');
    const ac = new AbortController();
    ac.abort();
    assert.deepEqual(await t.charge(100, { idempotencyKey: 'f', signal: ac.signal }), { status: 'declined', reason: 'cancelled-by-user' });
    assert.equal(t.chargeCount, 0);
    await t.close();
  });

  test('refunds: idempotent, bounded by the charge, unknown transactions rejected', async () => {
    const t = make();
    const c = await t.charge(450, { idempotencyKey: 'tx/1' });
    assert.equal(c.status, 'approved');
    if (c.status !== 'approved') return;
    const r1 = await t.refund(c.transactionId, 450, { idempotencyKey: 'tx/refund' });
    const r2 = await t.refund(c.transactionId, 450, { idempotencyKey: 'tx/refund' });
    assert.equal(r1.status, 'refunded');
    assert.deepEqual(r1, r2);
    assert.equal(t.netCharged, 0);
    assert.deepEqual(await t.refund(c.transactionId, 10, { idempotencyKey: 'x' }), { status: 'rejected', reason: 'exceeds-charge' });
    assert.deepEqual(await t.refund('SIM-999999', 10, { idempotencyKey: 'y' }), { status: 'rejected', reason: 'unknown-transaction' });
    await t.close();
  });

  test('close() ends a pending charge as an error instead of leaving it hanging', async () => {
    const t = new SimCashlessTerminal(loadCashlessSimFixture(), { latencyMs: 10_000 });
    const p = t.charge(100, { idempotencyKey: 'z' });
    await t.close();
    assert.deepEqual(await p, { status: 'error', code: 'offline', outcomeUnknown: false });
  });

  test('fixture validation is typed', () => {
    assert.throws(() => parseCashlessSimFixture({ latencyMs: 1 }), CashlessSimFixtureError);
    assert.throws(() => parseCashlessSimFixture({ ...loadCashlessSimFixture(), script: [{ outcome: 'maybe' }] }), CashlessSimFixtureError);
  });
});
