/**
 * Launches the system Chromium through playwright-core for end-to-end tests.
 * Never downloads a browser: the project uses Debian's /usr/bin/chromium.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, QUIET_CHROMIUM_FLAGS } from '../../main/browser-shell/launch-chromium';

export async function launchTestBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...QUIET_CHROMIUM_FLAGS, '--no-sandbox', '--disable-gpu'],
  });
}
