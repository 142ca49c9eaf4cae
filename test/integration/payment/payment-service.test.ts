/**
 * PaymentService over the simulated cash unit (through SimHidTransport) and the simulated
 * cashless terminal: pay, cancel before printing, refund after a print failure, no double charge.
 */
import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { PaymentService, PaymentError, type PaymentRecord } from '../../../devices/payment/payment-service';
import { openCashUnit, type OpenedCashUnit } from '../../../devices/payment/cash/open-cash-unit';
import { SimCashlessTerminal } from '../../../devices/payment/cashless/sim/sim-cashless-terminal';
import { loadCashlessSimFixture } from '../../../devices/payment/cashless/sim/sim-cashless-fixture';
import { FAST } from '../../support/payment/cash-unit-contract';
import { until } from '../../support/payment/until';

describe('PaymentService', () => {
  let cash: OpenedCashUnit;
  let term: SimCashlessTerminal;
  let svc: PaymentService;
  let log: PaymentRecord[];
  const setup = async (): Promise<void> => {
    cash = await openCashUnit({ backend: 'sim', options: FAST });
    term = new SimCashlessTerminal(loadCashlessSimFixture(), { latencyMs: 1, timeoutMs: 15 });
    svc = new PaymentService({ cash: cash.unit, cashless: term });
    log = [];
    svc.onChange((r) => log.push(r));
  };
  const sim = () => cash.sim!;
  const accepting = () => until(() => sim().model.state === 'accepting', 'accepting');
  afterEach(async () => {
    await cash.close();
    await term.close();
  });

  test('cash: pay with change, then printing fails → refundAll gives the fee back', async () => {
    await setup();
    const p = svc.pay(350, 'cash', { txId: 'T1' });
    await accepting();
    sim().insertCoin(500);
    const paid = await p;
    assert.deepEqual([paid.state, paid.kept, paid.owed], ['paid', 350, 0]);
    assert.equal(sim().model.paidOut, 150, 'change');
    const again = await svc.pay(350, 'cash', { txId: 'T1' });
    assert.equal(again.state, 'paid', 'paying a paid txId returns the record, no second collection');
    const ref = await svc.refundAll('T1');
    assert.deepEqual([ref.state, ref.refunded, ref.owed], ['refunded', 350, 0]);
    assert.equal(sim().model.paidOut, 500, 'the citizen got back all 500 yen');
    assert.deepEqual(
      log.map((r) => r.state),
      ['collecting', 'paid', 'refunded'],
    );
    await svc.refundAll('T1');
    assert.equal(sim().model.paidOut, 500, 'refundAll is harmless to repeat');
    await assert.rejects(svc.pay(350, 'cash', { txId: 'T1' }), (e: unknown) => e instanceof PaymentError && e.code === 'already-refunded');
  });

  test('cash: cancel before printing returns everything inserted', async () => {
    await setup();
    const p = svc.pay(1200, 'cash', { txId: 'T2' });
    await accepting();
    sim().insertNote(1000);
    await until(() => sim().model.escrowTotal === 1000);
    const c = await svc.cancel('T2');
    assert.equal(await p.then((r) => r.state), 'cancelled');
    assert.deepEqual(c && [c.state, c.kept, c.owed], ['cancelled', 0, 0]);
    assert.equal(sim().model.paidOut, 1000);
  });

  test('cash: a refund the unit cannot pay in full is recorded as owed', async () => {
    await setup();
    const p = svc.pay(700, 'cash', { txId: 'T3' });
    await accepting();
    sim().insertNote(1000);
    await p;
    sim().setInventory({ 10: 0, 50: 0, 100: 2, 500: 0 });
    const r = await svc.refundAll('T3');
    assert.deepEqual([r.state, r.refunded, r.owed, r.problem], ['refunded', 200, 500, 'cannot-make-change']);
    assert.equal(r.refunded + r.owed, r.kept);
  });

  test('cash: a jam ends as failed with the stuck coin reported and nothing owed', async () => {
    await setup();
    sim().runScript('jam-on-third-insert');
    const p = svc.pay(1000, 'cash', { txId: 'T4' });
    await accepting();
    sim().insertCoin(500);
    sim().insertCoin(100);
    sim().insertCoin(100);
    const r = await p;
    assert.deepEqual([r.state, r.kept, r.owed, r.unverified, r.problem], ['failed', 0, 0, 100, 'jam']);
  });

  test('cashless: approve, then refundAll refunds at the terminal', async () => {
    await setup();
    const r = await svc.pay(450, 'cashless', { txId: 'C1' });
    assert.deepEqual([r.state, r.kept, r.attempts], ['paid', 450, 1]);
    const ref = await svc.refundAll('C1');
    assert.deepEqual([ref.state, ref.refunded], ['refunded', 450]);
    assert.equal(term.netCharged, 0);
  });

  test('cashless: timeout after charging is resolved by lookup, never charged twice', async () => {
    await setup();
    term.queue({ outcome: 'timeout', charged: true });
    const r = await svc.pay(300, 'cashless', { txId: 'C2' });
    assert.deepEqual([r.state, r.kept], ['paid', 300]);
    assert.equal(term.chargeCount, 1);
  });

  test('cashless: unknown outcome stays unknown until resolved with the same key', async () => {
    await setup();
    term.queue({ outcome: 'timeout', charged: true });
    const p = svc.pay(300, 'cashless', { txId: 'C3' });
    await new Promise((r) => setTimeout(r, 5));
    term.setOffline(true); // the lookup cannot reach the terminal either
    const r1 = await p;
    assert.deepEqual([r1.state, r1.problem], ['unknown', 'timeout']);
    await assert.rejects(svc.pay(300, 'cash', { txId: 'C3' }), PaymentError);
    term.setOffline(false);
    const r2 = await svc.pay(300, 'cashless', { txId: 'C3' });
    assert.deepEqual([r2.state, r2.attempts], ['paid', 1]);
    assert.equal(term.chargeCount, 1);
  });

  test('cashless: decline, then a new attempt with a new key', async () => {
    await setup();
    term.queue({ outcome: 'decline', reason: 'card-expired' }, { outcome: 'timeout', charged: false });
    const r1 = await svc.pay(300, 'cashless', { txId: 'C4' });
    assert.deepEqual([r1.state, r1.problem], ['declined', 'card-expired']);
    const r2 = await svc.pay(300, 'cashless', { txId: 'C4' });
    assert.deepEqual([r2.state, r2.problem], ['failed', 'timeout']);
    const r3 = await svc.pay(300, 'cashless', { txId: 'C4' });
    assert.deepEqual([r3.state, r3.attempts, r3.kept], ['paid', 3, 300]);
    assert.equal(term.chargeCount, 1);
  });

  test('typed errors: unknown txId, amount mismatch, missing device', async () => {
    await setup();
    await assert.rejects(svc.refundAll('nope'), (e: unknown) => e instanceof PaymentError && e.code === 'unknown-transaction');
    await svc.pay(100, 'cashless', { txId: 'C5' });
    await assert.rejects(svc.pay(200, 'cashless', { txId: 'C5' }), (e: unknown) => e instanceof PaymentError && e.code === 'amount-mismatch');
    const bare = new PaymentService({});
    await assert.rejects(bare.pay(100, 'cash', { txId: 'X' }), (e: unknown) => e instanceof PaymentError && e.code === 'no-device');
  });
});
