/**
 * End to end through the browser shell with the demo's queue service (PGlite): the home screen's
 * waits, a ticket taken in two touches (the service, then 「番号札を取る」) and the printed 番号札's
 * text; then, with the queue service gone, no number and the words that send the citizen to 受付.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { checkScreen, withKioskPage } from '../support/e2e-page';
import type { KioskHarness } from '../support/kiosk-harness';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';
import { WITH_QUEUE } from '../support/journey-driver';
import { endCitizenSession } from '../support/kiosk-harness';
import { expectStep, reachMoveWithinCityReview } from '../support/application-driver';
import { call } from '../support/journey-driver';
import { movableClock } from '../support/kiosk-clock';
import { pdfText } from '../support/pdf-text';

let browser: Browser;
let kiosk: KioskHarness;

// 10:00 in Japan on a weekday (kiosk and queue on one clock): a 10:30 reservation checks in on time.
before(async () => ({ kiosk, browser } = await openKioskAndBrowser(WITH_QUEUE, { runtime: { clock: movableClock('2026-03-31') } })));
after(() => closeKioskAndBrowser(kiosk, browser));

describe('queue ticket from the home screen', () => {
  test('two touches take a ticket; the screen and the printed ticket show number, counters, people ahead and wait', async () => {
    await withKioskPage(browser, kiosk, 'queue-ticket', async (page) => {
      const wait = page.getByTestId('queue-wait-certificates');
      await wait.waitFor();
      assert.equal(await wait.innerText(), 'すぐにご案内');
      await checkScreen(page, 'home with queue waits');
      await page.getByTestId('queue-service-certificates').click();
      await page.getByTestId('queue-take').click();
      await page.getByTestId('queue-ticket').waitFor();
      assert.equal(await page.getByTestId('queue-ticket-number').innerText(), '1');
      assert.match(await page.getByTestId('queue-ticket-counters').innerText(), /1番窓口・2番窓口/);
      assert.match(await page.getByTestId('queue-ticket-ahead').innerText(), /0人/);
      assert.match(await page.getByTestId('queue-ticket-printed').innerText(), /印刷しました/);
      assert.match((await page.getByTestId('queue-ticket-qr').getAttribute('data-url')) ?? '', /\/wait\/[0-9a-f-]{36}$/);
      await checkScreen(page, 'queue ticket');

      const printed = kiosk.runtime.devices.sim.printer!.printed;
      assert.deepEqual(
        printed.map((p) => p.jobName),
        ['queue-ticket-1'],
      );
      const text = pdfText(printed[0]!.pdf).replace(/\s+/g, '');
      for (const s of ['番号札', '受付番号1', '証明書', '1番窓口・2番窓口', '前にお待ちの方0人', 'まもなくお呼びします']) {
        assert.ok(text.includes(s), `the printed ticket says ${s}`);
      }

      await page.getByTestId('queue-done').click();
      await page.getByTestId('queue-wait-certificates').waitFor();
    });
  });

  test("a reservation checks in by its number on the digit pad, on time by the ward's rule", async () => {
    // The 10:30 slot checks in from 10:00 (30 min early) to 10:40: on time for this file's run.
    const r = await kiosk.queue!.store.reserve({ ward: 'kokurakita', service: 'welfare', day: '2026-03-31', slot: '10:30' });
    await withKioskPage(browser, kiosk, 'queue-check-in', async (page) => {
      await page.getByTestId('queue-check-in').click();
      await page.getByTestId('queue-check-in-screen').waitFor();
      await checkScreen(page, 'reservation check-in');
      for (const digit of r.code) await page.getByTestId(`queue-code-key-${digit}`).click();
      await page.getByTestId('queue-check-in-submit').click();
      await page.getByTestId('queue-ticket').waitFor();
      assert.match(await page.getByTestId('queue-ticket-timing').innerText(), /予約の時間どおり/);
      assert.match(await page.getByTestId('queue-ticket-counters').innerText(), /6番窓口/);
      await page.getByTestId('queue-done').click();
    });
  });

  test('「このまま窓口へ」 on the 書かない done screen: a ticket that carries the receipt number', async () => {
    let receipt = '';
    try {
      await withKioskPage(browser, kiosk, 'queue-to-counter', async (page) => {
        await page.getByTestId('queue-waits').waitFor();
        // The application is filled through main (its screens have their own e2e); the page follows
        // the session's journey to its done screen.
        await reachMoveWithinCityReview(kiosk.runtime);
        const done = expectStep(await call(kiosk.runtime, 'application.submit', {}), 'done');
        receipt = done.receiptNumber;
        await page.getByTestId('app-done').waitFor();
        await page.getByTestId('done-to-counter').click();
        await page.getByTestId('queue-ticket').waitFor();
        assert.match(await page.getByTestId('queue-ticket-receipt').innerText(), new RegExp(done.receiptNumber));
        assert.match(await page.getByTestId('queue-ticket-counters').innerText(), /3番窓口・4番窓口/);
      });
      const ticket = pdfText(kiosk.runtime.devices.sim.printer!.printed.at(-1)!.pdf).replace(/\s+/g, '');
      assert.ok(ticket.includes(`申請の受付番号${receipt}`), 'the printed ticket carries the receipt number');
    } finally {
      await endCitizenSession(kiosk);
    }
  });

  test('the queue service gone between the two touches: no number, the citizen is sent to the reception desk', async () => {
    await withKioskPage(browser, kiosk, 'queue-unavailable', async (page) => {
      await page.getByTestId('queue-service-certificates').click();
      const printedBefore = kiosk.runtime.devices.sim.printer!.printed.length;
      await kiosk.queue!.stop();
      await page.getByTestId('queue-take').click();
      const unavailable = page.getByTestId('queue-unavailable');
      await unavailable.waitFor();
      assert.match(await unavailable.innerText(), /受付.*へお越しください/);
      assert.equal(await page.getByTestId('queue-ticket-number').count(), 0);
      assert.equal(kiosk.runtime.devices.sim.printer!.printed.length, printedBefore, 'nothing printed');
      await page.getByTestId('queue-done').click();
      // The next refresh finds the service gone: the home screen shows no waits, only the words.
      await kiosk.runtime.queue.refresh();
      await page.getByTestId('queue-waits-unavailable').waitFor();
      assert.equal(await page.getByTestId('queue-wait-certificates').count(), 0);
    });
  });
});
