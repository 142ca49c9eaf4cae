/**
 * End to end through the browser shell in the system Chromium: the hidden staff corner held
 * for 3 seconds, the passcode keypad (a wrong try, then the demo passcode), the overview with
 * a printer fault and an alert acknowledged, today's reconciliation, then logout back to the
 * citizen home screen. Accessibility and touch sizes on the keypad and the console. Then the
 * console's tidiness: identical alerts grouped with one acknowledgement and advice, the outbox
 * naming wards in Japanese, the transactions table's action cells in line with their rows.
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

async function openConsole(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'ご用件をお選びください' }).waitFor();
  await holdCorner(page, 3300);
  await page.getByTestId('staff-login').waitFor();
  await typePasscode(page, '24681357');
  await page.getByTestId('staff-overview').waitFor();
}

/** Each cell's top and height against its row's: a cell drawn out of the table's layout drifts off. */
async function cellOffsets(page: Page, rowTestId: string): Promise<{ top: number; height: number }[]> {
  return page.getByTestId(rowTestId).evaluate((row) => {
    const r = row.getBoundingClientRect();
    return [...row.children].map((cell) => {
      const c = cell.getBoundingClientRect();
      return { top: Math.round(c.top - r.top), height: Math.round(c.height - r.height) };
    });
  });
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

  test('identical alerts grouped with one acknowledgement and advice; outbox ward names in Japanese; actions in line', async () => {
    const cardLeft = [1, 2, 3].map(() => kiosk.runtime.staffAlerts.raise({ code: 'card-left-in-reader', severity: 'warning' }));
    const other = kiosk.runtime.staffAlerts.raise({ code: 'printer-media-jam', severity: 'error' });
    // A paid sale today (void and reprint allowed) and a submission queued for 小倉北区.
    const j = kiosk.runtime.journal;
    const tx = j.begin({ certificateType: 'juminhyo', copies: 1, amountYen: 300 });
    j.markAuthenticated(tx.id, { residentRef: 'res-e2e-tidy', serial: '40106-2026-E2E0101', issuer: 'kokurakita' });
    j.markPaid(tx.id, { method: 'cash', reference: 'PAY-E2E-TIDY', amountYen: 300 });
    kiosk.runtime.outbox.enqueue({ destination: 'kokurakita', kind: 'moving-in', payload: { e2e: 'tidy' } });

    await withKioskPage(browser, kiosk, 'staff-console-tidy', async (page) => {
      await openConsole(page);
      const group = page.getByTestId(`staff-alert-${cardLeft[0]!.id}`);
      assert.equal(await group.getAttribute('data-count'), '3', 'three card-left alerts are one entry');
      for (const a of cardLeft.slice(1)) assert.equal(await page.getByTestId(`staff-alert-${a.id}`).count(), 0);
      assert.match(await group.innerText(), /3件/);
      assert.match(await page.getByTestId(`staff-alert-advice-${cardLeft[0]!.id}`).innerText(), /^対応：カードを取り出して窓口で保管/);
      assert.match(await page.getByTestId(`staff-alert-advice-${other.id}`).innerText(), /詰まった用紙を取り除いて/);

      await page.getByTestId(`staff-ack-${cardLeft[0]!.id}`).click();
      await group.filter({ hasText: '確認済み' }).waitFor();
      // The page acknowledges the group's alerts one request each; a refresh may show the group done
      // before the last answer: wait (bounded) for main's record, not the first sign on screen.
      const ackedNow = () => kiosk.runtime.staffAlerts.list().filter((a) => cardLeft.some((c) => c.id === a.id));
      for (let i = 0; i < 100 && !ackedNow().every((a) => a.ackedAt); i++) await new Promise((r) => setTimeout(r, 50));
      const acked = ackedNow();
      assert.deepEqual(
        acked.map((a) => Boolean(a.ackedAt)),
        [true, true, true],
        'one acknowledgement acknowledges the whole group',
      );
      assert.equal(kiosk.runtime.staffAlerts.list().find((a) => a.id === other.id)?.ackedAt, undefined, 'another alert stays open');

      const outbox = page.getByTestId('staff-outbox');
      await outbox.filter({ hasText: '小倉北区' }).waitFor();
      assert.doesNotMatch(await outbox.innerText(), /kokurakita/);

      await page.getByTestId('staff-view-transactions').click();
      await page.getByTestId(`staff-tx-${tx.id}`).waitFor();
      const offsets = await cellOffsets(page, `staff-tx-${tx.id}`);
      assert.equal(offsets.length, 6);
      assert.deepEqual(
        offsets,
        offsets.map(() => ({ top: 0, height: 0 })),
        'every cell, 操作 included, fills its row',
      );
      await assertAccessible(page, 'staff transactions');
      await page.getByTestId('staff-logout').click();
      await page.getByTestId('staff-layer').waitFor({ state: 'detached' });
    });
  });
});
