/**
 * The certificate journey's cashless path through the browser shell: the fee screen →
 * キャッシュレス → the simulated terminal approves → take the card → printed; and a declined
 * card: a plain message, nothing charged, and cash still on offer. The simulated terminal's
 * answer is chosen on the simulator panel before the citizen taps (it answers in 300 ms).
 *
 * One kiosk serves the file; each test ends its session.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchTestBrowser } from '../support/browser';
import { checkScreen, withKioskPage } from '../support/e2e-page';
import { endCitizenSession, startKiosk, type KioskHarness } from '../support/kiosk-harness';

let browser: Browser;
let kiosk: KioskHarness;

before(async () => {
  kiosk = await startKiosk({}, { runtime: { takeCertificateMs: 500 } });
  browser = await launchTestBrowser();
});

after(async () => {
  await browser?.close();
  await kiosk?.runtime.session.end('cancel');
  await kiosk?.stop();
});

afterEach(() => endCitizenSession(kiosk));

function sims() {
  const { printer, cash, cashless } = kiosk.runtime.devices.sim;
  assert.ok(printer && cash && cashless, 'printer, cash unit and cashless terminal are simulated');
  return { printer, cash, cashless };
}

/** Card, PIN, 住民票 ×1, up to the fee screen. */
async function toFeeScreen(page: Page, cardId: string, pin: string): Promise<void> {
  await page.getByTestId('journey-certificate').click();
  await page.getByTestId(`sim-insert-${cardId}`).click();
  await page.getByTestId('cert-pin').waitFor();
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
  await page.getByTestId('type-juminhyo').click({ timeout: 20_000 });
  await page.getByTestId('choose-next').click();
  await page.getByTestId('cert-pay-method').waitFor({ timeout: 20_000 });
}

describe('certificate cashless payment', () => {
  test('キャッシュレス: the terminal approves, the card is taken, and the certificate prints', async () => {
    const { printer, cashless, cash } = sims();
    const printedBefore = printer.printed.length;
    const chargesBefore = cashless.chargeCount;
    const netBefore = cashless.netCharged;
    const paidOutBefore = cash.model.paidOut;
    await withKioskPage(browser, kiosk, 'certificate-cashless-approved', async (page) => {
      await toFeeScreen(page, 'card-002', '2580');
      assert.match(await page.getByTestId('sim-panel').innerText(), /キャッシュレス端末（シミュレータ）の次の決済/);
      await checkScreen(page, 'pay method with the cashless simulator controls');
      await page.getByTestId('sim-cashless-approve').click();
      await page.locator('[data-testid="sim-cashless-approve"][aria-pressed="true"]').waitFor();
      await page.getByTestId('pay-cashless').click();

      await page.getByRole('heading', { name: 'カードをお取りください' }).waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('cert-change').count(), 0, 'no change for a cashless payment');
      await checkScreen(page, 'take card (cashless)');
      assert.equal(printer.printed.length, printedBefore, 'nothing prints while the card is still in');
      await page.getByTestId('sim-remove-card').click();
      await page.getByRole('heading', { name: '証明書をお取りください' }).waitFor({ timeout: 30_000 });
    });
    assert.equal(printer.printed.length, printedBefore + 1);
    assert.equal(cashless.chargeCount, chargesBefore + 1, 'charged exactly once');
    assert.equal(cashless.netCharged - netBefore, 300, 'the fee, once');
    assert.equal(cash.model.paidOut, paidOutBefore, 'the cash unit was not touched');
  });

  test('a declined card: a plain message, nothing charged, and the citizen can pay in cash instead', async () => {
    const { printer, cashless } = sims();
    const printedBefore = printer.printed.length;
    const chargesBefore = cashless.chargeCount;
    const netBefore = cashless.netCharged;
    await withKioskPage(browser, kiosk, 'certificate-cashless-declined', async (page) => {
      await toFeeScreen(page, 'card-008', '2468');
      await page.getByTestId('sim-cashless-decline').click();
      await page.locator('[data-testid="sim-cashless-decline"][aria-pressed="true"]').waitFor();
      await page.getByTestId('pay-cashless').click();

      // Back on the choice of method, with the reason and both ways to pay.
      await page.getByTestId('cert-pay-error').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('cert-pay-error').innerText(), 'お支払いができませんでした。別のお支払い方法をお選びください。');
      await page.getByTestId('cert-pay-method').waitFor();
      await checkScreen(page, 'pay method after a decline');
      assert.equal(cashless.chargeCount, chargesBefore, 'nothing was charged');
      assert.equal(cashless.netCharged, netBefore);

      await page.getByTestId('pay-cash').click();
      await page.getByRole('heading', { name: 'お金を入れてください' }).waitFor();
      await page.getByTestId('sim-cash-500').click();
      await page.getByRole('heading', { name: 'カードをお取りください' }).waitFor();
      assert.equal(await page.getByTestId('cert-change').innerText(), 'おつり 200円');
      await page.getByTestId('sim-remove-card').click();
      await page.getByRole('heading', { name: '証明書をお取りください' }).waitFor({ timeout: 30_000 });
    });
    assert.equal(printer.printed.length, printedBefore + 1);
    assert.equal(cashless.chargeCount, chargesBefore, 'the card was never charged');
  });

  test('a jam after a cashless payment: the fee goes back to the card, nothing owed', async () => {
    const { printer, cashless } = sims();
    const netBefore = cashless.netCharged;
    try {
      await withKioskPage(browser, kiosk, 'certificate-cashless-jam', async (page) => {
        await toFeeScreen(page, 'card-004', '4321');
        await page.getByTestId('pay-cashless').click();
        await page.getByRole('heading', { name: 'カードをお取りください' }).waitFor({ timeout: 20_000 });
        printer.injectFault('media-jam', { atPage: 1 });
        await page.getByTestId('sim-remove-card').click();
        await page.getByTestId('cert-failed').waitFor({ timeout: 30_000 });
        assert.equal(await page.getByTestId('cert-failed-message').innerText(), '印刷できませんでした。お支払いいただいたお金はお返しします。');
        assert.equal(await page.getByTestId('cert-refunded').innerText(), 'カードへの請求を取り消しました 300円', 'a card refund, not coins in the tray');
        assert.equal(await page.getByTestId('cert-owed').count(), 0, 'nothing left owed');
        await checkScreen(page, 'failed (jam after cashless)');
      });
    } finally {
      printer.clearFaults();
    }
    assert.equal(cashless.netCharged, netBefore, 'the charge was refunded in full');
  });
});
