/**
 * The touch input widgets in the real app (browser shell, system Chromium), on the 市内転居
 * interview without a card: the 50音 keyboard on the name questions, the date picker on the
 * birth date, the choice list on the sex question. Keys are driven by touch only; key sizes,
 * text sizes, fit on the screen and axe are checked in both orientations.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, assertTouchFriendly, LANDSCAPE, PORTRAIT, withKioskPage, type Viewport } from '../support/e2e-page';
import type { KioskHarness } from '../support/kiosk-harness';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';

let browser: Browser;
let kiosk: KioskHarness;

before(async () => ({ kiosk, browser } = await openKioskAndBrowser()));
after(() => closeKioskAndBrowser(kiosk, browser));

afterEach(async () => {
  await kiosk.runtime.session.end('cancel');
});

const question = (page: Page) => page.locator('[data-testid="app-question"]');

/** Home → 市内転居 → without a card, answering the screening questions 「いいえ」, up to `id`. */
async function openQuestion(page: Page, id: string): Promise<void> {
  await page.getByTestId('journey-application').click();
  await page.getByTestId('guide-event-move-within-city').click();
  await page.getByTestId('event-start').click();
  await page.getByTestId('identify-manual').click();
  await advanceTo(page, id);
}

/** From the question on screen, answering plainly, up to `id`. */
async function advanceTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await question(page).waitFor({ timeout: 20_000 });
    const current = await question(page).getAttribute('data-question');
    if (current === id) return;
    const kind = await answerSimply(page);
    assert.ok(kind, `the test can answer "${current}" on the way to "${id}"`);
    await page.getByTestId('question-next').click();
    await page.locator(`[data-testid="app-question"][data-question="${current}"]`).waitFor({ state: 'detached', timeout: 20_000 });
  }
  throw new Error(`question "${id}" never came`);
}

/** A plain answer for the questions before the ones under test. */
async function answerSimply(page: Page): Promise<string | null> {
  if (await page.getByTestId('yesno-no').isVisible()) {
    await page.getByTestId('yesno-no').click();
    return 'yesno';
  }
  if (await page.getByTestId('kana').isVisible()) {
    await page.getByTestId('kana-mode-hiragana').click();
    for (const k of 'やまた') await page.getByTestId(`kana-key-${k}`).click();
    return 'kana';
  }
  return null;
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

/** Every button inside the widget at least `min` px both ways, with text of 28 px or more. */
async function assertKeysAtLeast(page: Page, widgetTestId: string, min: number): Promise<number> {
  const keys = await page
    .getByTestId(widgetTestId)
    .locator('button')
    .evaluateAll((bs) =>
      bs.map((b) => ({
        name: b.getAttribute('aria-label') ?? b.textContent ?? '',
        r: b.getBoundingClientRect(),
        font: parseFloat(getComputedStyle(b).fontSize),
      })),
    );
  const small = keys.filter((k) => k.r.width < min || k.r.height < min).map((k) => `${k.name} ${Math.round(k.r.width)}x${Math.round(k.r.height)}`);
  assert.deepEqual(small, [], `keys of ${widgetTestId} below ${min} px`);
  const tiny = keys.filter((k) => k.font < 28).map((k) => `${k.name} ${k.font}px`);
  assert.deepEqual(tiny, [], `key text of ${widgetTestId} below 28 px`);
  return keys.length;
}

/** The widget lies inside the window: no sideways scrolling, and (landscape) no scrolling to reach it. */
async function assertFits(page: Page, widgetTestId: string, viewport: Viewport): Promise<void> {
  const box = await page.getByTestId(widgetTestId).boundingBox();
  assert.ok(box, `${widgetTestId} is drawn`);
  const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY, w: document.documentElement.scrollWidth }));
  assert.ok(scroll.w <= viewport.width, `no sideways scrolling (${scroll.w} > ${viewport.width})`);
  assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `${widgetTestId} inside the width`);
  assert.ok(
    box.y + scroll.y + box.height <= viewport.height,
    `${widgetTestId} ends at ${Math.round(box.y + scroll.y + box.height)} px, inside ${viewport.height}`,
  );
}

/**
 * The question screen needs no scrolling: the whole question (to つぎへ) ends inside the window,
 * counted from the top of the page. (The simulator panel of a demo kiosk may follow below it.)
 * Returns where つぎへ ends (px).
 */
async function assertQuestionFits(page: Page, viewport: Viewport, what: string): Promise<number> {
  const bottomOf = (testId: string) => page.getByTestId(testId).evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
  const m = {
    next: await bottomOf('question-next'),
    question: await bottomOf('app-question'),
    width: await page.evaluate(() => document.documentElement.scrollWidth),
  };
  assert.ok(m.next <= viewport.height, `${what}: つぎへ ends at ${Math.round(m.next)} px, outside ${viewport.height}`);
  assert.ok(m.question <= viewport.height, `${what}: the question ends at ${Math.round(m.question)} px, outside ${viewport.height}`);
  assert.ok(m.width <= viewport.width, `${what}: the page scrolls sideways (${m.width} > ${viewport.width})`);
  return m.next;
}

