/**
 * The kiosk started twice on the same data folder sells a certificate both times: the embedded
 * back end keeps its serials under `dataDir` beside the journal, so the second start never issues
 * a serial the journal already holds (before, the second sale ended 「印刷できませんでした」 and refunded).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { TRANSACTION_STATES } from '../../main/journal/journal-states';
import { launchTestBrowser } from '../support/browser';
import { payOneJuminhyoOnScreen } from '../support/certificate-screens';
import { withKioskPage } from '../support/e2e-page';
import { startKiosk, type KioskHarness } from '../support/kiosk-harness';

const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-data-'));
let browser: Browser;
let kiosk: KioskHarness | undefined;

before(async () => {
  browser = await launchTestBrowser();
});
after(async () => {
  await browser?.close();
  await kiosk?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the kiosk on the shared folder, sells one certificate on screen, stops; returns its serial. */
async function startSellStop(run: string): Promise<string> {
  kiosk = await startKiosk({}, { dataDir });
  const started = kiosk;
  await withKioskPage(browser, started, `certificate-restart-${run}`, async (page) => {
    await payOneJuminhyoOnScreen(page);
    await page.getByTestId('sim-remove-card').click();
    await page.getByTestId('cert-take-certificate').waitFor({ timeout: 30_000 });
  });
  const sales = started.runtime.journal.list(TRANSACTION_STATES);
  const last = sales.at(-1);
  assert.ok(last?.serial, `${run}: a sale with a serial`);
  assert.ok(['printed', 'card_returned', 'done'].includes(last.state), `${run}: printed, not ${last.state}`);
  assert.equal(
    started.runtime.staffAlerts.list().some((a) => a.code === 'backend-serial-reused'),
    false,
  );
  kiosk = undefined;
  await started.stop();
  return last.serial;
}

describe('two starts on one data folder', () => {
  test('a certificate is sold after each start, under two serials', async () => {
    const first = await startSellStop('first');
    const second = await startSellStop('second');
    assert.notEqual(second, first);
  });
});
