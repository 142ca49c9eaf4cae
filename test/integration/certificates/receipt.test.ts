/**
 * 領収書 on request, through the runtime: asked for on the fee screen, it prints after the
 * certificate (the printer simulator keeps both PDFs) and says the amount, the item, the same
 * serial as the certificate, the kiosk and the office; not asked for, nothing extra prints.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { call, insertCash, startJuminhyoCashPayment, startTestRuntime, waitForStep } from '../../support/journey-driver';
import { pdfText } from '../../support/pdf-text';

let runtime: KioskRuntime;
beforeEach(async () => {
  runtime = await startTestRuntime();
});
afterEach(async () => {
  await runtime.stop();
});

async function buy(receipt: boolean): Promise<void> {
  const { paying } = await startJuminhyoCashPayment(runtime);
  if (receipt) assert.equal((await call(runtime, 'certificate.setReceipt', { wanted: true })).step, 'pay');
  await insertCash(runtime, 500);
  await paying;
  const takeCard = await waitForStep(runtime, 'take-card');
  assert.equal(takeCard.receipt, receipt);
  await call(runtime, 'simulator.removeCard', {});
}

test('asked for on the fee screen: the receipt prints after the certificate, with the same serial', async () => {
  await buy(true);
  const done = await waitForStep(runtime, 'take-certificate', 30_000);
  assert.equal(done.receipt, 'printed');
  const printed = runtime.devices.sim.printer!.printed;
  assert.deepEqual(
    printed.map((d) => d.jobName.split('-')[0]),
    ['certificate', 'receipt'],
  );
  const receipt = pdfText(printed[1]!.pdf).replace(/\s+/g, '');
  const serial = /\d+-\d{4}-\d{7}/.exec(receipt)?.[0];
  assert.ok(serial, 'a serial on the receipt');
  assert.ok(pdfText(printed[0]!.pdf).includes(serial), 'the certificate carries the same serial');
  assert.match(receipt, /領収書/);
  assert.match(receipt, new RegExp(`住民票の写し1通300円${serial}`));
  assert.match(receipt, /合計300円/);
  assert.match(receipt, /お支払い方法：現金/);
  assert.match(receipt, /kiosk-kokurakita-01/);
  assert.match(receipt, /小倉北区役所/);
  assert.doesNotMatch(receipt, /氏名|住所|生年月日/, 'nothing about the person');
});

test('not asked for: only the certificate prints', async () => {
  await buy(false);
  const done = await waitForStep(runtime, 'take-certificate', 30_000);
  assert.equal(done.receipt, null);
  assert.deepEqual(
    runtime.devices.sim.printer!.printed.map((d) => d.jobName.split('-')[0]),
    ['certificate'],
  );
});