async function setLargeText(page: Page, large: boolean): Promise<void> {
  const now = await page.evaluate(() => document.documentElement.dataset.textSize === 'large');
  if (now !== large) await page.getByTestId('text-size').click();
  await page.waitForFunction((want) => (document.documentElement.dataset.textSize === 'large') === want, large);
}

describe('question screens fit the window', () => {
  for (const viewport of [LANDSCAPE, PORTRAIT]) {
    const label = viewport === LANDSCAPE ? 'landscape' : 'portrait';

    test(`kana and date questions, standard and larger text: つぎへ on screen, no scrolling, keys ≥ 72 px (${label})`, async (t) => {
      await withKioskPage(
        browser,
        kiosk,
        `widgets-fit-${label}`,
        async (page) => {
          const ends: string[] = [];
          /** Both text sizes (in the order given) on the question shown: it fits, keys stay ≥ 72 px. */
          const checkSizes = async (name: string, widget: string, sizes: boolean[]) => {
            for (const large of sizes) {
              await setLargeText(page, large);
              const what = `${name}, ${large ? 'larger' : 'standard'} text`;
              ends.push(`${what}: ${Math.round(await assertQuestionFits(page, viewport, what))}`);
              await assertKeysAtLeast(page, widget, 72);
              await assertTouchFriendly(page);
            }
          };
          await openQuestion(page, 'nameKana');
          await checkSizes('フリガナ', 'kana', [false, true]);
          await advanceTo(page, 'birthDate');
          // The tallest state: a 31-day month chosen, so every day key shows.
          await page.getByTestId('date-month-1').click();
          assert.equal(await page.getByTestId('date-day-31').count(), 1);
          await checkSizes('生年月日 with 1月 chosen', 'date', [true, false]);
          t.diagnostic(`${label} ${viewport.width}x${viewport.height}, つぎへ ends at (px): ${ends.join('; ')}`);
        },
        viewport,
      );
    });
  }
});

