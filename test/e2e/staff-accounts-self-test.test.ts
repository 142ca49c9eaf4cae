/**
 * End to end in the system Chromium: a kiosk with a staff account (added with the administrator's
 * CLI) asks for the staff id before the passcode, shows who is signed in, and runs the self-test
 * from its tab: every step listed with what it found, the summary saying everything works.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { mergeConfig } from '../../main/config/load-config';
import { runStaffAccountsCli } from '../../main/staff/staff-accounts-cli';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';
import { assertAccessible, withKioskPage } from '../support/e2e-page';
import { TEST_BASE } from '../support/journey-driver';
import type { KioskHarness } from '../support/kiosk-harness';

let browser: Browser;
let kiosk: KioskHarness;
const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-e2e-accounts-'));

before(async () => {
  const configFile = join(dataDir, 'kiosk.json');
  writeFileSync(configFile, JSON.stringify(mergeConfig(TEST_BASE, { dataDir })));
  const added = await runStaffAccountsCli(['add', '0042', '--config', configFile], {
    readPasscode: async () => '13572468',
    out: () => undefined,
    err: () => undefined,
  });
  assert.equal(added, 0);
  ({ kiosk, browser } = await openKioskAndBrowser({}, { dataDir }));
});
after(async () => {
  await closeKioskAndBrowser(kiosk, browser);
  rmSync(dataDir, { recursive: true, force: true });
});

async function press(page: Page, digits: string): Promise<void> {
  for (const d of digits) await page.getByTestId(`staff-key-${d}`).click();
  await page.getByTestId('staff-login-submit').click();
}

describe('staff account and self-test in the console', () => {
  test('staff id, then passcode; who is signed in; the self-test tab runs every step', async () => {
    await withKioskPage(browser, kiosk, 'staff-self-test', async (page) => {
      await page.getByRole('heading', { name: 'ご用件をお選びください' }).waitFor();
      const corner = page.getByRole('button', { name: '係員メニュー' });
      const box = (await corner.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.waitForTimeout(3300);
      await page.mouse.up();
      await page.getByTestId('staff-login').waitFor();
      await page.getByText('職員番号（4〜8桁）を入力して［次へ］を押してください').waitFor();
      await press(page, '0042');
      await page.getByText('職員番号 0042 の暗証番号（8〜12桁）を入力してください').waitFor();
      await press(page, '13572468');
      await page.getByTestId('staff-overview').waitFor();
      assert.equal(await page.getByTestId('staff-signed-in').textContent(), '職員番号 0042 で利用中');

      await page.getByTestId('staff-view-selfTest').click();
      await page.getByTestId('staff-self-test-run').click();
      await page.getByTestId('staff-self-test-summary').getByText('すべて正常です').waitFor({ timeout: 60_000 });
      assert.match((await page.getByTestId('staff-self-test-printer').textContent()) ?? '', /テストページを印刷しました。/);
      assert.match((await page.getByTestId('staff-self-test-cash').textContent()) ?? '', /10円を払い出し、回収しました。/);
      assert.match((await page.getByTestId('staff-self-test-queue').textContent()) ?? '', /対象外/);
      await assertAccessible(page, 'self-test view');
    });
  });
});
