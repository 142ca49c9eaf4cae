/**
 * The certificate journey end to end with the card read through the REAL stack: the browser
 * shell, pcsclite → pcscd → vsmartcard vpcd → the virtual My Number Card over loopback TCP,
 * with the HID cash simulator, the IPP printer simulator and the embedded reference back end
 * (as in the default demo config). Only the card binding differs from certificate-ui.test.ts:
 * `devices.card: 'real'`, so the simulator panel has no card controls and the card is
 * "inserted" by attaching it to vpcd and "taken" by detaching it.
 *
 * The reader is "Virtual PCD 00 01" (vpcd port 35964), allow-listed explicitly because `real`
 * mode refuses virtual readers by default; the first slot is left to `npm run sim:card`.
 * ensurePcscd() holds the cross-process pcscd lock until this process exits, so no other
 * pcscd-using test file restarts the daemon under this one.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { waitForCard } from '../../devices/card/wait-for-reader';
import { loadCardFixture, VirtualMyNumberCard } from '../../devices/card/sim/virtual-card';
import { attachToVpcd, type VpcdAttachment } from '../../devices/card/sim/vpcd';
import { fixturesDir } from '../../main/config/project-paths';
import { launchTestBrowser } from '../support/browser';
import { assertAccessible, assertTouchFriendly, withKioskPage } from '../support/e2e-page';
import { startKiosk, type KioskHarness } from '../support/kiosk-harness';
import { ensurePcscd, stopPcscd, VPCD_READERS } from '../support/pcscd';
import { pdfText } from '../support/pdf-text';

const PORT = 35964;
const READER = VPCD_READERS[PORT];

let browser: Browser;
let kiosk: KioskHarness;
let attachment: VpcdAttachment | undefined;

before(async () => {
  await ensurePcscd();
  kiosk = await startKiosk({ devices: { card: 'real' }, hardware: { cardReaderAllow: [`^${READER}$`] } }, { runtime: { takeCertificateMs: 500 } });
  browser = await launchTestBrowser();
});

after(async () => {
  await attachment?.detach();
  await browser?.close();
  // End the session first: its "take your certificate" timer must not outlive the runtime.
  await kiosk?.runtime.session.end('cancel');
  await kiosk?.stop();
  // A pcscd this process started is a child that would keep the process alive (one started by
  // someone else is left running).
  await stopPcscd();
});

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('card-001 read through pcscd + vpcd gets a 住民票の写し paid in cash, and the printed PDF names the resident', { timeout: 120_000 }, async () => {
  const printer = kiosk.runtime.devices.sim.printer;
  assert.ok(printer, 'the printer is simulated');
  assert.equal(kiosk.runtime.devices.sim.card, null, 'the card reader is the real PC/SC binding');
  const printedBefore = printer.printed.length;
  await withKioskPage(browser, kiosk, 'certificate-pcscd', async (page) => {
    await page.getByTestId('journey-certificate').click();
    await page.getByRole('heading', { name: 'マイナンバーカードを差し込んでください' }).waitFor();
    // The panel may still offer the simulated printer's faults; it never offers a card to insert.
    assert.equal(await page.locator('[data-testid^="sim-insert-"]').count(), 0, 'no simulator card controls with a real reader');

    attachment = await attachToVpcd(new VirtualMyNumberCard(loadCardFixture('card-001', fixturesDir())), { port: PORT });
    await waitForCard(kiosk.runtime.devices.cardManager, 5000, READER);
    await page.getByRole('heading', { name: 'マイナンバーカードの暗証番号（数字4けた）を入力してください' }).waitFor({ timeout: 20_000 });
    assert.match(await page.getByTestId('cert-pin-tries').innerText(), /あと3回まちがえると、このカードの暗証番号はロックされます/);
    for (const d of '1234') await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-ok').click();

    // The signature over the back end's nonce is made by the card through pcscd (about 50 ms an APDU).
    await page.getByRole('heading', { name: '証明書を選んでください' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('type-juminhyo').click();
    await page.getByTestId('choose-next').click();
    await page.getByTestId('pay-cash').click({ timeout: 20_000 });
    await page.getByRole('heading', { name: 'お金を入れてください' }).waitFor();
    await page.getByTestId('sim-cash-500').click();

    await page.getByRole('heading', { name: 'カードをお取りください' }).waitFor();
    assert.equal(await page.getByTestId('cert-change').innerText(), 'おつり 200円');
    await assertTouchFriendly(page);
    await assertAccessible(page, 'take card (pcscd)');
    assert.equal(printer.printed.length, printedBefore, 'nothing prints while the card is still in the reader');

    // The citizen takes the card: the virtual card leaves the vpcd reader.
    const taken = attachment;
    attachment = undefined;
    await taken.detach();
    await waitUntil(
      () => !kiosk.runtime.devices.cardManager.listReaders().some((r) => r.name === READER && r.cardPresent),
      5000,
      'pcscd to report the card removed',
    );
    await page.getByRole('heading', { name: '証明書をお取りください' }).waitFor({ timeout: 30_000 });
    // The session ends by itself once the certificate is taken.
    await page.getByTestId('journey-certificate').waitFor();
  });

  assert.equal(printer.printed.length, printedBefore + 1);
  const text = pdfText(printer.printed.at(-1)!.pdf);
  assert.match(text, /住民票/);
  assert.match(text, /髙橋/, 'the MJ name read from the back end is printed');
  assert.doesNotMatch(text, /382719460526/, 'never the 個人番号');
});

test('the card pulled out of the vpcd reader during the PIN: back to "insert the card", and no try used', { timeout: 60_000 }, async () => {
  const card = new VirtualMyNumberCard(loadCardFixture('card-007', fixturesDir()));
  await withKioskPage(browser, kiosk, 'certificate-pcscd-card-pulled', async (page) => {
    await page.getByTestId('journey-certificate').click();
    await page.getByRole('heading', { name: 'マイナンバーカードを差し込んでください' }).waitFor();
    attachment = await attachToVpcd(card, { port: PORT });
    await page.getByTestId('cert-pin').waitFor({ timeout: 20_000 });
    for (const d of '77') await page.getByTestId(`pin-key-${d}`).click();

    const pulled = attachment;
    attachment = undefined;
    await pulled.detach();
    await page.getByTestId('cert-insert-message').filter({ hasText: 'カードが抜かれました。もう一度差し込んでください。' }).waitFor({ timeout: 10_000 });
    await assertAccessible(page, 'insert card again (pcscd)');

    // The same card (its tries live in the card object) goes back in: still three tries.
    attachment = await attachToVpcd(card, { port: PORT });
    await page.getByTestId('cert-pin').waitFor({ timeout: 20_000 });
    assert.match(await page.getByTestId('cert-pin-tries').innerText(), /あと3回まちがえると、このカードの暗証番号はロックされます/);
    assert.equal(await page.locator('.pin__dot--filled').count(), 0, 'the digits typed before are gone');
  });
  await kiosk.runtime.session.end('cancel');
  const out = attachment;
  attachment = undefined;
  await out?.detach();
});