describe('touch input widgets in the interview', () => {
  for (const viewport of [LANDSCAPE, PORTRAIT]) {
    const label = viewport === LANDSCAPE ? 'landscape' : 'portrait';

    test(`50音 keyboard: ヤマダ in katakana, が/ぱ/っ by the modifier keys, 削除 and 全部消す (${label})`, async () => {
      await withKioskPage(
        browser,
        kiosk,
        `widgets-kana-${label}`,
        async (page) => {
          await openQuestion(page, 'nameKana');
          const keys = await assertKeysAtLeast(page, 'kana', 72);
          assert.ok(keys >= 50, `the whole 50音 board is there (${keys} keys)`);
          await assertFits(page, 'kana', viewport);
          assert.equal(await page.getByTestId('kana-mode-katakana').getAttribute('aria-selected'), 'true', 'katakana first for フリガナ');

          for (const k of 'ヤマタ') await page.getByTestId(`kana-key-${k}`).click();
          await page.getByTestId('kana-dakuten').click();
          assert.equal(await text(page, 'kana-value'), 'ヤマダ');

          await page.getByTestId('kana-clear').click();
          assert.equal(await text(page, 'kana-value'), '');
          assert.equal(await page.getByTestId('kana-dakuten').isDisabled(), true, 'nothing to mark');

          await page.getByTestId('kana-mode-hiragana').click();
          assert.equal(await page.getByTestId('kana-mode-hiragana').getAttribute('aria-selected'), 'true');
          await page.getByTestId('kana-key-か').click();
          assert.equal(await page.getByTestId('kana-handakuten').isDisabled(), true, 'か takes no 半濁点');
          await page.getByTestId('kana-dakuten').click();
          assert.equal(await text(page, 'kana-value'), 'が');
          await page.getByTestId('kana-dakuten').click();
          assert.equal(await text(page, 'kana-value'), 'か', '濁点 again takes it off');
          await page.getByTestId('kana-key-は').click();
          await page.getByTestId('kana-handakuten').click();
          assert.equal(await text(page, 'kana-value'), 'かぱ');
          await page.getByTestId('kana-dakuten').click();
          assert.equal(await text(page, 'kana-value'), 'かば');
          await page.getByTestId('kana-key-つ').click();
          await page.getByTestId('kana-small').click();
          assert.equal(await text(page, 'kana-value'), 'かばっ');
          await page.getByTestId('kana-backspace').click();
          assert.equal(await text(page, 'kana-value'), 'かば');
          await assertTouchFriendly(page);
          await assertAccessible(page, `kana keyboard (${label})`);

          // What was typed is what main receives: the answer is accepted and the interview moves on.
          await page.getByTestId('kana-clear').click();
          await page.getByTestId('kana-mode-katakana').click();
          for (const k of 'ヤマタ') await page.getByTestId(`kana-key-${k}`).click();
          await page.getByTestId('kana-dakuten').click();
          await page.getByTestId('question-next').click();
          await page.locator('[data-testid="app-question"][data-question="nameKana"]').waitFor({ state: 'detached', timeout: 20_000 });
        },
        viewport,
      );
    });

    test(`English: 英数 board in ABC order with the case key; key names in English (${label})`, async () => {
      await withKioskPage(
        browser,
        kiosk,
        `widgets-alnum-${label}`,
        async (page) => {
          await page.getByTestId('language').click();
          await page.getByTestId('language-en').click();
          await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor();
          await openQuestion(page, 'name');
          await page.getByTestId('kana-mode-alnum').click();
          assert.equal(await page.getByTestId('kana-mode-alnum').innerText(), 'ABC 123');
          for (const k of 'SMITH') await page.getByTestId(`kana-key-${k}`).click();
          await page.getByTestId('kana-space').click();
          await page.getByTestId('kana-key-J').click();
          await page.getByTestId('kana-case').click();
          for (const k of 'ohn') await page.getByTestId(`kana-key-${k}`).click();
          assert.equal(await text(page, 'kana-value'), 'SMITH John');
          assert.equal(await page.getByTestId('kana-case').getAttribute('aria-label'), 'ABC (switch to uppercase)');
          await page.getByTestId('kana-mode-hiragana').click();
          assert.equal(await page.getByTestId('kana-dakuten').getAttribute('aria-label'), '゛ (add or remove the voiced mark)');
          await assertKeysAtLeast(page, 'kana', 72);
          await assertFits(page, 'kana', viewport);
          await assertTouchFriendly(page);
          await assertAccessible(page, `kana keyboard in English (${label})`);

          // Larger text: keys grow to 88 px where the width allows and never below 72 px; nothing spills sideways.
          await page.getByTestId('text-size').click();
          await page.waitForFunction(() => document.documentElement.dataset.textSize === 'large');
          await assertKeysAtLeast(page, 'kana', 72);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= viewport.width, `no sideways scrolling with larger text (${width})`);
          await assertTouchFriendly(page);
        },
        viewport,
      );
    });

    test(`date picker: 和暦 with 元号 steppers, impossible days absent, both calendars shown; then the choice list (${label})`, async () => {
      await withKioskPage(
        browser,
        kiosk,
        `widgets-date-${label}`,
        async (page) => {
          await openQuestion(page, 'birthDate');
          assert.equal(await text(page, 'date-summary').then((s) => s.includes('まだ選ばれていません')), true);
          assert.equal(await page.locator('input, select').count(), 0, 'no native inputs or selects');

          // A birth date starts about 40 years back (the picker's initialYear), not at this year.
          const startYear = new Date().getFullYear() - 40;
          assert.match(await text(page, 'date-year'), new RegExp(`${startYear}年`), 'the birth date starts 40 years back');
          await page.getByTestId('date-era-令和').click();
          await page.getByTestId('date-era-昭和').click();
          assert.match(await text(page, 'date-year'), /昭和64年/, 'from 令和 the nearest 昭和 year');
          assert.equal(await page.getByTestId('date-month-2').isDisabled(), true, '昭和64年 ended on 1月7日');
          await page.getByTestId('date-month-1').click();
          assert.equal(await page.getByTestId('date-day-7').isDisabled(), false);
          assert.equal(await page.getByTestId('date-day-8').isDisabled(), true);

          await page.getByTestId('date-year-minus10').click();
          await page.getByTestId('date-year-minus10').click();
          assert.match(await text(page, 'date-year'), /昭和44年/);
          assert.match(await text(page, 'date-year'), /1969年/);
          await page.getByTestId('date-month-2').click();
          assert.equal(await page.getByTestId('date-day-28').count(), 1);
          assert.equal(await page.getByTestId('date-day-29').count(), 0, '1969 is not a leap year');
          await page.getByTestId('date-day-28').click();
          assert.match(await text(page, 'date-summary'), /昭和44年2月28日（1969年）/);

          await page.getByTestId('date-calendar-western').click();
          assert.match(await text(page, 'date-summary'), /1969年2月28日（昭和44年）/);
          assert.equal(await page.getByTestId('date-era-昭和').count(), 0, 'no 元号 buttons in 西暦');
          await page.getByTestId('date-calendar-era').click();
          assert.equal(await page.getByTestId('date-era-昭和').getAttribute('aria-checked'), 'true');

          // 令和 has no 2月 in its first year: the month and day are unchosen, and so is the answer.
          await page.getByTestId('date-era-令和').click();
          assert.match(await text(page, 'date-year'), /令和元年/);
          assert.match(await text(page, 'date-summary'), /まだ選ばれていません/);
          assert.equal(await page.getByTestId('date-month-2').isDisabled(), true);
          await page.getByTestId('date-month-5').click();
          assert.equal(await page.getByTestId('date-day-1').isDisabled(), false);
          await page.getByTestId('date-day-1').click();
          assert.match(await text(page, 'date-summary'), /令和元年5月1日（2019年）/);
          assert.equal(await page.getByTestId('date-year-minus1').isDisabled(), true, '令和元年 is the first year of 令和');
          await page.getByTestId('date-era-平成').click();
          assert.match(await text(page, 'date-year'), /平成31年/);
          assert.match(await text(page, 'date-summary'), /まだ選ばれていません/, '平成31年5月 does not exist');
          // The screen was told: つぎへ now asks for a date instead of sending the 令和 one.
          await page.getByTestId('question-next').click();
          await page.getByTestId('question-error').waitFor();
          assert.equal(await question(page).getAttribute('data-question'), 'birthDate');
          await page.getByTestId('date-era-昭和').click();
          await page.getByTestId('date-year-minus10').click();
          await page.getByTestId('date-year-minus10').click();
          await page.getByTestId('date-month-2').click();
          await page.getByTestId('date-day-28').click();
          assert.match(await text(page, 'date-summary'), /昭和44年2月28日（1969年）/);

          await assertKeysAtLeast(page, 'date', 72);
          await assertFits(page, 'date', viewport);
          await assertTouchFriendly(page);
          await assertAccessible(page, `date picker (${label})`);

          await page.getByTestId('question-next').click();
          await page.locator('[data-testid="app-question"][data-question="birthDate"]').waitFor({ state: 'detached', timeout: 20_000 });

          // The next question (性別) is a choice list: radios, one checked after a touch.
          const choices = page.locator('[data-testid="app-question"] [role="radiogroup"]').first();
          await choices.waitFor();
          const radios = choices.locator('[role="radio"]');
          assert.ok((await radios.count()) >= 2);
          assert.equal(await choices.locator('[aria-checked="true"]').count(), 0);
          await radios.nth(1).click();
          assert.equal(await radios.nth(1).getAttribute('aria-checked'), 'true');
          assert.equal(await radios.nth(0).getAttribute('aria-checked'), 'false');
          await assertAccessible(page, `choice list (${label})`);
        },
        viewport,
      );
    });
  }
});

