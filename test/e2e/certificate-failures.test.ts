/**
 * The certificate journey's failure screens end to end through the browser shell: paper out
 * before payment, the back end down, a jam after payment (refund, and a voucher when the
 * machine cannot give the money back), and the card pulled during the PIN. Faults are injected
 * into the simulated printer, the embedded back end (started with fault injection) and the
 * simulated cash unit; every failure screen gets axe and the touch-size check.
 *
 * One kiosk serves the whole file: each test ends the session and clears every fault.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { CertificateStep } from '../../contract/certificate-journey';
import type { SessionState } from '../../contract/kiosk-api';
import { launchTestBrowser } from '../support/browser';
import { logInOnScreen } from '../support/certificate-screens';
import { checkScreen, withKioskPage } from '../support/e2e-page';
import { startKiosk, type KioskHarness } from '../support/kiosk-harness';

let browser: Browser;
let kiosk: KioskHarness;
/** Every step the main side pushed, in order (reset per test). */
let steps: CertificateStep[] = [];
/** Every session state the main side pushed (reset per test). */
let sessions: SessionState[] = [];

before(async () => {
  // Short endings: a card left in asks for a second, then the first screen (the next citizen's turn).
  kiosk = await startKiosk({}, { backendFaults: true, runtime: { takeCertificateMs: 500, endingMs: { takeCard: 1000 } } });
  kiosk.runtime.hub.addSink((channel, payload) => {
    if (channel === 'certificate.changed') steps.push((payload as { step: CertificateStep }).step);
    if (channel === 'session.changed') sessions.push(payload as SessionState);
  });
  browser = await launchTestBrowser();
});

after(async () => {
  await browser?.close();
  await kiosk?.runtime.session.end('cancel');
  await kiosk?.stop();
});

function sims() {
  const { printer, cash, card } = kiosk.runtime.devices.sim;
  assert.ok(printer && cash && card, 'printer, cash unit and card reader are simulated');
  const faults = kiosk.backend?.faults;
  assert.ok(faults, 'the embedded back end takes faults');
  return { printer, cash, card, faults };
}

/** Inserts 100-yen coins one at a time, each counted before the next (as a person would). */
async function insertHundreds(page: Page, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await page.getByTestId('sim-cash-100').click();
    if (i < count)
      await page
        .getByTestId('cash-inserted')
        .filter({ hasText: `${i * 100}円` })
        .waitFor();
  }
}

beforeEach(() => {
  steps = [];
  sessions = [];
});

afterEach(async () => {
  const { printer, card, faults } = sims();
  await kiosk.runtime.session.end('cancel');
  card.removeCard();
  printer.clearFaults();
  await faults.clear();
});

