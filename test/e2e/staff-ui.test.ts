/**
 * End to end through the browser shell in the system Chromium: the hidden staff corner held
 * for 3 seconds, the passcode keypad (a wrong try, then the demo passcode), the overview with
 * a printer fault and an alert acknowledged, today's reconciliation, then logout back to the
 * citizen home screen. Accessibility and touch sizes on the keypad and the console.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, assertTouchFriendly, withKioskPage } from '../support/e2e-page';
import type { KioskHarness } from '../support/kiosk-harness';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';

let browser: Browser;
let kiosk: KioskHarness;

before(async () => ({ kiosk, browser } = await openKioskAndBrowser()));
after(() => closeKioskAndBrowser(kiosk, browser));

async function holdCorner(page: Page, ms: number): Promise<void> {
  const corner = page.getByRole('button', { name: '係員メニュー' });
  const box = (await corner.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(ms);
  await page.mouse.up();
}

async function typePasscode(page: Page, digits: string): Promise<void> {
  for (const d of digits) await page.getByTestId(`staff-key-${d}`).click();
  await page.getByTestId('staff-login-submit').click();
}

describe('staff console UI', () => {
  test('corner hold → passcode → overview → reconciliation → logout', async () => {
    await withKioskPage(browser, kiosk, 'staff-console', async (page) => {
      await page.getByRole('heading', { name: 'ご用件をお選びください' }).waitFor();

      // A tap (or a short press) on the corner does nothing.
      await holdCorner(page, 300);
      await page.waitForTimeout(3200);
      assert.equal(await page.getByTestId('staff-login').count(), 0, 'a short press must not open the staff menu');

      await holdCorner(page, 3300);
      await page.getByTestId('staff-login').waitFor();
      await assertTouchFriendly(page);
      await assertAccessible(page, 'staff keypad');

      await typePasscode(page, '13579135');
      await page.getByTestId('staff-login-notice').filter({ hasText: '暗証番号が違います' }).waitFor();
      assert.match(await page.getByTestId('staff-login-notice').innerText(), /あと4回/);

      kiosk.runtime.devices.sim.printer!.injectFault('media-empty');
      const alert = kiosk.runtime.staffAlerts.raise({ code: 'refund-voucher', severity: 'error', reference: 'RV-E2E-0001' });
      try {
        await typePasscode(page, '24681357');
        await page.getByTestId('staff-overview').waitFor();
        const printer = page.getByTestId('staff-tile-printer');
        await printer.filter({ hasText: '用紙切れ' }).waitFor();
        assert.match(await printer.innerText(), /要対応/);
        assert.match(await page.getByTestId('staff-tile-backend').innerText(), /接続できます/);
        await assertTouchFriendly(page, 60, 24);
        await assertAccessible(page, 'staff overview');

        await page.getByTestId(`staff-ack-${alert.id}`).click();
        await page.getByTestId(`staff-alert-${alert.id}`).filter({ hasText: '確認済み' }).waitFor();
      } finally {
        kiosk.runtime.devices.sim.printer!.clearFaults();
      }

      await page.getByTestId('staff-view-reconciliation').click();
      const rec = page.getByTestId('staff-reconciliation');
      await rec.waitFor();
      assert.match(await rec.innerText(), /精算表 \d{4}-\d{2}-\d{2}/);
      await assertAccessible(page, 'staff reconciliation');

      await page.getByTestId('staff-logout').click();
      await page.getByTestId('staff-layer').waitFor({ state: 'detached' });
      await page.getByRole('heading', { name: 'ご用件をお選びください' }).waitFor();
      assert.equal((await kiosk.runtime.router.dispatch('staff.getOverview', {})).ok, false, 'the staff session is closed on the main side');
    });
  });
});