describe('a physical keyboard in the interview', () => {
  test('staff type a name with the keyboard and an IME (kanji), with no on-screen keyboard of the OS', async () => {
    await withKioskPage(browser, kiosk, 'widgets-physical-keyboard', async (page) => {
      await openQuestion(page, 'name');
      const typing = page.getByTestId('kana-typing');
      assert.equal(await typing.getAttribute('inputmode'), 'none', 'touching the field opens no OS keyboard');

      // Nothing clicked first: a helper just starts typing.
      await page.keyboard.type('Yamada');
      assert.equal(await text(page, 'kana-value'), 'Yamada');
      for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
      assert.equal(await text(page, 'kana-value'), '');

      // An IME composes やまだ, then commits 山田: the display shows the composition, then the kanji.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.imeSetComposition', { text: 'やまだ', selectionStart: 3, selectionEnd: 3 });
      await page.locator('[data-testid="kana-value"][data-composing="true"]').filter({ hasText: 'やまだ' }).waitFor();
      await cdp.send('Input.insertText', { text: '山田' });
      await page.locator('[data-testid="kana-value"]:not([data-composing])').filter({ hasText: '山田' }).waitFor();
      await page.keyboard.insertText('　太郎');
      assert.equal(await text(page, 'kana-value'), '山田　太郎');

      // The on-screen keys still add to what was typed.
      await page.getByTestId('kana-mode-hiragana').click();
      await page.getByTestId('kana-key-あ').click();
      assert.equal(await text(page, 'kana-value'), '山田　太郎あ');
      await page.getByTestId('kana-backspace').click();
      await assertAccessible(page, 'kana keyboard with a physical keyboard');

      await page.getByTestId('question-next').click();
      await page.locator('[data-testid="app-question"][data-question="name"]').waitFor({ state: 'detached', timeout: 20_000 });
      // Main took the typed name: back on its question, it is there as typed.
      await page.getByTestId('question-back').click();
      await page.locator('[data-testid="app-question"][data-question="name"]').waitFor({ timeout: 20_000 });
      assert.equal(await text(page, 'kana-value'), '山田　太郎');
    });
  });
});
