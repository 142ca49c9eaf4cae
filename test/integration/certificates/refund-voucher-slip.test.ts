/**
 * The refund voucher (返金引換券) end to end through the runtime: the cash unit cannot give the
 * money back → the voucher is journaled, its slip printed on the kiosk printer (the IPP simulator
 * keeps the PDF) → staff pay it out at the counter with the slip's number, amount and 照合コード →
 * the reconciliation shows it settled. When the printer itself failed, no slip is tried.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { RequestInput, RequestName } from '../../../contract/kiosk-api';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { call, insertCash, startTestRuntime, waitForStep } from '../../support/journey-driver';
import { pdfText } from '../../support/pdf-text';
import { until } from '../../support/payment/until';

const DEMO_PASSCODE = '24681357';
let runtime: KioskRuntime;

beforeEach(async () => {
  runtime = await startTestRuntime();
});
afterEach(async () => {
  await runtime.stop();
});

async function refusal<K extends RequestName>(channel: K, input: RequestInput<K>): Promise<string | null> {
  const result = await runtime.router.dispatch(channel, input);
  return result.ok ? null : result.error.code;
}

/** card-004 (a fictional resident of 若松区) chooses one 住民票 and starts paying in cash. */
async function toCashPayment(): Promise<{ paying: Promise<unknown> }> {
  await call(runtime, 'certificate.begin', {});
  await call(runtime, 'simulator.insertCard', { cardId: 'card-004' });
  await waitForStep(runtime, 'pin');
  await call(runtime, 'certificate.submitPin', { pin: '4321', confirmedLastTry: false });
  await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });
  const paying = call(runtime, 'certificate.pay', { method: 'cash' });
  await waitForStep(runtime, 'pay');
  return { paying }; // wrapped: an async function returning the promise itself would wait for it
}

