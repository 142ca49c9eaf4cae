/**
 * One kiosk and one test browser for an e2e file: started in its `before`, closed in its `after`.
 *
 *   before(async () => ({ kiosk, browser } = await openKioskAndBrowser()));
 *   after(() => closeKioskAndBrowser(kiosk, browser));
 */
import type { Browser } from 'playwright-core';
import { launchTestBrowser } from './browser';
import { startKiosk, type KioskHarness } from './kiosk-harness';

/** Starts the kiosk, then the browser; a browser that fails to launch does not leave the kiosk running. */
export async function openKioskAndBrowser(...args: Parameters<typeof startKiosk>): Promise<{ kiosk: KioskHarness; browser: Browser }> {
  const kiosk = await startKiosk(...args);
  try {
    return { kiosk, browser: await launchTestBrowser() };
  } catch (err) {
    await kiosk.stop();
    throw err;
  }
}

/** Closes the browser, then stops the kiosk; either may be missing when `before` failed. */
export async function closeKioskAndBrowser(kiosk: KioskHarness | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await kiosk?.stop();
}
