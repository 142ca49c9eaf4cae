/**
 * The certificate journey (自動交付機) end to end through the browser shell: the real main-side
 * runtime with simulated card reader, cash unit and printer, driven only through the screens
 * (and the clearly marked simulator panel), with axe on every screen.
 *
 * Simulated cards keep their PIN tries for the life of the process (fixtures/cards/README.md):
 * every test that spends a try ends with the right PIN, which resets the counter.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { CertificateStep } from '../../contract/certificate-journey';
import { refusalReasons } from '../../contract/ward-api';
import { launchTestBrowser } from '../support/browser';
import { checkScreen, LANDSCAPE, PORTRAIT, type Viewport, withKioskPage } from '../support/e2e-page';
import { endCitizenSession, startKiosk, type KioskHarness } from '../support/kiosk-harness';

let browser: Browser;
let kiosk: KioskHarness;
/** Every step the main side pushed, in order (reset per test). */
let steps: CertificateStep[] = [];

before(async () => {
  kiosk = await startKiosk();
  kiosk.runtime.hub.addSink((channel, payload) => {
    if (channel === 'certificate.changed') steps.push((payload as { step: CertificateStep }).step);
  });
  browser = await launchTestBrowser();
});

after(async () => {
  await browser?.close();
  await kiosk?.stop();
});

async function startAndInsert(page: Page, cardId: string): Promise<void> {
  await page.getByTestId('journey-certificate').click();
  await page.getByRole('heading', { name: 'マイナンバーカードを差し込んでください' }).waitFor();
  await page.getByTestId(`sim-insert-${cardId}`).click();
  await page.getByTestId('cert-pin').waitFor();
}

async function typePin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
}