describe('refund voucher slip', () => {
  test('cash unit fault with 200 yen it cannot give back: slip printed, staff pay it out once, reconciliation shows it settled', async () => {
    const { paying } = await toCashPayment();
    await insertCash(runtime, 200);
    // The door opens with the coins in escrow: the unit stops and cannot return them.
    runtime.devices.sim.cash!.injectFault('door-open');
    await paying;
    const failed = await waitForStep(runtime, 'failed', 30_000);
    assert.equal(failed.messageKey, 'certificate.error.paymentFailed');
    assert.equal(failed.owedYen, 200);
    assert.match(failed.voucher ?? '', /^RV-KOKURA01-\d{8}-\d{4}$/);
    assert.equal(failed.voucherPrinted, true);
    const voucher = failed.voucher!;

    const slips = runtime.devices.sim.printer!.printed.filter((d) => d.jobName === `voucher-${voucher}`);
    assert.equal(slips.length, 1, 'one slip, and nothing else printed');
    assert.equal(runtime.devices.sim.printer!.printed.length, 1);
    const text = pdfText(slips[0]!.pdf);
    assert.ok(text.includes(voucher));
    assert.match(text, /200 円/);
    assert.match(text, /kiosk-kokurakita-01/);
    assert.match(text, /小倉北区役所 市民課 証明書発行窓口/);
    for (const personal of ['松本', '千代子', 'マツモト', '295174830614', '本町', '1936']) assert.ok(!text.includes(personal), 'no personal data on the slip');
    const code = /([0-9A-F]{4}) ([0-9A-F]{4})/.exec(text);
    assert.ok(code, 'the 照合コード is printed');

    const ledger = runtime.journal.vouchers.get(voucher);
    assert.equal(ledger?.amountYen, 200);
    assert.equal(ledger?.checkCode, `${code[1]}${code[2]}`);
    assert.ok(ledger?.slipPrintedAt, 'the journal knows the slip came out');
    assert.equal(runtime.journal.get(ledger.txId)?.state, 'cancelled', 'never paid: the sale is cancelled, the voucher stands');
    assert.ok(runtime.staffAlerts.list().some((a) => a.code === 'refund-voucher' && a.reference === voucher));

    await runtime.session.end('cancel');
    assert.equal((await call(runtime, 'staff.login', { passcode: DEMO_PASSCODE })).outcome, 'ok');
    const before = await call(runtime, 'staff.reconciliation', {});
    assert.deepEqual(before.vouchersIssued, { count: 1, yen: 200 });
    assert.deepEqual(before.vouchersOutstanding, { count: 1, yen: 200 });
    assert.deepEqual(before.vouchersOpen, { count: 1, yen: 200 });
    assert.deepEqual(before.vouchersSettled, { count: 0, yen: 0 });
    const listed = await call(runtime, 'staff.listVouchers', {});
    assert.deepEqual(
      listed.map((v) => [v.number, v.amountYen, v.slipPrinted, v.settledAt]),
      [[voucher, 200, true, null]],
    );
    assert.ok(!JSON.stringify(listed).includes(ledger.checkCode), 'the console never shows the code: it must come from the slip');

    assert.equal(
      await refusal('staff.settleVoucher', { voucher, amountYen: 200, reason: 'cash-at-counter' }),
      'staff.voucher-mismatch',
      'a printed slip needs its code',
    );
    assert.equal(
      await refusal('staff.settleVoucher', { voucher, amountYen: 2000, checkCode: `${code[1]} ${code[2]}`, reason: 'cash-at-counter' }),
      'staff.voucher-mismatch',
    );
    const settled = await call(runtime, 'staff.settleVoucher', { voucher, amountYen: 200, checkCode: `${code[1]} ${code[2]}`, reason: 'cash-at-counter' });
    assert.ok(settled.settledAt !== null);
    assert.equal(
      await refusal('staff.settleVoucher', { voucher, amountYen: 200, checkCode: `${code[1]}${code[2]}`, reason: 'cash-at-counter' }),
      'staff.voucher-settled',
      'a copy pays nothing',
    );

    const after = await call(runtime, 'staff.reconciliation', {});
    assert.deepEqual(after.vouchersSettled, { count: 1, yen: 200 });
    assert.deepEqual(after.vouchersOutstanding, { count: 0, yen: 0 });
    assert.deepEqual(after.vouchersOpen, { count: 0, yen: 0 });
    const history = runtime.journal.events(ledger.txId);
    assert.ok(
      history.some((e) => e.detail['voucherSettled'] === voucher),
      "the payout is in the sale's history",
    );
  });

  test('no coins for the change of a 1000-yen note: the 700 yen owed get a voucher, its slip prints after the certificate', async () => {
    const { paying } = await toCashPayment();
    // Emptied after the unit was told it may take the note (the change rule saw coins): as when
    // the stock fails between enabling and paying out, the shortfall is owed by voucher.
    await until(() => runtime.devices.sim.cash!.model.state === 'accepting', 'accepting');
    runtime.devices.sim.cash!.setInventory({ 10: 0, 50: 0, 100: 0, 500: 0 });
    await insertCash(runtime, 1000);
    await paying;
    const takeCard = await waitForStep(runtime, 'take-card');
    assert.equal(takeCard.changeYen, 0, 'no change came out');
    assert.equal(takeCard.owedYen, 700);
    assert.match(takeCard.voucher ?? '', /^RV-/);
    assert.equal(runtime.devices.sim.printer!.printed.length, 0, 'nothing prints while the card is in');
    await call(runtime, 'simulator.removeCard', {});
    const done = await waitForStep(runtime, 'take-certificate', 30_000);
    assert.deepEqual([done.owedYen, done.voucher, done.voucherPrinted], [700, takeCard.voucher, true]);
    const jobs = runtime.devices.sim.printer!.printed.map((d) => d.jobName);
    assert.deepEqual(
      jobs.map((j) => j.split('-')[0]),
      ['certificate', 'voucher'],
      'the certificate first, then the slip',
    );
    const text = pdfText(runtime.devices.sim.printer!.printed[1]!.pdf);
    assert.match(text, /700 円/);
    assert.match(text.replace(/\s+/g, ''), /おつりの一部をお返しできませんでした/);
    const v = runtime.journal.vouchers.get(takeCard.voucher!);
    assert.deepEqual([v?.amountYen, v?.reason, Boolean(v?.slipPrintedAt)], [700, 'change-shortfall', true]);
    await waitForStep(runtime, 'idle', 5000);
    assert.equal(runtime.journal.get(v!.txId)?.state, 'done', 'the sale itself is complete');
  });

  test('the printer jammed and no coins are left: voucher on screen, no slip tried, staff pay out on number and amount', async () => {
    const { paying } = await toCashPayment();
    await insertCash(runtime, 300);
    await paying;
    await waitForStep(runtime, 'take-card');
    runtime.devices.sim.cash!.setInventory({ 10: 0, 50: 0, 100: 0, 500: 0 });
    runtime.devices.sim.printer!.injectFault('media-jam', { atPage: 1 });
    await call(runtime, 'simulator.removeCard', {});
    const failed = await waitForStep(runtime, 'failed', 30_000);
    assert.equal(failed.owedYen, 300);
    assert.equal(failed.voucherPrinted, false, 'the screen says to call staff');
    assert.ok(failed.voucher);
    assert.equal(runtime.devices.sim.printer!.printed.filter((d) => d.jobName.startsWith('voucher-')).length, 0, 'never on the jammed printer');
    assert.equal(runtime.journal.vouchers.get(failed.voucher)?.slipPrintedAt, undefined);

    await runtime.session.end('cancel');
    assert.equal((await call(runtime, 'staff.login', { passcode: DEMO_PASSCODE })).outcome, 'ok');
    const settled = await call(runtime, 'staff.settleVoucher', { voucher: failed.voucher, amountYen: 300, reason: 'cash-at-counter' });
    assert.equal(settled.slipPrinted, false);
    assert.deepEqual((await call(runtime, 'staff.reconciliation', {})).vouchersSettled, { count: 1, yen: 300 });
  });

  test('戻る while the unit cannot give the coins back: a voucher (journaled, slip, staff told), shown on screen, never dropped; one voucher only', async () => {
    const { paying } = await toCashPayment();
    await insertCash(runtime, 200);
    // The escrow jams when it should give the coins back.
    runtime.devices.sim.cash!.addFaultStep({ on: 'return', nth: 1, fault: 'jam' });
    const [back] = await Promise.all([call(runtime, 'certificate.back', {}), paying]);
    assert.equal(back.step, 'failed', '戻る does not go back to the choice as if nothing was owed');
    const failed = await waitForStep(runtime, 'failed');
    assert.equal(failed.messageKey, 'certificate.error.cashNotReturned');
    assert.equal(failed.owedYen, 200);
    assert.match(failed.voucher ?? '', /^RV-KOKURA01-\d{8}-\d{4}$/);
    assert.equal(failed.voucherPrinted, true);
    const ledger = runtime.journal.vouchers.get(failed.voucher!);
    assert.equal(ledger?.amountYen, 200);
    assert.equal(runtime.journal.get(ledger.txId)?.state, 'cancelled', 'never paid: the sale is cancelled, the voucher stands');
    assert.equal(runtime.journal.vouchers.list(0, Date.now() + 1).length, 1, 'pay() and back() did not both issue one');
    assert.deepEqual(
      runtime.staffAlerts
        .list()
        .filter((a) => a.code === 'refund-voucher')
        .map((a) => a.reference),
      [failed.voucher],
    );
    // The session ends: nothing is issued twice by the wipe either.
    await runtime.session.end('cancel');
    assert.equal(runtime.journal.vouchers.list(0, Date.now() + 1).length, 1);
  });

  test('the session wiped while 戻る is giving back coins the unit cannot return: still exactly one voucher, nothing unrecorded', async () => {
    const { paying } = await toCashPayment();
    await insertCash(runtime, 200);
    runtime.devices.sim.cash!.addFaultStep({ on: 'return', nth: 1, fault: 'jam' });
    // The back end is slow to void the serial: the refund is under way when the session is wiped.
    const client = runtime.ward.client;
    const voidIssued = client.voidIssued.bind(client);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let voids = 0;
    client.voidIssued = async (...args: Parameters<typeof voidIssued>) => {
      voids++;
      await gate;
      return voidIssued(...args);
    };
    try {
      const back = call(runtime, 'certificate.back', {});
      for (let i = 0; i < 500 && voids === 0; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(voids, 1, 'the refund is waiting for the back end');
      const wiped = runtime.session.end('cancel');
      await new Promise((r) => setTimeout(r, 100));
      release();
      await Promise.all([wiped, back, paying]);
    } finally {
      release();
      client.voidIssued = voidIssued;
    }
    assert.equal(runtime.journey.current().step, 'idle');
    const vouchers = runtime.journal.vouchers.list(0, Date.now() + 1);
    assert.deepEqual(
      vouchers.map((v) => v.amountYen),
      [200],
      'one voucher for the 200 yen, whoever settled it',
    );
    assert.equal(runtime.staffAlerts.list().filter((a) => a.code === 'refund-voucher-unrecorded').length, 0);
    assert.equal(runtime.journal.get(vouchers[0]!.txId)?.state, 'cancelled');
  });

  test('the journal cannot number a voucher: no made-up number; staff get the serial and amount, the screen says call staff', async () => {
    const { paying } = await toCashPayment();
    await insertCash(runtime, 200);
    const journal = runtime.journal;
    const nextVoucherNumber = journal.nextVoucherNumber.bind(journal);
    journal.nextVoucherNumber = () => {
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    };
    try {
      runtime.devices.sim.cash!.injectFault('door-open');
      await paying;
      const failed = await waitForStep(runtime, 'failed', 30_000);
      assert.equal(failed.owedYen, 200, 'what is owed is still on screen');
      assert.equal(failed.voucher, null, 'no number the ledger does not know');
      assert.equal(failed.voucherPrinted, false, 'the screen says to call staff');
      const [tx] = journal.list(['cancelled']);
      assert.ok(tx?.serial);
      const alert = runtime.staffAlerts.list().find((a) => a.code === 'refund-voucher-unrecorded');
      assert.equal(alert?.reference, `${tx.serial}/200yen`, 'staff know which sale and how much');
      assert.equal(runtime.devices.sim.printer!.printed.length, 0, 'no slip for a voucher outside the ledger');
    } finally {
      journal.nextVoucherNumber = nextVoucherNumber;
    }
  });
});
