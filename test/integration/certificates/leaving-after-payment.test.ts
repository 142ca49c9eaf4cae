/**
 * After payment there is no one-touch way home: the renderer's `session.end` is refused while the
 * sale waits for the card, and the confirmed `certificate.cancelPaid` gives the fee back and asks
 * for the card. The idle timeout, with nobody there, keeps a cash fee in the machine on a refund
 * voucher instead of paying it into an unwatched coin tray.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { TRANSACTION_STATES } from '../../../main/journal/journal-states';
import { buyOneJuminhyoInCash, call, startTestRuntime, waitForStep, type TestRuntime } from '../../support/journey-driver';

let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startTestRuntime();
});
afterEach(async () => {
  await runtime.stop();
});

/** The one sale of the test, as the journal holds it. */
function theSale() {
  const [tx] = runtime.journal.list(TRANSACTION_STATES);
  assert.ok(tx, 'one sale journaled');
  return runtime.journal.get(tx.id)!;
}

describe('leaving after payment', () => {
  test('「最初に戻る」 on 「カードをお取りください」 is refused: nothing refunded, the card screen stays', async () => {
    await buyOneJuminhyoInCash(runtime);
    const ended = await runtime.router.dispatch('session.end', { reason: 'cancel' });
    assert.equal(ended.ok ? 'ended' : ended.error.code, 'sale-paid');
    assert.equal(runtime.session.active, true);
    assert.equal(runtime.journey.current().step, 'take-card');
    assert.equal(theSale().state, 'paid', 'the fee is still the sale’s');
    assert.equal(runtime.devices.payment.get(theSale().id)?.refunded, 0);
    // Finishing is still the way out: the card taken, the certificate printed.
    await call(runtime, 'simulator.removeCard', {});
    await waitForStep(runtime, 'take-certificate', 20_000);
  });

  test('a confirmed cancel gives the fee back, voids the serial and asks for the card; then the session may end', async () => {
    await buyOneJuminhyoInCash(runtime);
    const failed = await call(runtime, 'certificate.cancelPaid', { confirmed: true });
    assert.equal(failed.step, 'failed');
    if (failed.step !== 'failed') return;
    assert.equal(failed.messageKey, 'certificate.error.cancelledAfterPayment');
    assert.equal(failed.refundedYen, 300);
    assert.equal(failed.refundedTo, 'cash');
    assert.equal(failed.takeCard, true, 'the card is asked for');
    const sale = theSale();
    assert.equal(sale.state, 'refunded');
    const issued = runtime.backend!.db.prepare('SELECT status FROM issuances WHERE serial = ?').get(sale.serial) as { status: string };
    assert.equal(issued.status, 'voided');
    assert.equal(runtime.devices.sim.printer!.printed.length, 0);
    const ended = await runtime.router.dispatch('session.end', { reason: 'cancel' });
    assert.equal(ended.ok, true, 'with the money back, 「最初の画面に戻る」 works');
  });

  test('a cancel without the confirmation is not a request', async () => {
    await buyOneJuminhyoInCash(runtime);
    const refused = await runtime.router.dispatch('certificate.cancelPaid', { confirmed: false } as never);
    assert.equal(refused.ok ? 'accepted' : refused.error.code, 'invalid-request');
    assert.equal(runtime.journey.current().step, 'take-card');
  });

  test('idle timeout at 「カードをお取りください」: the cash fee stays in the machine on a refund voucher, staff told', async () => {
    await buyOneJuminhyoInCash(runtime);
    const txId = theSale().id;
    await runtime.session.end('timeout');
    const sale = runtime.journal.get(txId)!;
    assert.equal(sale.state, 'refunded');
    assert.equal(runtime.devices.payment.get(txId)?.refunded ?? 0, 0, 'no coins paid into an unwatched tray');
    const [voucher] = runtime.journal.vouchers.list(0, Number.MAX_SAFE_INTEGER);
    assert.equal(voucher?.txId, txId);
    assert.equal(voucher?.amountYen, 300, 'the whole fee is owed by voucher');
    assert.ok(runtime.staffAlerts.list().some((a) => a.code === 'refund-voucher' && a.reference === voucher?.number));
  });

  test('idle timeout after a cashless payment: the card charge is cancelled (it can only go back to the card)', async () => {
    await call(runtime, 'certificate.begin', {});
    await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
    await waitForStep(runtime, 'pin');
    await call(runtime, 'certificate.submitPin', { pin: '1234', confirmedLastTry: false });
    await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });
    assert.equal((await call(runtime, 'certificate.pay', { method: 'cashless' })).step, 'take-card');
    await runtime.session.end('timeout');
    assert.equal(runtime.devices.sim.cashless!.netCharged, 0);
    assert.equal(theSale().state, 'refunded');
  });
});
