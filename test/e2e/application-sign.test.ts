/**
 * The optional electronic signature by touch, through the browser shell: card-001 identified,
 * the review's 「次へ」, 「電子署名をして送信する」, a wrong 署名用パスワード on the 英数 board
 * (masked, tries left shown), then the right one typed in lower case; the done screen says
 * 電子署名済み and the ward back end stored the submission as e-signed. axe and the touch-size
 * check run on the new screens.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { reachMoveWithinCityReview } from '../support/application-driver';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';
import { checkScreen, withKioskPage } from '../support/e2e-page';
import { endCitizenSession, type KioskHarness } from '../support/kiosk-harness';

let browser: Browser;
let kiosk: KioskHarness;

before(async () => ({ kiosk, browser } = await openKioskAndBrowser({}, { backendFaults: true })));
after(() => closeKioskAndBrowser(kiosk, browser));

async function typePassword(page: Page, text: string): Promise<void> {
  // The 英数 board shows upper case; its case key switches to lower case.
  for (const c of text) {
    const lower = c !== c.toUpperCase();
    const showsLower = (await page.getByTestId('sign-kbd-key-a').count()) > 0;
    if (/[a-z]/i.test(c) && lower !== showsLower) await page.getByTestId('sign-kbd-case').click();
    await page.getByTestId(`sign-kbd-key-${c}`).click();
  }
}

describe('applications: electronic signature by touch', () => {
  after(() => endCitizenSession(kiosk));

  test('card-001: review → sign → wrong password (one try used) → right password → 電子署名済み, stored e-signed', async () => {
    // Guide, card and interview are covered by application-ui.test.ts: reach the review directly.
    await reachMoveWithinCityReview(kiosk.runtime);
    await withKioskPage(browser, kiosk, 'application-sign', async (page) => {
      await page.getByTestId('app-review').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('review-submit').innerText(), '次へ');
      await page.getByTestId('review-submit').click();

      await page.getByTestId('app-sign-choice').waitFor();
      assert.match(await page.getByTestId('app-sign-choice').innerText(), /窓口で署名/);
      await checkScreen(page, 'sign choice');
      await page.getByTestId('sign-with').click();

      await page.getByTestId('app-sign-password').waitFor({ timeout: 20_000 });
      assert.equal(
        await page.getByTestId('sign-password-tries').innerText(),
        'あと5回まちがえると、署名用パスワードはロックされます。市役所の窓口で解除できます',
      );
      assert.equal(await page.getByTestId('sign-kbd-mode-alnum').count(), 0, 'only the 英数 board: no tabs');
      await typePassword(page, 'WRONG1');
      assert.equal(await page.getByTestId('sign-kbd-value').innerText(), '●●●●●●', 'the password is never shown');
      await checkScreen(page, 'sign password');
      await page.getByTestId('sign-password-ok').click();
      await page.getByTestId('sign-password-error').waitFor({ timeout: 20_000 });
      assert.equal(
        await page.getByTestId('sign-password-tries').innerText(),
        'あと4回まちがえると、署名用パスワードはロックされます。市役所の窓口で解除できます',
      );
      assert.equal(await page.getByTestId('sign-kbd-value').innerText(), '', 'the typed password was cleared');
      assert.equal((await kiosk.runtime.devices.card.getSignPasswordStatus()).triesLeft, 4);

      assert.equal(await page.getByTestId('sign-password-ok').isDisabled(), true, 'too short to send');
      await typePassword(page, 'abc123');
      assert.equal(await page.getByTestId('sign-kbd-value').innerText(), '●●●●●●');
      await page.getByTestId('sign-password-ok').click();

      await page.getByTestId('app-done').waitFor({ timeout: 60_000 });
      assert.match(await page.getByTestId('done-e-signed').innerText(), /電子署名済み/);
      await checkScreen(page, 'done e-signed');
    });
    let row: { eSigned: number } | undefined;
    for (let i = 0; i < 250 && !row; i++) {
      row = kiosk.backend!.db.prepare('SELECT e_signed AS eSigned FROM submissions ORDER BY received_at DESC LIMIT 1').get() as { eSigned: number } | undefined;
      if (!row) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(row?.eSigned, 1, 'the back end verified and stored the signature');
  });
});
