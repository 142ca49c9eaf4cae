/**
 * Opens the kiosk in Chromium for one end-to-end test, and on failure saves a screenshot
 * under test-results/ before re-throwing.
 */
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { KioskHarness } from './kiosk-harness';

export const RESULTS_DIR = join(__dirname, '..', '..', 'test-results');

export type Viewport = { width: number; height: number };
export const LANDSCAPE: Viewport = { width: 1920, height: 1080 };
export const PORTRAIT: Viewport = { width: 1080, height: 1920 };

export async function withKioskPage(
  browser: Browser,
  kiosk: KioskHarness,
  name: string,
  body: (page: Page) => Promise<void>,
  viewport: Viewport = LANDSCAPE,
): Promise<void> {
  const context = await browser.newContext({ viewport, hasTouch: true });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  try {
    // A fresh single-use start address for each page, as browser-main gives each Chromium.
    await page.goto(kiosk.server.issueStartUrl());
    await body(page);
    assert.deepEqual(pageErrors, [], 'the page threw');
  } catch (err) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: join(RESULTS_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`) }).catch(() => undefined);
    throw err;
  } finally {
    await context.close();
    await renderersGone(kiosk);
  }
}

/**
 * Waits (at most 5 s) until the closed page's socket is gone on the server: the bridge refuses
 * a second renderer while one is connected, so the next test's page must not race it.
 */
async function renderersGone(kiosk: KioskHarness): Promise<void> {
  for (let waited = 0; kiosk.server.connections() > 0; waited += 20) {
    if (waited >= 5000) throw new Error('the closed page is still connected to the bridge after 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The page never scrolls: a step longer than the window scrolls inside its own area under a fixed
 * action bar (renderer/styles/screens.css, .step-screen). Scrolls the current step's area to its
 * end and returns how far it went (0: the step fits).
 */
export function scrollStepToEnd(page: Page): Promise<number> {
  return page.evaluate(() => {
    const area = document.querySelector('#main .step-screen');
    if (!area) return 0;
    area.scrollTop = area.scrollHeight;
    return area.scrollTop;
  });
}

/** How far the current step's area is scrolled, and the page (which must stay at 0). */
export function scrollPositions(page: Page): Promise<{ step: number; page: number }> {
  return page.evaluate(() => ({ step: document.querySelector('#main .step-screen')?.scrollTop ?? 0, page: window.scrollY }));
}

/** The checks every journey screen gets: touch sizes and text size, then axe. */
export async function checkScreen(page: Page, label: string): Promise<void> {
  await assertTouchFriendly(page);
  await assertAccessible(page, label);
}

/** Runs axe on the page as it is now; fails on any serious or critical violation. */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `axe found serious or critical violations on ${label}`,
  );
}

/** Every button is at least `min` CSS px in both directions, and body text at least `minFont` px. */
export async function assertTouchFriendly(page: Page, min = 60, minFont = 24): Promise<void> {
  const small = await page.$$eval(
    'button',
    (buttons, minSize) =>
      buttons
        .map((b) => ({ text: b.textContent ?? '', rect: b.getBoundingClientRect() }))
        .filter((b) => b.rect.width < minSize || b.rect.height < minSize)
        .map((b) => `${b.text} ${Math.round(b.rect.width)}x${Math.round(b.rect.height)}`),
    min,
  );
  assert.deepEqual(small, [], 'touch targets below the minimum size');
  const tiny = await page.$$eval(
    'p, h1, h2, button, span',
    (nodes, minPx) =>
      nodes
        .filter((n) => (n.textContent ?? '').trim() !== '' && parseFloat(getComputedStyle(n).fontSize) < minPx)
        .map((n) => `${n.tagName} ${getComputedStyle(n).fontSize}`),
    minFont,
  );
  assert.deepEqual(tiny, [], 'text below the minimum size');
}