describe('certificate journey screens', () => {
  afterEach(() => endCitizenSession(kiosk));

  for (const viewport of [LANDSCAPE, PORTRAIT] as Viewport[]) {
    const label = viewport === LANDSCAPE ? 'landscape' : 'portrait';
    test(`card-001 gets a 住民票の写し paid in cash, and the printer receives a PDF (${label})`, async () => {
      steps = [];
      const printer = kiosk.runtime.devices.sim.printer;
      assert.ok(printer, 'the printer is simulated');
      const printedBefore = printer.printed.length;
      await withKioskPage(
        browser,
        kiosk,
        `certificate-cash-${label}`,
        async (page) => {
          await page.getByTestId('journey-certificate').click();
          await page.getByRole('heading', { name: 'マイナンバーカードを差し込んでください' }).waitFor();
          assert.match(await page.getByTestId('sim-panel').innerText(), /シミュレータ（職員・技術者用）/);
          await checkScreen(page, `insert card (${label})`);
          await page.getByTestId('sim-insert-card-001').click();

          await page.getByRole('heading', { name: 'マイナンバーカードの暗証番号（数字4けた）を入力してください' }).waitFor();
          assert.equal(
            await page.getByTestId('cert-pin-tries').innerText(),
            'あと3回まちがえると、このカードの暗証番号はロックされます。市役所の窓口で解除できます',
          );
          assert.equal(await page.getByTestId('cert-pin-technical').innerText(), '利用者証明用電子証明書の暗証番号', 'the technical name, for staff, beneath');
          await checkScreen(page, `PIN (${label})`);
          await typePin(page, '1235');
          await page.getByTestId('pin-backspace').click();
          await page.getByTestId('pin-key-4').click();
          assert.equal(await page.locator('.pin__dot--filled').count(), 4);
          // The PIN never reaches the DOM as text.
          assert.doesNotMatch(await page.content(), /1234/);
          await page.getByTestId('pin-ok').click();

          await page.getByRole('heading', { name: '証明書を選んでください' }).waitFor();
          assert.match(await page.getByTestId('type-juminhyo').innerText(), /住民票の写し[\s\S]*1通 300円/);
          await checkScreen(page, `choose (${label})`);
          await page.getByTestId('type-juminhyo').click();
          await page.getByTestId('cert-choose-details').waitFor();
          await page.getByTestId('copies-plus').click();
          assert.match(await page.getByTestId('cert-total').innerText(), /合計 600円/);
          await page.getByTestId('copies-minus').click();
          await checkScreen(page, `choose details (${label})`);
          await page.getByTestId('choose-next').click();

          await page.getByTestId('cert-pay-method').waitFor({ timeout: 20_000 });
          const view = kiosk.runtime.journey.current();
          assert.equal(view.step, 'pay');
          const due = view.step === 'pay' ? view.dueYen : 0;
          assert.equal(await page.getByTestId('cert-fee').innerText(), `手数料 ${due}円`);
          await checkScreen(page, `pay method (${label})`);
          await page.getByTestId('pay-cash').click();

          await page.getByRole('heading', { name: 'お金を入れてください' }).waitFor();
          assert.equal(await page.getByTestId('cash-remaining').innerText(), `${due}円`);
          await checkScreen(page, `pay cash (${label})`);
          await page.getByTestId('sim-cash-100').click();
          await page.getByTestId('cash-inserted').filter({ hasText: '100円' }).waitFor();
          await page.getByTestId('sim-cash-500').click();

          await page.getByRole('heading', { name: 'カードをお取りください' }).waitFor();
          assert.equal(await page.getByTestId('cert-change').innerText(), `おつり ${600 - due}円`);
          await checkScreen(page, `take card (${label})`);
          assert.equal(printer.printed.length, printedBefore, 'nothing prints while the card is still in');
          await page.getByTestId('sim-remove-card').click();

          await page.getByRole('heading', { name: '証明書をお取りください' }).waitFor({ timeout: 30_000 });
          await checkScreen(page, `take certificate (${label})`);
        },
        viewport,
      );
      assert.ok(steps.includes('printing'), `printing was shown (steps: ${steps.join(', ')})`);
      assert.equal(printer.printed.length, printedBefore + 1);
      const pdf = printer.printed.at(-1)!.pdf;
      assert.equal(Buffer.from(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
    });
  }

  test('a wrong PIN shows あと2回 (what happens at zero) and the error; the right PIN then goes on', async () => {
    steps = [];
    await withKioskPage(browser, kiosk, 'certificate-wrong-pin', async (page) => {
      await startAndInsert(page, 'card-002');
      assert.match(await page.getByTestId('cert-pin-tries').innerText(), /あと3回まちがえると、このカードの暗証番号はロックされます/);
      await typePin(page, '0000');
      await page.getByTestId('pin-ok').click();
      await page.getByTestId('cert-pin-error').waitFor();
      assert.match(await page.getByTestId('cert-pin-error').innerText(), /暗証番号が違います/);
      assert.match(await page.getByTestId('cert-pin-tries').innerText(), /あと2回まちがえると、このカードの暗証番号はロックされます/);
      assert.equal(await page.locator('.pin__dot--filled').count(), 0, 'the PIN is cleared after a submit');
      await checkScreen(page, 'PIN after a wrong try');
      await typePin(page, '2580');
      await page.getByTestId('pin-ok').click();
      await page.getByRole('heading', { name: '証明書を選んでください' }).waitFor();
    });
  });

  test('with one try left the kiosk warns and asks for confirmation before the card is asked', async () => {
    steps = [];
    await withKioskPage(browser, kiosk, 'certificate-last-try', async (page) => {
      await startAndInsert(page, 'card-one-try');
      await page.getByText('あと1回間違えるとロックされます').first().waitFor();
      assert.match(await page.getByTestId('cert-pin-tries').innerText(), /あと1回まちがえると、このカードの暗証番号はロックされます/);
      await checkScreen(page, 'PIN last try');
      await typePin(page, '3141');
      await page.getByTestId('pin-ok').click();
      await page.getByTestId('cert-pin-confirm').waitFor();
      await checkScreen(page, 'PIN last-try confirmation');
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
      assert.equal(focused, 'pin-confirm-no', 'the safe choice (keep the try) has the initial focus');
      assert.ok(!steps.includes('authenticating'), 'nothing was sent before the confirmation');
      await page.getByTestId('pin-confirm-yes').click();
      await page.getByRole('heading', { name: '証明書を選んでください' }).waitFor();
    });
  });

  test('「戻る」 while paying gives the money back and returns to the choice, as the citizen left it', async () => {
    const cash = kiosk.runtime.devices.sim.cash;
    assert.ok(cash, 'the cash unit is simulated');
    const cashBoxBefore = cash.model.cashBox;
    await withKioskPage(browser, kiosk, 'certificate-pay-back', async (page) => {
      await startAndInsert(page, 'card-001');
      await typePin(page, '1234');
      await page.getByTestId('pin-ok').click();
      await page.getByTestId('type-juminhyo').click();
      await page.getByTestId('choose-next').click();
      await page.getByTestId('pay-cash').click({ timeout: 20_000 });
      await page.getByTestId('sim-cash-100').click();
      await page.getByTestId('cash-inserted').filter({ hasText: '100円' }).waitFor();
      assert.match(await page.getByTestId('cert-pay-cash').innerText(), /入れたお金は返却されます/);
      await page.getByTestId('pay-back').click();
      // The details of the 住民票 open again (certificate-back-keeps-options.test.ts checks each option).
      await page.getByTestId('cert-choose-details').waitFor();
      await checkScreen(page, 'choose after 戻る');
    });
    assert.equal(cash.model.escrowTotal, 0, 'nothing left in escrow');
    assert.equal(cash.model.cashBox, cashBoxBefore, 'nothing kept');
  });

  test('a blocked card ends on the failure screen with the message, take the card, and a way home', async () => {
    await withKioskPage(browser, kiosk, 'certificate-blocked', async (page) => {
      await page.getByTestId('journey-certificate').click();
      await page.getByTestId('sim-insert-card-blocked').click();
      await page.getByTestId('cert-failed').waitFor();
      assert.match(await page.getByTestId('cert-failed-message').innerText(), /マイナンバーカードの暗証番号（数字4けた）がロックされています/);
      await page.getByTestId('cert-failed-take-card').waitFor();
      await checkScreen(page, 'failed (blocked PIN)');
      // The card taken first: the message stays (see endings.test.ts), and home is one touch.
      await page.getByTestId('sim-remove-card').click();
      await page.getByTestId('cert-failed-take-card').waitFor({ state: 'detached' });
      await page.getByTestId('cert-home').click();
      await page.getByTestId('journey-certificate').waitFor();
      assert.deepEqual(kiosk.runtime.session.state(), { phase: 'idle', endedReason: 'cancel' });
    });
  });

  test('in English and with larger text the screens read in English and stay touch-friendly', async () => {
    await withKioskPage(browser, kiosk, 'certificate-en', async (page) => {
      await page.getByTestId('language').click();
      await page.getByTestId('language-en').click();
      await page.getByTestId('text-size').click();
      await page.getByTestId('journey-certificate').click();
      await page.getByRole('heading', { name: 'Please insert your My Number Card' }).waitFor();
      await page.getByTestId('sim-insert-card-004').click();
      await page.getByRole('heading', { name: 'Enter your My Number Card PIN (4 digits)' }).waitFor();
      assert.match(await page.getByTestId('cert-pin-tries').innerText(), /Wrong tries left before this card's PIN locks: 3\./);
      assert.equal(await page.getByTestId('cert-pin-technical').innerText(), 'User certificate PIN (利用者証明用電子証明書)');
      await checkScreen(page, 'PIN (en, large text)');
      await page.getByTestId('sim-remove-card').click();
      await page.getByText('The card was removed. Please insert it again.').waitFor();
      await checkScreen(page, 'insert card again (en, large text)');
    });
  });
});

describe('shuffled PIN keypad', () => {
  let shuffled: KioskHarness;
  before(async () => {
    shuffled = await startKiosk({ shufflePinPad: true });
  });
  after(async () => {
    await shuffled?.stop();
  });

  test('the digits are in a random order, and the PIN still works', async () => {
    await withKioskPage(browser, shuffled, 'certificate-shuffled', async (page) => {
      await page.getByTestId('journey-certificate').click();
      await page.getByTestId('sim-insert-card-001').click();
      await page.getByTestId('cert-pin').waitFor();
      const order = await page.locator('[data-testid^="pin-key-"]').evaluateAll((keys) => keys.map((k) => k.textContent ?? ''));
      assert.deepEqual([...order].sort(), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
      // One chance in 3,628,800 that a fair shuffle gives the usual order.
      assert.notDeepEqual(order, ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']);
      await checkScreen(page, 'PIN (shuffled)');
      await typePin(page, '1234');
      await page.getByTestId('pin-ok').click();
      await page.getByRole('heading', { name: '証明書を選んでください' }).waitFor();
    });
    await endCitizenSession(shuffled);
  });
});

describe('certificate strings', () => {
  const load = (lang: string) =>
    JSON.parse(readFileSync(join(__dirname, '..', '..', 'renderer', 'i18n', 'locales', lang, 'certificate.json'), 'utf8')) as Record<string, unknown>;
  const lookup = (tree: Record<string, unknown>, path: string): unknown =>
    path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);

  test('every message key the main side can send has Japanese and English text', () => {
    const printer = JSON.parse(readFileSync(join(__dirname, '..', '..', 'devices', 'printer', 'messages.json'), 'utf8')) as {
      ja: { printer: Record<string, string> };
    };
    const keys = [
      'cardRemoved',
      ...[
        'wrongPin',
        'confirmLastTry',
        'pinBlocked',
        'notMyNumberCard',
        'noCertificate',
        'cardUnreadable',
        'certExpired',
        'certRevoked',
        'revocationUnavailable',
      ]
        .concat(['certInvalid', 'backendDown', 'goToCounter', 'notOffered', 'declined', 'paymentFailed', 'printFailed'])
        .map((k) => `error.${k}`),
      ...refusalReasons.map((r) => `refusal.${r}`),
      ...Object.keys(printer.ja.printer).map((k) => `printer.${k}`),
    ];
    for (const lang of ['ja', 'en']) {
      const tree = load(lang);
      const missing = keys.filter((k) => typeof lookup(tree, k) !== 'string' || lookup(tree, k) === '');
      assert.deepEqual(missing, [], `${lang}: missing strings`);
    }
  });
});
