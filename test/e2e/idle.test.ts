/**
 * The idle prompt and the wipe, end to end, with short timeouts from the configuration.
 * The prompt keeps its 20 seconds minimum, so the wipe test waits that long on purpose.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible, assertTouchFriendly, scrollPositions, scrollStepToEnd, withKioskPage } from '../support/e2e-page';
import { startKiosk, type KioskHarness } from '../support/kiosk-harness';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';

let browser: Browser;
let kiosk: KioskHarness;

before(async () => ({ kiosk, browser } = await openKioskAndBrowser({ idle: { timeoutSec: 1, promptSec: 20 } })));
after(() => closeKioskAndBrowser(kiosk, browser));

describe('idle prompt', () => {
  test('after the idle time the prompt asks; one touch extends the session', async () => {
    await withKioskPage(browser, kiosk, 'idle-extend', async (page) => {
      await page.getByTestId('journey-certificate').click();
      const prompt = page.getByTestId('idle-prompt');
      await prompt.waitFor({ timeout: 5000 });
      assert.match(await prompt.innerText(), /まだ使いますか？/);
      assert.match(await prompt.innerText(), /(19|20)秒後に最初の画面に戻ります/);
      await assertTouchFriendly(page);
      await assertAccessible(page, 'idle prompt');
      const before = kiosk.runtime.session.state();
      await page.getByTestId('idle-extend').click();
      await prompt.waitFor({ state: 'detached' });
      const after = kiosk.runtime.session.state();
      assert.equal(after.phase, 'active');
      assert.equal(after.phase === 'active' && after.sessionId, before.phase === 'prompt' && before.sessionId);
      await page.getByTestId('cert-insert-card').waitFor();
    });
    await kiosk.runtime.session.end('cancel');
  });

  test('with no answer the session is wiped: home screen, default language and text size', async () => {
    // A short window: the guide with larger text is longer than the screen, and is left scrolled.
    await withKioskPage(
      browser,
      kiosk,
      'idle-wipe',
      async (page) => {
        await page.getByTestId('language').click();
        await page.getByTestId('language-en').click();
        await page.getByTestId('text-size').click();
        await page.getByTestId('journey-application').click();
        await page.getByTestId('app-guide').waitFor();
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        const scrolled = await scrollStepToEnd(page);
        assert.ok(scrolled > 0, 'the guide was scrolled down');
        await page.getByTestId('idle-prompt').waitFor({ timeout: 5000 });
        assert.match(await page.getByTestId('idle-prompt').innerText(), /Need more time\?/);
        assert.deepEqual(await scrollPositions(page), { step: scrolled, page: 0 }, 'the prompt does not scroll the screen under it');
        // Touching outside the prompt's buttons does not count as an answer.
        await page.mouse.click(5, 700);
        // The kiosk going home says why, in the citizen's language and text size, with its countdown.
        await page.getByRole('heading', { name: 'Your session ended because time ran out' }).waitFor({ timeout: 25_000 });
        assert.equal(await page.getByTestId('idle-prompt').count(), 0);
        assert.equal(await page.getByTestId('ending-message').innerText(), 'What you entered has been erased. To continue, please start again.');
        assert.match(await page.getByTestId('home-countdown').innerText(), /^Returning to the start in \d+ seconds$/);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), 'large');
        assert.deepEqual(await scrollPositions(page), { step: 0, page: 0 }, 'the ending starts at its top');
        const state = kiosk.runtime.session.state();
        assert.equal(state.phase === 'idle' && state.endedReason, 'timeout');
        assert.equal(state.phase === 'idle' && state.ending?.reason, 'timeout');
        await page.getByTestId('ending-close').click();
        await page.getByRole('heading', { name: 'ご用件をお選びください' }).waitFor();
        assert.equal(await page.getAttribute('html', 'lang'), 'ja');
        assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), 'standard');
      },
      { width: 1280, height: 720 },
    );
  });

  test('"Finish" on the prompt ends the session at once', async () => {
    await withKioskPage(browser, kiosk, 'idle-finish', async (page) => {
      await page.getByTestId('journey-certificate').click();
      await page.getByTestId('idle-finish').click({ timeout: 5000 });
      await page.getByRole('heading', { name: 'ご用件をお選びください' }).waitFor();
      assert.deepEqual(kiosk.runtime.session.state(), { phase: 'idle', endedReason: 'cancel' });
    });
  });
});

describe('touches keep the session alive', () => {
  test('touching the screen reports activity, so the prompt waits; it comes once the touching stops', async () => {
    // Its own kiosk: a 3 s idle time leaves room for the renderer's 1 s report throttle.
    const patient = await startKiosk({ idle: { timeoutSec: 3, promptSec: 20 } });
    try {
      await withKioskPage(browser, patient, 'idle-activity', async (page) => {
        await page.getByTestId('journey-certificate').click();
        await page.getByTestId('cert-insert-card').waitFor();
        const started = patient.runtime.session.state();
        assert.equal(started.phase, 'active');
        // Six seconds of touches, twice the idle time: without activity reports the prompt would show.
        for (let i = 0; i < 10; i++) {
          await page.mouse.click(960, 300);
          await page.waitForTimeout(600);
        }
        assert.equal(await page.getByTestId('idle-prompt').count(), 0);
        const still = patient.runtime.session.state();
        assert.equal(still.phase, 'active');
        assert.equal(still.phase === 'active' && still.sessionId, started.phase === 'active' && started.sessionId);
        await page.getByTestId('idle-prompt').waitFor({ timeout: 6000 });
      });
      await patient.runtime.session.end('cancel');
    } finally {
      await patient.stop();
    }
  });
});
