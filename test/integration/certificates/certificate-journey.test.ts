/**
 * The certificate journey with the real runtime: simulated card, cash unit and IPP printer,
 * and the embedded reference back end — the same code paths as the kiosk, driven through
 * the contract.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { call, insertCash, startTestRuntime, waitForStep, type TestRuntime } from '../../support/journey-driver';
import { pdfText } from '../../support/pdf-text';

let runtime: TestRuntime;

beforeEach(async () => {
  runtime = await startTestRuntime();
});

afterEach(async () => {
  await runtime.stop();
});

async function authenticate(cardId: string, pin: string) {
  await call(runtime, 'certificate.begin', {});
  await call(runtime, 'simulator.insertCard', { cardId });
  await waitForStep(runtime, 'pin');
  return call(runtime, 'certificate.submitPin', { pin, confirmedLastTry: false });
}

describe('certificate journey', () => {
  test('card, PIN, 住民票, cash, card taken, printed: the PDF names the resident and nothing is owed', async () => {
    const chosen = await authenticate('card-001', '1234');
    assert.equal(chosen.step, 'choose');
    const pay = await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });
    assert.equal(pay.step, 'pay');
    assert.equal(pay.step === 'pay' && pay.dueYen, 300);
    assert.equal(runtime.devices.sim.printer!.printed.length, 0, 'nothing printed before payment');
    const paying = call(runtime, 'certificate.pay', { method: 'cash' });
    await waitForStep(runtime, 'pay');
    await insertCash(runtime, 500);
    await paying;
    const takeCard = await waitForStep(runtime, 'take-card');
    assert.equal(takeCard.changeYen, 200);
    assert.equal(runtime.devices.sim.printer!.printed.length, 0, 'printing waits for the card to be taken');
    await call(runtime, 'simulator.removeCard', {});
    await waitForStep(runtime, 'take-certificate', 20_000);
    const printed = runtime.devices.sim.printer!.printed;
    assert.equal(printed.length, 1);
    const text = pdfText(printed[0]!.pdf);
    assert.match(text, /住民票/);
    assert.match(text, /髙橋/);
    assert.doesNotMatch(text, /382719460526/, 'never the 個人番号');
    await waitForStep(runtime, 'idle', 5000);
    assert.deepEqual(runtime.session.state(), { phase: 'idle', endedReason: 'complete' });
  });

  test('a wrong PIN uses one try and says how many are left; the right one then works', async () => {
    const wrong = await authenticate('card-002', '0000');
    assert.deepEqual(wrong, { step: 'pin', triesLeft: 2, lastTry: false, errorKey: 'certificate.error.wrongPin' });
    const ok = await call(runtime, 'certificate.submitPin', { pin: '2580', confirmedLastTry: false });
    assert.equal(ok.step, 'choose');
  });

  test('with one try left nothing is sent without an explicit confirmation', async () => {
    await call(runtime, 'certificate.begin', {});
    await call(runtime, 'simulator.insertCard', { cardId: 'card-one-try' });
    const pin = await waitForStep(runtime, 'pin');
    assert.equal(pin.lastTry, true);
    const refused = await call(runtime, 'certificate.submitPin', { pin: '0000', confirmedLastTry: false });
    assert.equal(refused.step === 'pin' && refused.errorKey, 'certificate.error.confirmLastTry');
    assert.equal(refused.step === 'pin' && refused.triesLeft, 1, 'no try used');
    const ok = await call(runtime, 'certificate.submitPin', { pin: '3141', confirmedLastTry: true });
    assert.equal(ok.step, 'choose');
  });

  test('a blocked card is sent to the counter without any VERIFY', async () => {
    await call(runtime, 'certificate.begin', {});
    await call(runtime, 'simulator.insertCard', { cardId: 'card-blocked' });
    const failed = await waitForStep(runtime, 'failed');
    assert.equal(failed.messageKey, 'certificate.error.pinBlocked');
    assert.equal(failed.takeCard, true);
  });

  test('revoked and expired user certificates are refused by the back end', async () => {
    for (const [cardId, pin, key] of [
      ['card-auth-revoked', '1010', 'certificate.error.certRevoked'],
      ['card-auth-expired', '8642', 'certificate.error.certExpired'],
    ] as const) {
      const view = await authenticate(cardId, pin);
      assert.equal(view.step === 'failed' && view.messageKey, key, cardId);
      await runtime.session.end('cancel');
    }
  });

  test('what the real service refuses is refused here, before any money: no seal registration', async () => {
    const chosen = await authenticate('card-003', '9999');
    const inkan = chosen.step === 'choose' ? chosen.offers.find((o) => o.type === 'inkan') : undefined;
    assert.deepEqual(inkan && { available: inkan.available, reasonKey: inkan.reasonKey }, {
      available: false,
      reasonKey: 'certificate.refusal.no-seal-registration',
    });
    const view = await call(runtime, 'certificate.choose', { type: 'inkan', copies: 1, scope: 'self', householdHead: false, honseki: false });
    assert.equal(view.step === 'choose' && view.errorKey, 'certificate.refusal.no-seal-registration');
  });

  test('paper out before payment: a clear message and nothing charged', async () => {
    await authenticate('card-001', '1234');
    runtime.devices.sim.printer!.injectFault('media-empty');
    const view = await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });
    assert.equal(view.step === 'failed' && view.messageKey, 'printer.mediaEmpty');
    assert.equal(view.step === 'failed' && view.refundedYen, 0);
    assert.ok(runtime.staffAlerts.list().some((a) => a.code.startsWith('printer-')));
  });

  test('back end down at the PIN: a clear message, no try used, nothing charged', async () => {
    await call(runtime, 'certificate.begin', {});
    await call(runtime, 'simulator.insertCard', { cardId: 'card-005' });
    await waitForStep(runtime, 'pin');
    await runtime.backend!.faults!.apply({ mode: 'down', durationMs: 60_000 });
    const view = await call(runtime, 'certificate.submitPin', { pin: '2222', confirmedLastTry: false });
    assert.equal(view.step === 'failed' && view.messageKey, 'certificate.error.backendDown');
    const status = await runtime.devices.card.getAuthPinStatus();
    assert.equal(status.triesLeft, 3, 'the PIN was never sent to the card');
  });

  test('card pulled during the PIN step: back to "insert card", no try used', async () => {
    await call(runtime, 'certificate.begin', {});
    await call(runtime, 'simulator.insertCard', { cardId: 'card-007' });
    await waitForStep(runtime, 'pin');
    await call(runtime, 'simulator.removeCard', {});
    const view = await waitForStep(runtime, 'insert-card');
    assert.equal(view.messageKey, 'certificate.cardRemoved');
    await call(runtime, 'simulator.insertCard', { cardId: 'card-007' });
    const pin = await waitForStep(runtime, 'pin');
    assert.equal(pin.triesLeft, 3);
  });

  test('jam after payment: the serial is voided and the cash refunded in full', async () => {
    await authenticate('card-004', '4321');
    await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });
    const paying = call(runtime, 'certificate.pay', { method: 'cash' });
    await waitForStep(runtime, 'pay');
    await insertCash(runtime, 300);
    await paying;
    await waitForStep(runtime, 'take-card');
    runtime.devices.sim.printer!.injectFault('media-jam', { atPage: 1 });
    await call(runtime, 'simulator.removeCard', {});
    const failed = await waitForStep(runtime, 'failed', 30_000);
    assert.equal(failed.messageKey, 'certificate.error.printFailed');
    assert.equal(failed.refundedYen + failed.owedYen, 300, 'every yen accounted for');
    assert.equal(failed.refundedTo, 'cash', 'the screen says 返却したお金 (the coin tray)');
    assert.ok(runtime.staffAlerts.list().some((a) => a.code.startsWith('print-')));
  });

  test('jam after a cashless payment: the card charge is cancelled, and the failed view says so (not the coin tray)', async () => {
    await authenticate('card-004', '4321');
    await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });
    assert.equal((await call(runtime, 'certificate.pay', { method: 'cashless' })).step, 'take-card');
    runtime.devices.sim.printer!.injectFault('media-jam', { atPage: 1 });
    await call(runtime, 'simulator.removeCard', {});
    const failed = await waitForStep(runtime, 'failed', 30_000);
    assert.equal(failed.refundedYen, 300);
    assert.equal(failed.owedYen, 0);
    assert.equal(failed.refundedTo, 'cashless', 'the screen says カードへの請求を取り消しました');
  });

  test('jam after a cashless payment and the terminal cannot cancel the charge: a voucher for the fee, staff told, nothing lost', async () => {
    await authenticate('card-004', '4321');
    await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });
    assert.equal((await call(runtime, 'certificate.pay', { method: 'cashless' })).step, 'take-card');
    runtime.devices.sim.cashless!.setOffline(true);
    runtime.devices.sim.printer!.injectFault('media-jam', { atPage: 1 });
    await call(runtime, 'simulator.removeCard', {});
    const failed = await waitForStep(runtime, 'failed', 30_000);
    assert.equal(failed.refundedYen, 0);
    assert.equal(failed.owedYen, 300, 'the fee is still owed, not silently kept');
    assert.ok(failed.voucher && runtime.journal.vouchers.get(failed.voucher)?.amountYen === 300, 'by a journaled voucher');
    assert.ok(runtime.staffAlerts.list().some((a) => a.code === 'cashless-refund-failed'));
    assert.equal(runtime.devices.sim.cashless!.netCharged, 300, 'the card charge stands: the voucher repays it');
  });

  test('the wipe in the middle of a cash payment gives every inserted coin back', async () => {
    await authenticate('card-008', '2468');
    await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 2, scope: 'self', householdHead: false, honseki: false });
    const paying = call(runtime, 'certificate.pay', { method: 'cash' });
    await waitForStep(runtime, 'pay');
    await insertCash(runtime, 100);
    const before = runtime.devices.sim.cash!.model;
    await runtime.session.end('cancel');
    await paying;
    assert.equal(runtime.journey.current().step, 'idle');
    assert.ok(before, 'the simulated cash unit exists');
    assert.equal(runtime.devices.sim.printer!.printed.length, 0);
  });
});