describe('certificate failure screens', () => {
  test('paper out before payment: a plain message, the card to take, and no money asked for', async () => {
    const { printer, cash } = sims();
    const paidOutBefore = cash.model.paidOut;
    const printedBefore = printer.printed.length;
    await withKioskPage(browser, kiosk, 'certificate-fail-paper-out', async (page) => {
      await logInOnScreen(page, 'card-001', '1234');
      printer.injectFault('media-empty');
      await page.getByTestId('type-juminhyo').click();
      await page.getByTestId('choose-next').click();
      await page.getByTestId('cert-failed').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('cert-failed-message').innerText(), '用紙が切れているため、ただいま印刷できません。係員をお呼びください。');
      await page.getByTestId('cert-failed-take-card').waitFor();
      assert.equal(await page.getByTestId('cert-refunded').count(), 0, 'no money was taken, so none is returned');
      await checkScreen(page, 'failed (paper out)');
      await page.getByTestId('cert-home').click();
      await page.getByTestId('journey-certificate').waitFor();
    });
    assert.ok(!steps.includes('pay'), `the fee screen never showed (steps: ${steps.join(', ')})`);
    assert.equal(cash.model.escrowTotal, 0);
    assert.equal(cash.model.paidOut, paidOutBefore);
    assert.equal(printer.printed.length, printedBefore);
    assert.ok(
      kiosk.runtime.staffAlerts.list().some((a) => a.code === 'printer-media-empty'),
      'staff were alerted',
    );
  });

  test('a card left behind after 最初の画面に戻る is not read for the next citizen: take it out / call staff, then a new insertion reads it', async () => {
    const { printer } = sims();
    await withKioskPage(browser, kiosk, 'certificate-fail-card-left', async (page) => {
      await logInOnScreen(page, 'card-001', '1234');
      printer.injectFault('media-empty');
      await page.getByTestId('type-juminhyo').click();
      await page.getByTestId('choose-next').click();
      await page.getByTestId('cert-failed-take-card').waitFor({ timeout: 20_000 });
      printer.clearFaults();
      // The citizen goes home without taking the card: they are asked for it, then the first screen.
      await page.getByTestId('cert-home').click();
      await page.getByTestId('journey-certificate').waitFor();
      assert.ok(
        sessions.some((s) => s.phase === 'idle' && s.ending?.takeCard === true),
        'the citizen who left was asked to take the card',
      );
      steps = [];
      await page.getByTestId('journey-certificate').click();
      await page
        .getByTestId('cert-insert-message')
        .filter({ hasText: '前の方のカードが差し込まれたままです。カードを抜いてください。お心当たりのない方は係員をお呼びください。' })
        .waitFor({ timeout: 10_000 });
      await checkScreen(page, 'insert card (previous card still in)');
      assert.ok(!steps.includes('pin') && !steps.includes('reading-card'), `the left card was never read (steps: ${steps.join(', ')})`);
      await page.getByTestId('sim-remove-card').click();
      await page.getByTestId('cert-insert-message').waitFor({ state: 'detached' });
      await page.getByTestId('sim-insert-card-001').click();
      await page.getByTestId('cert-pin').waitFor();
      assert.match(await page.getByTestId('cert-pin-tries').innerText(), /あと3回まちがえると、このカードの暗証番号はロックされます/);
    });
    assert.ok(
      kiosk.runtime.staffAlerts.list().some((a) => a.code === 'card-left-in-reader'),
      'staff were alerted',
    );
  });

  test('back end down at the PIN: a plain message, nothing charged, and no PIN try used', async () => {
    const { cash, faults } = sims();
    const paidOutBefore = cash.model.paidOut;
    await withKioskPage(browser, kiosk, 'certificate-fail-backend-down', async (page) => {
      await page.getByTestId('journey-certificate').click();
      await page.getByTestId('sim-insert-card-005').click();
      await page.getByTestId('cert-pin').waitFor();
      assert.match(await page.getByTestId('cert-pin-tries').innerText(), /あと3回まちがえると、このカードの暗証番号はロックされます/);
      await faults.apply({ mode: 'down', durationMs: 60_000 });
      for (const d of '2222') await page.getByTestId(`pin-key-${d}`).click();
      await page.getByTestId('pin-ok').click();
      await page.getByTestId('cert-failed').waitFor({ timeout: 20_000 });
      assert.equal(
        await page.getByTestId('cert-failed-message').innerText(),
        'ただいま証明書の発行を受け付けられません。しばらくしてからお試しいただくか、窓口でお求めください。',
      );
      await page.getByTestId('cert-failed-take-card').waitFor();
      await checkScreen(page, 'failed (back end down)');
      // Taking the card leaves the message on screen (only the card line goes); the citizen goes home.
      await page.getByTestId('sim-remove-card').click();
      await page.getByTestId('cert-failed-take-card').waitFor({ state: 'detached' });
      await page.getByTestId('cert-home').click();
      await page.getByTestId('journey-certificate').waitFor();

      // Back up: the same card still has all three tries (the PIN never went to the card).
      await faults.clear();
      await page.getByTestId('journey-certificate').click();
      await page.getByTestId('sim-insert-card-005').click();
      await page.getByTestId('cert-pin').waitFor();
      assert.match(await page.getByTestId('cert-pin-tries').innerText(), /あと3回まちがえると、このカードの暗証番号はロックされます/);
    });
    assert.ok(!steps.includes('pay'), 'the fee screen never showed');
    assert.equal(cash.model.paidOut, paidOutBefore);
  });

  test('back end down after login: choosing a certificate ends on a plain message before any money', async () => {
    const { cash, faults } = sims();
    const paidOutBefore = cash.model.paidOut;
    await withKioskPage(browser, kiosk, 'certificate-fail-backend-down-choose', async (page) => {
      await logInOnScreen(page, 'card-002', '2580');
      await page.getByTestId('type-juminhyo').click();
      await faults.apply({ mode: 'down', durationMs: 60_000 });
      await page.getByTestId('choose-next').click();
      await page.getByTestId('cert-failed').waitFor({ timeout: 20_000 });
      assert.equal(
        await page.getByTestId('cert-failed-message').innerText(),
        'ただいま証明書の発行を受け付けられません。しばらくしてからお試しいただくか、窓口でお求めください。',
      );
      await page.getByTestId('cert-failed-take-card').waitFor();
      await checkScreen(page, 'failed (back end down at the choice)');
    });
    assert.ok(!steps.includes('pay'), 'the fee screen never showed');
    assert.equal(cash.model.paidOut, paidOutBefore);
  });

  test('a jam after payment: the failure screen shows the full refund', async () => {
    const { printer, cash } = sims();
    const paidOutBefore = cash.model.paidOut;
    await withKioskPage(browser, kiosk, 'certificate-fail-jam-refund', async (page) => {
      await logInOnScreen(page, 'card-004', '4321');
      await page.getByTestId('type-juminhyo').click();
      await page.getByTestId('choose-next').click();
      await page.getByTestId('pay-cash').click({ timeout: 20_000 });
      await insertHundreds(page, 3);
      await page.getByRole('heading', { name: 'カードをお取りください' }).waitFor();
      printer.injectFault('media-jam', { atPage: 1 });
      await page.getByTestId('sim-remove-card').click();
      await page.getByTestId('cert-failed').waitFor({ timeout: 30_000 });
      assert.equal(await page.getByTestId('cert-failed-message').innerText(), '印刷できませんでした。お支払いいただいたお金はお返しします。');
      assert.equal(await page.getByTestId('cert-refunded').innerText(), '返却したお金 300円');
      assert.equal(await page.getByTestId('cert-owed').count(), 0);
      assert.equal(await page.getByTestId('cert-failed-take-card').count(), 0, 'the card was already taken');
      await checkScreen(page, 'failed (jam, refunded)');
    });
    assert.equal(cash.model.paidOut - paidOutBefore, 300, 'every yen inserted came back');
    assert.ok(
      kiosk.runtime.staffAlerts.list().some((a) => a.code.startsWith('print-')),
      'staff were alerted to the failed print',
    );
  });

  test('a jam after payment with no coins left to give back: the amount owed and a voucher number', async () => {
    const { printer, cash } = sims();
    const inventory = cash.model.inventorySnapshot();
    try {
      await withKioskPage(browser, kiosk, 'certificate-fail-jam-voucher', async (page) => {
        await logInOnScreen(page, 'card-007', '7777');
        await page.getByTestId('type-juminhyo').click();
        await page.getByTestId('choose-next').click();
        await page.getByTestId('pay-cash').click({ timeout: 20_000 });
        await insertHundreds(page, 3);
        await page.getByRole('heading', { name: 'カードをお取りください' }).waitFor();
        // The coins went into the recycler; empty it so the refund cannot be paid out.
        cash.model.setInventory({ 10: 0, 50: 0, 100: 0, 500: 0 });
        printer.injectFault('media-jam', { atPage: 1 });
        await page.getByTestId('sim-remove-card').click();
        await page.getByTestId('cert-failed').waitFor({ timeout: 30_000 });
        assert.match(await page.getByTestId('cert-owed').innerText(), /お返しできなかったお金 300円/);
        assert.match(await page.getByTestId('cert-voucher').innerText(), /^返金受付番号 RV-\S+$/);
        assert.equal(await page.getByTestId('cert-refunded').count(), 0);
        await checkScreen(page, 'failed (jam, voucher)');
      });
    } finally {
      cash.model.setInventory(inventory);
    }
    assert.ok(
      kiosk.runtime.staffAlerts.list().some((a) => a.code === 'refund-voucher'),
      'staff were alerted to the voucher',
    );
  });

  test('the cash unit jams while paying: the coins come back, the jammed one gets a voucher, and the card is still to take', async () => {
    const { cash } = sims();
    const paidOutBefore = cash.model.paidOut;
    try {
      await withKioskPage(browser, kiosk, 'certificate-fail-cash-jam', async (page) => {
        await logInOnScreen(page, 'card-003', '9999');
        await page.getByTestId('type-juminhyo').click();
        await page.getByTestId('choose-next').click();
        await page.getByTestId('pay-cash').click({ timeout: 20_000 });
        cash.runScript('jam-on-third-insert');
        await insertHundreds(page, 3);
        await page.getByTestId('cert-failed').waitFor({ timeout: 30_000 });
        assert.equal(await page.getByTestId('cert-failed-message').innerText(), 'お支払いを完了できませんでした。');
        // The card is still in the reader: the screen must say so (printing never started).
        await page.getByTestId('cert-failed-take-card').waitFor();
        // Two coins came back from escrow; the jammed one gets the voucher.
        const view = kiosk.runtime.journey.current();
        assert.equal(view.step === 'failed' && view.owedYen, 100);
        assert.equal(cash.model.paidOut - paidOutBefore, 200);
        assert.match(await page.getByTestId('cert-owed').innerText(), /お返しできなかったお金 100円/);
        assert.match(await page.getByTestId('cert-voucher').innerText(), /^返金受付番号 \S+$/);
        await checkScreen(page, 'failed (cash unit jam)');
      });
    } finally {
      cash.clearFault('jam');
    }
    const alerts = kiosk.runtime.staffAlerts.list().map((a) => a.code);
    assert.ok(alerts.includes('payment-failed') && alerts.includes('refund-voucher'), `staff were alerted (${alerts.join(', ')})`);
  });

  test('the card pulled during the PIN: back to "insert the card", and no try used', async () => {
    await withKioskPage(browser, kiosk, 'certificate-fail-card-pulled', async (page) => {
      await page.getByTestId('journey-certificate').click();
      await page.getByTestId('sim-insert-card-014').click();
      await page.getByTestId('cert-pin').waitFor();
      for (const d of '63') await page.getByTestId(`pin-key-${d}`).click();
      await page.getByTestId('sim-remove-card').click();
      await page.getByRole('heading', { name: 'マイナンバーカードを差し込んでください' }).waitFor();
      assert.equal(await page.getByTestId('cert-insert-message').innerText(), 'カードが抜かれました。もう一度差し込んでください。');
      await checkScreen(page, 'insert card again (card pulled)');
      await page.getByTestId('sim-insert-card-014').click();
      await page.getByTestId('cert-pin').waitFor();
      assert.match(await page.getByTestId('cert-pin-tries').innerText(), /あと3回まちがえると、このカードの暗証番号はロックされます/);
      assert.equal(await page.locator('.pin__dot--filled').count(), 0, 'the digits typed before are gone');
    });
    assert.ok(!steps.includes('authenticating'), 'nothing was sent to the card or the back end');
  });
});
