/**
 * End to end through the browser shell in the system Chromium: 「音声」 plays the screen's prompt,
 * a WAV main synthesised with espeak-ng and served from the page's own origin (the strict CSP lets
 * media come from 'self' only); in Filipino, which espeak-ng has no voice for, the kiosk says so
 * and plays English instead.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page, Response } from 'playwright-core';
import { assertAccessible, withKioskPage } from '../support/e2e-page';
import { endCitizenSession, type KioskHarness } from '../support/kiosk-harness';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';

let browser: Browser;
let kiosk: KioskHarness;

before(async () => ({ kiosk, browser } = await openKioskAndBrowser()));
// Each test starts on an idle kiosk: a session a test left open ends now, not as the next page opens.
afterEach(() => endCitizenSession(kiosk));
after(() => closeKioskAndBrowser(kiosk, browser));

const isVoiceWav = (response: Response) => new URL(response.url()).pathname.startsWith('/voice/');

/** The WAV the audio element loaded after `press`, checked as main's answer. */
async function audioAfter(page: Page, press: () => Promise<void>): Promise<string> {
  const [response] = await Promise.all([page.waitForResponse(isVoiceWav, { timeout: 15_000 }), press()]);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'audio/wav');
  const body = await response.body();
  assert.equal(body.toString('ascii', 0, 4), 'RIFF');
  assert.equal(body.toString('ascii', 8, 12), 'WAVE');
  const url = new URL(response.url());
  assert.equal(url.origin, kiosk.server.origin);
  const src = await page.getByTestId('voice-audio').evaluate((audio: HTMLAudioElement) => audio.src);
  assert.equal(src, url.href, 'the audio element plays the WAV main served');
  return url.pathname;
}

describe('voice guidance', () => {
  test('「音声」 on the first screen plays its prompt as a WAV from main; the same press again is the same cached WAV', async () => {
    await withKioskPage(browser, kiosk, 'voice-home', async (page) => {
      await page.getByTestId('journey-certificate').waitFor();
      const play = page.getByTestId('voice-play');
      assert.match(await play.innerText(), /音声/);
      const first = await audioAfter(page, () => play.click());
      assert.match(first, /^\/voice\/[0-9a-f]{64}\.wav$/);
      assert.equal(await audioAfter(page, () => play.click()), first);
      // Another screen, another prompt.
      await page.getByTestId('journey-certificate').click();
      assert.notEqual(await audioAfter(page, () => play.click()), first);
    });
  });

  test('in Filipino the kiosk says it has no voice and offers English speech', async () => {
    await withKioskPage(browser, kiosk, 'voice-filipino', async (page) => {
      await page.getByTestId('language').click();
      await page.getByTestId('language-fil').click();
      await page.getByTestId('voice-play').click();
      const notice = page.getByTestId('voice-notice-no-voice');
      await notice.waitFor();
      assert.match(await notice.innerText(), /Walang boses sa Filipino/);
      await assertAccessible(page, 'voice notice (fil)');
      await audioAfter(page, () => page.getByTestId('voice-english').click());
      await notice.waitFor({ state: 'detached' });
    });
  });

  test('the citizen slows the speech; the wipe puts it back to normal for the next citizen', async () => {
    await withKioskPage(browser, kiosk, 'voice-settings', async (page) => {
      await page.getByTestId('journey-certificate').click();
      const normal = await audioAfter(page, () => page.getByTestId('voice-play').click());
      await page.getByTestId('voice-settings').click();
      await page.getByTestId('voice-rate-slow').click();
      await page.locator('[data-testid="voice-rate-slow"][aria-pressed="true"]').waitFor();
      await assertAccessible(page, 'voice settings');
      await page.getByTestId('voice-settings-close').click();
      const slow = await audioAfter(page, () => page.getByTestId('voice-play').click());
      assert.notEqual(slow, normal, 'another rate is another synthesis');
      await page.getByTestId('start-over').click();
      // The wipe has reached the page once the journey's controls are gone (the frame remounts with it).
      await page.getByTestId('start-over').waitFor({ state: 'detached' });
      await page.getByTestId('voice-settings').click();
      await page.locator('[data-testid="voice-rate-normal"][aria-pressed="true"]').waitFor();
    });
  });
});
