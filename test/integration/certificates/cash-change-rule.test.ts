/**
 * Cash like a real machine, through the runtime and the HID simulator: with too little change
 * in the recycler the pay screen says which note it cannot take, and that note comes straight
 * back out of the slot (never taken and then owed by voucher); with its change in, it is taken.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { call, insertCash, startJuminhyoCashPayment, startTestRuntime, waitForStep } from '../../support/journey-driver';
import { until } from '../../support/payment/until';

let runtime: KioskRuntime;

beforeEach(async () => {
  runtime = await startTestRuntime();
});
afterEach(async () => {
  await runtime.stop();
});

const payingInCash = () => startJuminhyoCashPayment(runtime);

const payView = () => {
  const v = runtime.journey.current();
  assert.equal(v.step, 'pay');
  return v;
};

describe('cash acceptance by the change held', () => {
  test('690 yen of change for a 300-yen fee: 「千円札はご利用いただけません」, the note comes back, nothing is owed', async () => {
    const cash = runtime.devices.sim.cash!;
    cash.setInventory({ 10: 4, 50: 1, 100: 6, 500: 0 });
    const rejected: (number | null)[] = [];
    runtime.devices.cash.on('rejected', (r) => rejected.push(r.denomination));
    const { paying } = await payingInCash();
    await until(() => payView().refusedYen.length > 0, 'the refusal on screen');
    assert.deepEqual(payView().refusedYen, [1000]);
    await call(runtime, 'simulator.insertCash', { yen: 1000 });
    await until(() => rejected.length === 1, 'the note handed back');
    assert.deepEqual([rejected[0], payView().insertedYen, cash.model.escrowTotal, cash.model.cashBox], [1000, 0, 0, 0]);
    await insertCash(runtime, 300);
    await paying;
    const takeCard = await waitForStep(runtime, 'take-card');
    assert.deepEqual([takeCard.changeYen, takeCard.owedYen, takeCard.voucher], [0, 0, null]);
    assert.deepEqual(runtime.journal.vouchers.list(0, Number.MAX_SAFE_INTEGER), [], 'no voucher');
  });

  test('with 700 yen of change in the machine the same note is taken and changed', async () => {
    runtime.devices.sim.cash!.setInventory({ 10: 0, 50: 0, 100: 7, 500: 0 });
    const { paying } = await payingInCash();
    await until(() => runtime.devices.sim.cash!.model.state === 'accepting', 'accepting');
    assert.deepEqual(payView().refusedYen, []);
    await insertCash(runtime, 1000);
    await paying;
    const takeCard = await waitForStep(runtime, 'take-card');
    assert.deepEqual([takeCard.changeYen, takeCard.owedYen], [700, 0]);
  });
});
