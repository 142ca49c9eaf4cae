/**
 * End to end through the browser shell: the simulator panel's fault switches (demo, technicians).
 * Folded away at first; opened, each switch reaches its simulator: the printer runs out of paper
 * and jams, the cash unit jams, the cashless terminal goes offline, each clears again, and the
 * demo back end goes down (and is brought back by the test).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, withKioskPage } from '../support/e2e-page';
import type { KioskHarness } from '../support/kiosk-harness';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';

let browser: Browser;
let kiosk: KioskHarness;

before(async () => ({ kiosk, browser } = await openKioskAndBrowser({}, { backendFaults: true })));
after(() => closeKioskAndBrowser(kiosk, browser));

async function flip(page: Page, testId: string, what: RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId('sim-fault-applied').filter({ hasText: what }).waitFor();
}

/** Polls a main-side condition (a fault applies after the answer leaves); bounded by the test's own timeout. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 50));
}

describe('simulator panel: faults', () => {
  test('printer, cash, cashless and back-end faults from the panel', async () => {
    const { printer, cash, cashless } = kiosk.runtime.devices.sim;
    const faults = kiosk.backend?.faults;
    assert.ok(printer && cash && cashless && faults);
    try {
      await withKioskPage(browser, kiosk, 'simulator-faults', async (page) => {
        await page.getByTestId('journey-certificate').click();
        await page.getByTestId('sim-panel').waitFor();
        assert.equal(await page.getByTestId('sim-faults').count(), 0, 'folded away until asked for');
        await page.getByTestId('sim-faults-toggle').click();
        await page.getByTestId('sim-faults').waitFor();
        assert.equal(await page.getByTestId('sim-faults-toggle').getAttribute('aria-expanded'), 'true');
        await assertAccessible(page, 'simulator faults');

        await flip(page, 'sim-fault-printer-media-empty', /用紙切れ/);
        assert.deepEqual(printer.snapshot().faults, ['media-empty']);
        await flip(page, 'sim-fault-printer-media-jam', /紙づまり/);
        assert.deepEqual(printer.snapshot().faults.sort(), ['media-empty', 'media-jam']);
        await flip(page, 'sim-fault-printer-clear', /プリンター 解除/);
        assert.deepEqual(printer.snapshot().faults, []);

        await flip(page, 'sim-fault-cash-jam', /硬貨・紙幣づまり/);
        await until(() => cash.model.activeFaults.includes('jam'));
        await flip(page, 'sim-fault-cash-clear', /現金ユニット 解除/);
        await until(() => cash.model.activeFaults.length === 0);

        await flip(page, 'sim-fault-cashless-offline', /オフライン/);
        assert.equal((await cashless.status()).state, 'offline');
        await flip(page, 'sim-fault-cashless-clear', /キャッシュレス端末 解除/);
        assert.equal((await cashless.status()).state, 'ready');

        await flip(page, 'sim-fault-backend-down', /基幹システム 1分間停止/);
        await until(() => faults.state().down);
      });
    } finally {
      printer.clearFaults();
      cashless.setOffline(false);
      await faults.clear();
      await kiosk.runtime.session.end('cancel');
    }
  });
});
