/**
 * After payment the screens offer no one-touch way home: on 「カードをお取りください」 「最初に戻る」
 * asks 「手続きをやめますか？」 (the safe 「やめずに続ける」 focused), and a confirmed cancel says the
 * money is back and asks for the card. While the certificate prints, nothing is offered.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { TRANSACTION_STATES } from '../../main/journal/journal-states';
import { payOneJuminhyoOnScreen } from '../support/certificate-screens';
import { checkScreen, withKioskPage } from '../support/e2e-page';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';
import { endCitizenSession, type KioskHarness } from '../support/kiosk-harness';

let kiosk: KioskHarness | undefined;
let browser: Browser | undefined;
before(async () => ({ kiosk, browser } = await openKioskAndBrowser()));
after(() => closeKioskAndBrowser(kiosk, browser));

const lastSale = () => kiosk!.runtime.journal.list(TRANSACTION_STATES).at(-1);

describe('leaving after payment, on screen', () => {
  afterEach(() => endCitizenSession(kiosk!));

  test('「最初に戻る」 asks first; 「やめずに続ける」 keeps the sale; 「やめて、お金を返してもらう」 returns it and asks for the card', async () => {
    await withKioskPage(browser!, kiosk!, 'leave-after-payment', async (page) => {
      await payOneJuminhyoOnScreen(page);
      await page.getByTestId('start-over').click();
      const dialog = page.getByTestId('cancel-paid-dialog');
      await dialog.waitFor();
      // The card is not asked for yet: taken now, it would start the printing.
      assert.match(await dialog.innerText(), /手続きをやめますか？[\s\S]*お支払いいただいたお金をお返しします/);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'cancel-paid-no', 'the safe choice has the focus');
      await checkScreen(page, 'cancel after payment');
      await page.getByTestId('cancel-paid-no').click();
      await dialog.waitFor({ state: 'detached' });
      assert.equal(kiosk!.runtime.journey.current().step, 'take-card');
      assert.equal(lastSale()?.state, 'paid', 'still paid: nothing went back');

      await page.getByTestId('start-over').click();
      await page.getByTestId('cancel-paid-yes').click();
      await page.getByRole('heading', { name: '手続きを中止しました' }).waitFor({ timeout: 20_000 });
      assert.match(await page.getByTestId('cert-refunded').innerText(), /返却したお金 300円/);
      assert.match(await page.getByTestId('cert-failed-take-card').innerText(), /カードをお取りください/);
      assert.equal(lastSale()?.state, 'refunded');
      await checkScreen(page, 'cancelled after payment');
    });
  });

  test('while the certificate prints there is no 「最初に戻る」: leaving means finishing', async () => {
    await withKioskPage(browser!, kiosk!, 'printing-after-payment', async (page) => {
      await payOneJuminhyoOnScreen(page);
      await page.getByTestId('sim-remove-card').click();
      await page.getByTestId('cert-printing').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('start-over').count(), 0);
      await page.getByTestId('cert-take-certificate').waitFor({ timeout: 30_000 });
      await page.getByTestId('start-over').waitFor();
    });
  });
});
