/**
 * Every certificate option by touch (browser shell, simulated devices, the demo back end): the
 * 住民票 of some household members chosen by name, the 課税証明書 of a chosen year, and the
 * printed PDFs' text says what was chosen. axe and the touch rules on every new screen.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchTestBrowser } from '../support/browser';
import { signInOnScreen } from '../support/certificate-screens';
import { checkScreen, PORTRAIT, withKioskPage } from '../support/e2e-page';
import { endCitizenSession, startKiosk, type KioskHarness } from '../support/kiosk-harness';
import { pdfText } from '../support/pdf-text';

let browser: Browser;
let kiosk: KioskHarness;

before(async () => {
  kiosk = await startKiosk();
  browser = await launchTestBrowser();
});

after(async () => {
  await browser?.close();
  await kiosk?.stop();
});

/** Pays the fee shown with 1000-yen notes, takes the card, and returns the printed PDF's text. */
async function payAndPrint(page: Page): Promise<string> {
  const printer = kiosk.runtime.devices.sim.printer!;
  const before = printer.printed.length;
  await page.getByTestId('pay-cash').click({ timeout: 20_000 });
  await page.getByTestId('sim-cash-1000').click();
  await page.getByTestId('cert-take-card').waitFor({ timeout: 20_000 });
  await page.getByTestId('sim-remove-card').click();
  await page.getByRole('heading', { name: '証明書をお取りください' }).waitFor({ timeout: 30_000 });
  assert.equal(printer.printed.length, before + 1);
  return pdfText(printer.printed.at(-1)!.pdf);
}

describe('certificate options by touch', () => {
  afterEach(() => endCitizenSession(kiosk));

  test('世帯の一部: the citizen ticks a member by name and the 住民票 shows exactly those', async () => {
    await withKioskPage(browser, kiosk, 'certificate-partial', async (page) => {
      await signInOnScreen(page);
      await page.getByTestId('type-juminhyo').click();
      await page.getByTestId('scope-partial').check();
      const members = page.getByTestId('members');
      assert.match(await members.innerText(), /由美[\s\S]*妻[\s\S]*陽菜[\s\S]*子/);
      assert.equal(await page.getByTestId('member-0').isChecked(), true, 'the citizen starts ticked');
      await page.getByTestId('member-2').check();
      await page.getByTestId('opt-household-head').check();
      await checkScreen(page, '世帯の一部');
      await page.getByTestId('member-0').uncheck();
      await page.getByTestId('member-2').uncheck();
      assert.equal(await page.getByTestId('choose-next').isDisabled(), true, 'nobody chosen: no next');
      await page.getByTestId('member-0').check();
      await page.getByTestId('member-2').check();
      await page.getByTestId('choose-next').click();
      const text = await payAndPrint(page);
      assert.match(text, /陽菜/);
      assert.doesNotMatch(text, /由美/);
      assert.match(text, /世帯主/);
    });
  });

  test('課税証明書: the years the ward offers, newest first; the chosen year is printed (portrait)', async () => {
    await withKioskPage(
      browser,
      kiosk,
      'certificate-year',
      async (page) => {
        await signInOnScreen(page);
        await page.getByTestId('type-kazei').click();
        const years = await page.locator('[data-testid^="year-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
        assert.deepEqual(years, ['year-2025', 'year-2024']);
        assert.equal(await page.getByTestId('year-2025').isChecked(), true);
        assert.match(await page.getByTestId('cert-choose-details').innerText(), /令和7年度（2025年度）[\s\S]*令和6年度（2024年度）/);
        await page.getByTestId('year-2024').check();
        await checkScreen(page, '課税年度');
        await page.getByTestId('choose-next').click();
        const text = await payAndPrint(page);
        assert.match(text, /令和6年度/);
      },
      PORTRAIT,
    );
  });

  test('one sale by touch: a 世帯の一部 住民票 into the basket, then a 課税証明書 for a chosen year; one payment, both printed', async () => {
    await withKioskPage(browser, kiosk, 'certificate-basket', async (page) => {
      const printer = kiosk.runtime.devices.sim.printer!;
      const before = printer.printed.length;
      await signInOnScreen(page);
      await page.getByTestId('type-juminhyo').click();
      await page.getByTestId('scope-partial').check();
      await page.getByTestId('member-2').check();
      await page.getByTestId('choose-add').click();
      const basket = page.getByTestId('basket');
      await basket.waitFor();
      assert.match(await basket.innerText(), /住民票[\s\S]*300円/);
      assert.match(await page.getByTestId('basket-total').innerText(), /300円/);
      await checkScreen(page, '選んだ証明書');
      await page.getByTestId('type-kazei').click();
      await page.getByTestId('year-2024').check();
      await page.getByTestId('choose-next').click();
      const items = page.getByTestId('pay-items');
      await items.waitFor({ timeout: 20_000 });
      assert.match(await items.innerText(), /住民票[\s\S]*課税/);
      assert.match(await page.getByTestId('cert-fee').innerText(), /600/);
      await checkScreen(page, '2通のお支払い');
      await page.getByTestId('pay-cash').click();
      await page.getByTestId('sim-cash-1000').click();
      await page.getByTestId('cert-take-card').waitFor({ timeout: 20_000 });
      await page.getByTestId('sim-remove-card').click();
      await page.getByRole('heading', { name: '証明書をお取りください' }).waitFor({ timeout: 30_000 });
      const printed = printer.printed.slice(before);
      assert.equal(printed.length, 2, 'both certificates in one run');
      const juminhyo = pdfText(printed[0]!.pdf);
      assert.match(juminhyo, /住民票/);
      assert.match(juminhyo, /陽菜/);
      assert.doesNotMatch(juminhyo, /由美/, 'only the members ticked');
      assert.match(pdfText(printed[1]!.pdf), /令和6年度/);
    });
  });
});
