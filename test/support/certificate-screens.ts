/** Drives the certificate screens in the browser the way a citizen does (with the simulator panel). */
import type { Page } from 'playwright-core';

/** From the first screen: the certificate journey, the card inserted, its PIN, up to 「証明書を選んでください」. */
export async function logInOnScreen(page: Page, cardId: string, pin: string): Promise<void> {
  await page.getByTestId('journey-certificate').click();
  await page.getByTestId(`sim-insert-${cardId}`).click();
  await page.getByTestId('cert-pin').waitFor();
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
  await page.getByTestId('cert-choose').waitFor({ timeout: 20_000 });
}

/**
 * card-001 (PIN 1234) chooses one 住民票の写し, pays 300 yen with a 500-yen coin, and the page waits
 * at 「カードをお取りください」.
 */
export async function payOneJuminhyoOnScreen(page: Page): Promise<void> {
  await signInOnScreen(page);
  await page.getByTestId('type-juminhyo').click();
  await page.getByTestId('choose-next').click();
  await page.getByTestId('pay-cash').click({ timeout: 20_000 });
  await page.getByTestId('sim-cash-500').click();
  await page.getByTestId('cert-take-card').waitFor({ timeout: 20_000 });
}

/** From the home screen, card-001 (PIN 1234) signs in: the page waits at 「証明書を選んでください」. */
export function signInOnScreen(page: Page): Promise<void> {
  return logInOnScreen(page, 'card-001', '1234');
}
