/**
 * Several certificates in one sale, with the real runtime (simulated card, cash unit and IPP
 * printer, the embedded back end): one payment, one print run, each certificate its own journaled
 * sale with its own fee; a print failure after some printed refunds exactly the ones not printed.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { BASKET_OF_TWO, buyBasketOfTwoInCash, call, startTestRuntime, waitForStep, type TestRuntime } from '../../support/journey-driver';
import { TRANSACTION_STATES } from '../../../main/journal/journal-states';
import { pdfText } from '../../support/pdf-text';

let runtime: TestRuntime;

beforeEach(async () => {
  runtime = await startTestRuntime();
});

afterEach(async () => {
  await runtime.stop();
});

/** The journaled sales of this test in every state, oldest first (the basket's order). */
const sales = () => runtime.journal.list(TRANSACTION_STATES);

const backendStatus = (serial: string): string | undefined =>
  (runtime.backend!.db.prepare('SELECT status FROM issuances WHERE serial = ?').get(serial) as { status: string } | undefined)?.status;

async function signIn(): Promise<void> {
  await call(runtime, 'certificate.begin', {});
  await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
  await waitForStep(runtime, 'pin');
  await call(runtime, 'certificate.submitPin', { pin: '1234', confirmedLastTry: false });
}

describe('several certificates in one sale', () => {
  test('two certificates: one payment of their total, each journaled paid with its own fee, both printed in one run', async () => {
    const pay = await buyBasketOfTwoInCash(runtime);
    assert.deepEqual(
      pay.items.map((i) => i.type),
      ['juminhyo', 'kazei'],
    );
    assert.equal(
      pay.dueYen,
      pay.items.reduce((sum, i) => sum + i.feeYen, 0),
    );
    const [first, second] = sales();
    assert.equal(first?.state, 'paid');
    assert.equal(second?.state, 'paid');
    assert.equal(first?.payment?.amountYen, pay.items[0]!.feeYen, "the first sale carries its own fee, not the payment's");
    assert.equal(second?.payment?.amountYen, pay.items[1]!.feeYen);
    assert.equal(first?.payment?.reference, second?.payment?.reference, 'one payment for both');
    assert.equal(runtime.devices.sim.printer!.printed.length, 0, 'nothing printed before the card is taken');

    await call(runtime, 'simulator.removeCard', {});
    await waitForStep(runtime, 'take-certificate', 30_000);
    const printed = runtime.devices.sim.printer!.printed;
    assert.equal(printed.length, 2);
    assert.match(pdfText(printed[0]!.pdf), /住民票/);
    assert.match(pdfText(printed[1]!.pdf), /課税/);
    await waitForStep(runtime, 'idle', 20_000);
    assert.deepEqual(
      sales().map((s) => s.state),
      ['done', 'done'],
    );
    assert.equal(runtime.journal.reconcile(runtime.journal.day(first!.payment!.at)).netYen, pay.dueYen);
  });

  test('the second certificate jams: its fee alone comes back on its own voucher, the first is kept; its serial is voided', async () => {
    const pay = await buyBasketOfTwoInCash(runtime);
    const [first, second] = sales();
    const sim = runtime.devices.sim.printer!;
    // The jam is armed the moment the second certificate's job arrives: the first has printed.
    const stop = sim.onJobSubmitted((job) => {
      if (job.jobName.startsWith(`certificate-${second!.serial}-`)) sim.injectFault('media-jam', { atPage: 1 });
    });
    try {
      await call(runtime, 'simulator.removeCard', {});
      const failed = await waitForStep(runtime, 'failed', 30_000);
      assert.equal(failed.messageKey, 'certificate.basket.partlyPrinted');
      assert.equal(failed.owedYen, pay.items[1]!.feeYen, 'exactly the unprinted certificate');
      assert.equal(failed.refundedYen, 0, 'the cash unit cannot give back part of a payment');
      assert.ok(failed.voucher);
      assert.equal(runtime.journal.vouchers.get(failed.voucher)?.amountYen, pay.items[1]!.feeYen);
      assert.equal(runtime.journal.get(first!.id)?.state, 'card_returned', 'the printed one keeps its fee');
      assert.equal(runtime.journal.get(second!.id)?.state, 'refunded');
      assert.equal(runtime.journal.get(second!.id)?.refund?.voucherNumber, failed.voucher);
      assert.ok(runtime.staffAlerts.list().some((a) => a.code === 'refund-voucher' && a.reference === failed.voucher));
      assert.equal(backendStatus(second!.serial!), 'voided');
      assert.equal(backendStatus(first!.serial!), 'printed');
      await call(runtime, 'session.end', { reason: 'cancel' });
      await waitForStep(runtime, 'idle');
      assert.equal(runtime.journal.get(first!.id)?.state, 'done');
      assert.equal(runtime.journal.get(second!.id)?.state, 'refunded', 'never refunded twice');
      const cash = runtime.devices.payment.get(first!.id);
      assert.equal(cash?.refunded ?? 0, 0, 'the wipe gave no cash back for a sale that printed');
    } finally {
      stop();
    }
  });

  test('back from the fee screen: both serials voided, both sales cancelled, the last choice reopens with the other still in the basket', async () => {
    await signIn();
    await call(runtime, 'certificate.addToBasket', { ...BASKET_OF_TWO[0] });
    const pay = await call(runtime, 'certificate.choose', { ...BASKET_OF_TWO[1] });
    assert.equal(pay.step, 'pay');
    const back = await call(runtime, 'certificate.back', {});
    assert.equal(back.step, 'choose');
    assert.equal(back.step === 'choose' && back.chosen?.type, 'kazei');
    assert.deepEqual(back.step === 'choose' && back.basket.map((i) => i.choice.type), ['juminhyo']);
    assert.deepEqual(
      sales().map((s) => s.state),
      ['cancelled', 'cancelled'],
    );
    assert.deepEqual(
      sales().map((s) => backendStatus(s.serial!)),
      ['voided', 'voided'],
      'nothing stays issued',
    );
    const checkout = await call(runtime, 'certificate.checkout', {});
    assert.equal(checkout.step === 'pay' && checkout.items.length, 1, 'the basket as it is');
  });

  test('the basket holds five: a sixth is refused with a reason and nothing is issued', async () => {
    await signIn();
    for (let i = 0; i < 5; i++) await call(runtime, 'certificate.addToBasket', { ...BASKET_OF_TWO[0] });
    const full = await call(runtime, 'certificate.choose', { ...BASKET_OF_TWO[1] });
    assert.equal(full.step, 'choose');
    assert.equal(full.step === 'choose' && full.errorKey, 'certificate.basket.full');
    assert.equal(sales().length, 0);
    const removed = await call(runtime, 'certificate.removeFromBasket', { index: 4 });
    assert.equal(removed.step === 'choose' && removed.basket.length, 4);
  });

  test('the session ends while the first of two prints: the first is journaled done, the second is never sent and is refunded by voucher', async () => {
    await buyBasketOfTwoInCash(runtime);
    const [first, second] = sales();
    const sim = runtime.devices.sim.printer!;
    const submitted: string[] = [];
    const stop = sim.onJobSubmitted((job) => submitted.push(job.jobName));
    try {
      await call(runtime, 'simulator.removeCard', {});
      for (let i = 0; i < 500 && runtime.journal.get(first!.id)?.printJobId === undefined; i++) await new Promise((r) => setTimeout(r, 10));
      await runtime.session.end('cancel');
      assert.equal(runtime.journey.current().step, 'idle');
      const settled = (state: string | undefined) => state === 'done' || state === 'refunded';
      for (let i = 0; i < 1000 && !(settled(runtime.journal.get(first!.id)?.state) && settled(runtime.journal.get(second!.id)?.state)); i++)
        await new Promise((r) => setTimeout(r, 20));
      assert.equal(runtime.journal.get(first!.id)?.state, 'done', 'it printed: its fee is kept');
      const refund = runtime.journal.get(second!.id)?.refund;
      assert.equal(refund?.method, 'voucher', 'nobody is there: never cash into an unwatched tray');
      assert.equal(refund?.amountYen, 300, 'exactly its own fee');
      assert.deepEqual(
        submitted.filter((name) => name.includes(second!.serial!)),
        [],
        'the second certificate never went to the printer after the session ended',
      );
      assert.equal(backendStatus(second!.serial!), 'voided');
      assert.equal(runtime.devices.payment.get(first!.id)?.refunded ?? 0, 0);
    } finally {
      stop();
    }
  });

  test('the card taken while the session-end wipe gives money back prints nothing: never both money and paper', async () => {
    await buyBasketOfTwoInCash(runtime);
    const [first, second] = sales();
    // The wipe's first step (stopping the payment device) waits until the test lets it go on.
    const payment = runtime.devices.payment;
    const cancel = payment.cancel.bind(payment);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    payment.cancel = async (...args: Parameters<typeof cancel>) => {
      await released;
      return cancel(...args);
    };
    try {
      const ending = runtime.session.end('cancel');
      await call(runtime, 'simulator.removeCard', {});
      release();
      await ending;
      await waitForStep(runtime, 'idle');
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(runtime.devices.sim.printer!.printed.length, 0, 'nothing went to the printer');
      assert.deepEqual([runtime.journal.get(first!.id)?.state, runtime.journal.get(second!.id)?.state], ['refunded', 'refunded']);
    } finally {
      payment.cancel = cancel;
    }
  });
});
