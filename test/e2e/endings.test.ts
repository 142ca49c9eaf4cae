/**
 * Every ending explains (issue 16), end to end through the browser shell: the card pulled on the
 * choose screen, a blocked card (kept until acknowledged, not gone when the card is taken), a
 * journey cancelled after payment (take the card first, the money back), the certificate printed
 * (with the countdown to the first screen), and 最初に戻る with the card still in (THIS citizen is
 * told to take it). And every new step starts at its top with focus on its heading.
 *
 * The endings and the take-certificate screen are given a minute, so every message can be read
 * by the test without racing the countdown; how the countdown runs on the kiosk clock is in
 * test/unit/foundation/session-manager.test.ts. One kiosk serves the whole file.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { logInOnScreen, payOneJuminhyoOnScreen } from '../support/certificate-screens';
import { checkScreen, scrollPositions, scrollStepToEnd, withKioskPage } from '../support/e2e-page';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';
import { endCitizenSession, type KioskHarness } from '../support/kiosk-harness';

const MINUTE_MS = 60_000;
let kiosk: KioskHarness | undefined;
let browser: Browser | undefined;
before(
  async () =>
    ({ kiosk, browser } = await openKioskAndBrowser({}, { runtime: { takeCertificateMs: MINUTE_MS, endingMs: { read: MINUTE_MS, takeCard: MINUTE_MS } } })),
);
after(() => closeKioskAndBrowser(kiosk, browser));

function card() {
  const sim = kiosk!.runtime.devices.sim.card;
  assert.ok(sim, 'the card reader is simulated');
  return sim;
}

/** The seconds the countdown shows now; it must read as the kiosk going home by itself. */
async function countdownSeconds(page: Page): Promise<number> {
  const text = await page.getByTestId('home-countdown').innerText();
  const match = /^(\d+)秒後に最初の画面に戻ります$/.exec(text);
  assert.ok(match, `a countdown to the first screen: ${text}`);
  return Number(match[1]);
}

/** `first` comes before `second` in the page (what is read first). */
async function readBefore(page: Page, first: string, second: string): Promise<boolean> {
  return page.evaluate(
    ([a, b]) => {
      const x = document.querySelector(`[data-testid="${a}"]`);
      const y = document.querySelector(`[data-testid="${b}"]`);
      return Boolean(x && y && x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING);
    },
    [first, second],
  );
}

