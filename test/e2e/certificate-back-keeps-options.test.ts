/**
 * End to end through the browser shell: 「戻る」 on the cash screen comes back to the details as the
 * citizen left them (世帯の一部 with the members ticked, 世帯主・続柄, 本籍, 3 copies), not to the defaults, and 「次へ」 takes
 * the same choice to the fee again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { withKioskPage } from '../support/e2e-page';
import { endCitizenSession, type KioskHarness } from '../support/kiosk-harness';
import type { Browser } from 'playwright-core';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';

let browser: Browser;
let kiosk: KioskHarness;

before(async () => ({ kiosk, browser } = await openKioskAndBrowser()));
after(() => closeKioskAndBrowser(kiosk, browser));

describe('certificate: back from the fee keeps the options', () => {
  test('世帯の一部 (本人 + 妻) + 世帯主 + 本籍 × 3: back from the cash screen shows them chosen', async () => {
    try {
      await withKioskPage(browser, kiosk, 'certificate-back-keeps-options', async (page) => {
        await page.getByTestId('journey-certificate').click();
        // card-001's household: the citizen (世帯主), 由美 (妻) and 陽菜 (子); the first two are chosen.
        await page.getByTestId('sim-insert-card-001').click();
        await page.getByTestId('cert-pin').waitFor();
        for (const d of '1234') await page.getByTestId(`pin-key-${d}`).click();
        await page.getByTestId('pin-ok').click();
        await page.getByTestId('type-juminhyo').click({ timeout: 20_000 });
        await page.getByTestId('scope-partial').check();
        await page.getByTestId('member-1').check();
        await page.getByTestId('opt-household-head').check();
        await page.getByTestId('opt-honseki').check();
        for (let i = 0; i < 2; i++) await page.getByTestId('copies-plus').click();
        await page.getByTestId('choose-next').click();
        await page.getByTestId('pay-cash').click({ timeout: 20_000 });
        await page.getByTestId('cash-inserted').waitFor();

        // From the cash screen back to the method, and from there back to the details.
        await page.getByTestId('pay-back').click();
        const details = page.getByTestId('cert-choose-details');
        await Promise.race([details.waitFor({ timeout: 20_000 }), page.getByTestId('cert-pay-method').waitFor({ timeout: 20_000 })]);
        if (!(await details.isVisible())) await page.getByTestId('pay-back').click();
        await details.waitFor({ timeout: 20_000 });

        assert.equal(await page.getByTestId('scope-partial').isChecked(), true, '世帯の一部 kept');
        assert.deepEqual(await Promise.all([0, 1, 2].map((i) => page.getByTestId(`member-${i}`).isChecked())), [true, true, false], 'the members ticked kept');
        assert.equal(await page.getByTestId('opt-household-head').isChecked(), true, '世帯主・続柄 kept');
        assert.equal(await page.getByTestId('opt-honseki').isChecked(), true, '本籍 kept');
        assert.match(await page.getByTestId('copies-value').innerText(), /^3/, 'three copies kept');

        await page.getByTestId('choose-next').click();
        await page.getByTestId('cert-pay-method').waitFor({ timeout: 20_000 });
        assert.match(await page.getByTestId('cert-fee').innerText(), /900/, 'the same three copies are due again');
      });
    } finally {
      await endCitizenSession(kiosk);
    }
  });
});
