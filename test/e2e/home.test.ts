/**
 * End to end through the browser shell in the system Chromium: the home screen, language,
 * text size, the first screen of each journey, accessibility, and touch sizes in both orientations.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible, assertTouchFriendly, LANDSCAPE, PORTRAIT, withKioskPage } from '../support/e2e-page';
import type { KioskHarness } from '../support/kiosk-harness';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';

let browser: Browser;
let kiosk: KioskHarness;

before(async () => ({ kiosk, browser } = await openKioskAndBrowser()));
after(() => closeKioskAndBrowser(kiosk, browser));

describe('home screen', () => {
  for (const viewport of [LANDSCAPE, PORTRAIT]) {
    const label = viewport === LANDSCAPE ? 'landscape' : 'portrait';
    test(`renders in Japanese, large and accessible (${label})`, async () => {
      await withKioskPage(
        browser,
        kiosk,
        `home-${label}`,
        async (page) => {
          await page.getByRole('heading', { name: 'ご用件をお選びください' }).waitFor();
          assert.equal(await page.getAttribute('html', 'lang'), 'ja');
          assert.match(await page.getByTestId('journey-certificate').innerText(), /証明書をとる/);
          assert.match(await page.getByTestId('journey-application').innerText(), /申請書をつくる/);
          await assertTouchFriendly(page);
          await assertAccessible(page, `home (${label})`);
        },
        viewport,
      );
    });
  }

  test('the UI font is the bundled BIZ UDGothic, loaded from the kiosk itself', async () => {
    await withKioskPage(browser, kiosk, 'home-font', async (page) => {
      await page.getByTestId('journey-certificate').waitFor();
      const loaded = await page.evaluate(async () => {
        await document.fonts.ready;
        return document.fonts.check('28px "BIZ UDGothic"', '証明書');
      });
      assert.equal(loaded, true);
      const fontRequests = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((n) => /woff2?$/.test(n)),
      );
      assert.ok(fontRequests.length > 0, 'some font files were fetched');
      for (const url of fontRequests) assert.equal(new URL(url).origin, kiosk.server.origin);
    });
  });

  test('the language chooser lists every language in its own script; switches to English, Korean and back', async () => {
    await withKioskPage(browser, kiosk, 'language', async (page) => {
      await page.getByTestId('language').click();
      await page.getByTestId('language-chooser').waitFor();
      const names = await page.getByTestId('language-chooser').getByRole('listitem').allInnerTexts();
      assert.deepEqual(
        names.map((n) => n.trim()),
        [
          '日本語',
          'やさしい にほんご',
          'English',
          '简体中文',
          '繁體中文',
          '한국어',
          'Tiếng Việt',
          'नेपाली',
          'Filipino',
          'Bahasa Indonesia',
          'Português (Brasil)',
        ],
      );
      assert.equal(await page.getByTestId('language-ko').getAttribute('lang'), 'ko');
      await assertTouchFriendly(page);
      await assertAccessible(page, 'language chooser (ja)');
      await page.getByTestId('language-en').click();
      await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.match(await page.getByTestId('journey-certificate').innerText(), /Get a certificate/);
      await assertAccessible(page, 'home (en)');
      await page.getByTestId('language').click();
      await page.getByTestId('language-ko').click();
      await page.getByRole('heading', { name: '용건을 선택해 주십시오' }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'ko');
      // Hangul is drawn in the bundled Noto Sans KR, loaded from the kiosk (no network fonts).
      const hangul = await page.evaluate(async () => {
        await document.fonts.load('700 1em "Noto Sans KR"', '용건');
        const heading = document.querySelector('h1, h2');
        return { family: heading ? getComputedStyle(heading).fontFamily : '', loaded: document.fonts.check('700 1em "Noto Sans KR"', '용건') };
      });
      assert.match(hangul.family, /^"Noto Sans KR"/);
      assert.equal(hangul.loaded, true);
      await assertAccessible(page, 'home (ko)');
      await page.getByTestId('language').click();
      await page.getByTestId('language-ja').click();
      await page.getByRole('heading', { name: 'ご用件をお選びください' }).waitFor();
    });
    await kiosk.runtime.session.end('cancel');
  });

  test('the text-size toggle makes the text larger', async () => {
    await withKioskPage(browser, kiosk, 'text-size', async (page) => {
      const title = page.getByRole('heading', { name: 'ご用件をお選びください' });
      const before = await title.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      await page.getByTestId('text-size').click();
      await page.waitForFunction(() => document.documentElement.dataset.textSize === 'large');
      const after = await title.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      assert.ok(after > before * 1.2, `font grew from ${before} to ${after}`);
      assert.equal(await page.getByTestId('text-size').getAttribute('aria-pressed'), 'true');
      await assertTouchFriendly(page);
      await assertAccessible(page, 'home (large text)');
    });
    await kiosk.runtime.session.end('cancel');
  });

  test('the certificate journey opens on the insert-card screen; start over goes home', async () => {
    await withKioskPage(browser, kiosk, 'certificate-first-screen', async (page) => {
      await page.getByTestId('journey-certificate').click();
      await page.getByRole('heading', { name: 'マイナンバーカードを差し込んでください' }).waitFor();
      const state = kiosk.runtime.session.state();
      assert.equal(state.phase === 'active' && state.journey, 'certificate');
      await assertTouchFriendly(page);
      await assertAccessible(page, 'insert card');
      await page.getByTestId('start-over').click();
      await page.getByTestId('journey-certificate').waitFor();
      assert.deepEqual(kiosk.runtime.session.state(), { phase: 'idle', endedReason: 'cancel' });
    });
  });

  test('the application journey opens the life-event guide, and 最初に戻る ends it', async () => {
    await withKioskPage(browser, kiosk, 'application-first-screen', async (page) => {
      await page.getByTestId('journey-application').click();
      await page.getByRole('heading', { name: 'どんな手続きですか？' }).waitFor();
      const state = kiosk.runtime.session.state();
      assert.equal(state.phase === 'active' && state.journey, 'application');
      await assertTouchFriendly(page);
      await assertAccessible(page, 'guide (application)');
      await page.getByTestId('start-over').click();
      await page.getByTestId('journey-certificate').waitFor();
      assert.deepEqual(kiosk.runtime.session.state(), { phase: 'idle', endedReason: 'cancel' });
    });
  });
});