describe('every ending explains', () => {
  afterEach(() => endCitizenSession(kiosk!));

  test('the card pulled on the choose screen: the first screen says why, with a countdown, until it is closed', async () => {
    await withKioskPage(browser!, kiosk!, 'ending-card-pulled', async (page) => {
      await logInOnScreen(page, 'card-001', '1234');
      await page.getByTestId('sim-remove-card').click();
      await page.getByRole('heading', { name: 'カードが抜かれたため、手続きを終了しました' }).waitFor();
      assert.equal(await page.getByTestId('ending-message').innerText(), '入力した内容は消去しました。続けるときは、はじめからやり直してください。');
      const seconds = await countdownSeconds(page);
      assert.ok(seconds >= 1 && seconds <= 60, `${seconds} s left of a minute`);
      assert.equal(await page.getByTestId('ending-take-card').count(), 0, 'the card is already out');
      const state = kiosk!.runtime.session.state();
      assert.equal(state.phase === 'idle' && state.ending?.reason, 'card-removed');
      await checkScreen(page, 'ending (card pulled)');
      await page.getByTestId('ending-close').click();
      await page.getByRole('heading', { name: 'ご用件をお選びください' }).waitFor();
    });
  });

  test('a blocked card: the message stays when the card is taken, until 最初の画面に戻る', async () => {
    await withKioskPage(browser!, kiosk!, 'ending-blocked', async (page) => {
      await page.getByTestId('journey-certificate').click();
      await page.getByTestId('sim-insert-card-blocked').click();
      await page.getByTestId('cert-failed').waitFor();
      const message = 'マイナンバーカードの暗証番号（数字4けた）がロックされています。市役所の窓口で解除できます。';
      assert.equal(await page.getByTestId('cert-failed-message').innerText(), message);
      await page.getByTestId('cert-failed-take-card').waitFor();
      await page.getByTestId('sim-remove-card').click();
      await page.getByTestId('cert-failed-take-card').waitFor({ state: 'detached' });
      assert.equal(await page.getByTestId('cert-failed-message').innerText(), message, 'the message is still there');
      assert.equal(kiosk!.runtime.session.state().phase, 'active', 'taking the card did not end the session');
      await checkScreen(page, 'failed (blocked, card taken)');
      await page.getByTestId('cert-home').click();
      await page.getByRole('heading', { name: 'ご用件をお選びください' }).waitFor();
      assert.deepEqual(kiosk!.runtime.session.state(), { phase: 'idle', endedReason: 'cancel' }, 'acknowledged, with the card out: nothing more to say');
    });
  });

  test('cancelled after payment: take the card first, the money is back, and it stays until acknowledged', async () => {
    await withKioskPage(browser!, kiosk!, 'ending-cancelled-paid', async (page) => {
      await payOneJuminhyoOnScreen(page);
      await page.getByTestId('start-over').click();
      await page.getByTestId('cancel-paid-yes').click();
      await page.getByRole('heading', { name: '手続きを中止しました' }).waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('cert-failed-message').innerText(), '手続きを中止しました。お支払いいただいたお金をお返ししました。');
      assert.equal(await page.getByTestId('cert-failed-take-card').innerText(), 'カードをお取りください');
      assert.equal(await page.getByTestId('cert-refunded').innerText(), '返却したお金 300円');
      assert.ok(await readBefore(page, 'cert-failed-take-card', 'cert-refunded'), 'the card is asked for before the money');
      await checkScreen(page, 'cancelled after payment');
      card().removeCard();
      await page.getByTestId('cert-failed-take-card').waitFor({ state: 'detached' });
      assert.equal(await page.getByTestId('cert-refunded').innerText(), '返却したお金 300円', 'the refund is still on screen');
      await page.getByTestId('cert-home').click();
      await page.getByRole('heading', { name: 'ご用件をお選びください' }).waitFor();
    });
  });

  test('the certificate printed: take it, with the countdown to the first screen from the kiosk', async () => {
    await withKioskPage(browser!, kiosk!, 'ending-printed', async (page) => {
      await payOneJuminhyoOnScreen(page);
      await page.getByTestId('sim-remove-card').click();
      await page.getByTestId('cert-take-certificate').waitFor({ timeout: 30_000 });
      const seconds = await countdownSeconds(page);
      assert.ok(seconds >= 1 && seconds <= 60, `${seconds} s left of a minute`);
      const view = kiosk!.runtime.journey.current();
      assert.ok(view.step === 'take-certificate' && view.remainingMs > 0 && view.remainingMs <= MINUTE_MS, 'main counts it down');
      await checkScreen(page, 'take certificate (countdown)');
    });
  });

  test('最初に戻る with the card still in: THIS citizen is asked to take it; once taken, the first screen', async () => {
    await withKioskPage(browser!, kiosk!, 'ending-take-card', async (page) => {
      await page.getByTestId('journey-certificate').click();
      await page.getByTestId('sim-insert-card-001').click();
      await page.getByTestId('cert-pin').waitFor();
      await page.getByTestId('start-over').click();
      await page.getByRole('heading', { name: '手続きを終了しました' }).waitFor();
      assert.equal(await page.getByTestId('ending-take-card').innerText(), 'カードが差し込まれたままです。カードをお取りください');
      await countdownSeconds(page);
      assert.equal(await page.getByTestId('ending-close').count(), 0, 'no way past it while the card is in');
      await checkScreen(page, 'ending (take your card)');
      card().removeCard();
      await page.getByRole('heading', { name: 'ご用件をお選びください' }).waitFor();
      assert.deepEqual(kiosk!.runtime.session.state(), { phase: 'idle', endedReason: 'cancel' });
    });
  });
});

describe('each step starts at its top', () => {
  afterEach(() => endCitizenSession(kiosk!));

  test('the event screen opens at its top with focus on its heading, though the guide was scrolled', async () => {
    // A short window and larger text: the guide is longer than the screen.
    await withKioskPage(
      browser!,
      kiosk!,
      'step-starts-at-top',
      async (page) => {
        await page.getByTestId('text-size').click();
        await page.getByTestId('journey-application').click();
        await page.getByTestId('app-guide').waitFor();
        const tile = page.getByTestId('guide-event-move-within-city');
        assert.ok((await scrollStepToEnd(page)) > 0, 'the guide was scrolled down');
        await tile.click();
        await page.getByTestId('app-event').waitFor();
        assert.deepEqual(await scrollPositions(page), { step: 0, page: 0 }, 'the event screen starts at its top');
        const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent }));
        const heading = await page.getByTestId('app-event').locator('h1').innerText();
        assert.deepEqual(focused, { tag: 'H1', text: heading }, 'focus is on the new heading');
      },
      { width: 1280, height: 720 },
    );
  });
});
