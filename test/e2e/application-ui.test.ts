/**
 * The no-writing applications journey (書かない窓口) end to end through the browser shell: the
 * real main-side runtime with the simulated card reader and printer, driven only by touches on
 * the screens (and the clearly marked simulator panel), with axe and the touch-size check on
 * every screen. Also: a reload in the middle of the interview returns to the same question,
 * and every message key the main side can send has Japanese and English text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { events, requests } from '../../contract/kiosk-api';
import { checkScreen, LANDSCAPE, PORTRAIT, type Viewport, withKioskPage } from '../support/e2e-page';
import { endCitizenSession, type KioskHarness } from '../support/kiosk-harness';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';
import { pdfText } from '../support/pdf-text';

const ROOT = join(__dirname, '..', '..');

let browser: Browser;
let kiosk: KioskHarness;

before(async () => ({ kiosk, browser } = await openKioskAndBrowser({}, { backendFaults: true })));
after(() => closeKioskAndBrowser(kiosk, browser));

/** The card's 券面事項入力補助用 PIN, from its fixture. */
function textPinOf(cardId: string): string {
  const card = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'cards', `${cardId}.json`), 'utf8')) as { pins: { textPin: string } };
  return card.pins.textPin;
}

async function tapKeys(page: Page, prefix: string, keys: string): Promise<void> {
  for (const k of keys) await page.getByTestId(k === '　' ? `${prefix}-space` : `${prefix}-key-${k}`).click();
}

/** From the home screen to the 市内転居 event by the guide search (typed on the kana keyboard). */
async function openMoveBySearch(page: Page): Promise<void> {
  await page.getByTestId('journey-application').click();
  await page.getByRole('heading', { name: 'どんな手続きですか？' }).waitFor();
  await page.getByTestId('guide-search-open').click();
  await tapKeys(page, 'search', 'てんきよ');
  await page.getByTestId('search-small').click();
  assert.equal(await page.getByTestId('search-value').innerText(), 'てんきょ');
  await page.getByTestId('guide-hit-e-move-within-city').click();
  await page.getByTestId('app-event').waitFor();
}

/** Through identify, the card and its 券面事項 PIN to the first question. */
async function identifyWithCard(page: Page, cardId: string, pin: string, check?: (label: string) => Promise<void>): Promise<void> {
  await page.getByTestId('event-start').click();
  await page.getByTestId('app-identify').waitFor();
  await check?.('identify');
  await page.getByTestId('identify-card').click();
  await page.getByRole('heading', { name: 'マイナンバーカードを差し込んでください' }).waitFor();
  await check?.('insert card');
  await page.getByTestId(`sim-insert-${cardId}`).click();
  await page.getByRole('heading', { name: 'マイナンバーカードの暗証番号（数字4けた）を入力してください' }).waitFor();
  // One name for the number the citizen knows; the card's name for it small beneath, for staff.
  assert.equal(await page.getByTestId('cert-pin-technical').innerText(), '券面事項入力補助用の暗証番号');
  await check?.('PIN');
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
  await page.getByTestId('app-question').waitFor({ timeout: 20_000 });
}

/** How this test answers each question of 市内転居, by touch only. */
const ANSWERS: Record<string, (page: Page) => Promise<void>> = {
  hasKokuho: (page) => page.getByTestId('yesno-no').click(),
  hasChildren: (page) => page.getByTestId('yesno-no').click(),
  nameKana: (page) => tapKeys(page, 'kana', 'タカハシ　ケンタ'),
  // The suggested date (today) stands.
  moveDate: async () => undefined,
  newPostal: async (page) => {
    await tapKeys(page, 'numpad', '8030813');
    await page.getByTestId('postal-candidates').waitFor();
    assert.match(await page.getByTestId('postal-pick-0').innerText(), /福岡県北九州市小倉北区城内/);
  },
  newAddress: async (page) => {
    assert.equal(await page.getByTestId('kana-value').innerText(), '福岡県北九州市小倉北区城内', 'the postal code filled the start');
    await tapKeys(page, 'kana', '12');
  },
  movingCount: async () => undefined,
  // Asked only without a card:
  name: async (page) => {
    assert.equal(await page.getByTestId('kana-mode-hiragana').getAttribute('aria-selected'), 'true');
    await tapKeys(page, 'kana', 'たかはし　けんた');
  },
  birthDate: async (page) => {
    // A birth date opens about 40 years back; from 令和, 昭和 opens on its last year (昭和64),
    // and 昭和55 is ten back and one on.
    await page.getByTestId('date-era-令和').click();
    await page.getByTestId('date-era-昭和').click();
    await page.getByTestId('date-year-minus10').click();
    await page.getByTestId('date-year-plus1').click();
    await page.getByTestId('date-month-2').click();
    await page.getByTestId('date-day-17').click();
    assert.match(await page.getByTestId('date-summary').innerText(), /昭和55年2月17日/);
  },
  sex: (page) => page.getByTestId('choice-male').click(),
  myNumber: (page) => tapKeys(page, 'numpad', '382719460526'),
  currentAddress: async (page) => {
    await page.getByTestId('kana-mode-hiragana').click();
    await tapKeys(page, 'kana', 'うおまち');
  },
  isHouseholder: (page) => page.getByTestId('yesno-yes').click(),
  phone: (page) => tapKeys(page, 'numpad', '0935820001'),
};

/** つぎへ (and the question above it) end inside the window: no question needs scrolling. */
async function assertQuestionFits(page: Page, id: string): Promise<void> {
  const height = page.viewportSize()?.height ?? 0;
  const next = await page.getByTestId('question-next').evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
  assert.ok(next <= height, `question "${id}": つぎへ ends at ${Math.round(next)} px, outside ${height}`);
}

/** Answers every question until the review (each checked to fit the window once answered); returns the ids in the order asked. */
async function answerAll(page: Page, check?: (label: string) => Promise<void>): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < 30; i++) {
    const screen = page.locator('[data-testid="app-question"], [data-testid="app-review"]').first();
    await screen.waitFor({ timeout: 20_000 });
    if ((await screen.getAttribute('data-testid')) === 'app-review') return asked;
    const id = (await screen.getAttribute('data-question')) ?? '';
    const answer = ANSWERS[id];
    assert.ok(answer, `the test knows how to answer "${id}"`);
    assert.match(await page.getByTestId('question-progress').innerText(), /^\d+ \/ \d+$/);
    await answer(page);
    await assertQuestionFits(page, id);
    await check?.(`question ${id}`);
    asked.push(id);
    // Picking a postal candidate answers the postal question itself.
    if (id !== 'newPostal') await page.getByTestId('question-next').click();
    else await page.getByTestId('postal-pick-0').click();
    await page.locator(`[data-testid="app-question"][data-question="${id}"]`).waitFor({ state: 'detached', timeout: 20_000 });
  }
  throw new Error(`no review after ${asked.length} questions`);
}

describe('applications journey screens', () => {
  afterEach(() => endCitizenSession(kiosk));

  for (const viewport of [LANDSCAPE, PORTRAIT] as Viewport[]) {
    const label = viewport === LANDSCAPE ? 'landscape' : 'portrait';
    const full = viewport === LANDSCAPE;
    test(`市内転居 with card-001: search, card, every question by touch, review, submit (${full ? 'received' : 'back end down: kept to send later'}), printed forms with the receipt number (${label})`, async (t) => {
      const printer = kiosk.runtime.devices.sim.printer;
      assert.ok(printer, 'the printer is simulated');
      const printedBefore = printer.printed.length;
      let receipt = '';
      await withKioskPage(
        browser,
        kiosk,
        `application-move-${label}`,
        async (page) => {
          // Every screen is checked in landscape; portrait checks the screens whose layout changes.
          const check = (name: string) => checkScreen(page, `${name} (${label})`);
          await openMoveBySearch(page);
          await check('event');
          assert.match(await page.getByTestId('event-procedure-tenkyo-todoke').innerText(), /住民異動届|転居/);
          assert.match(await page.getByTestId('app-event').innerText(), /手続きする場所：/, 'procedures elsewhere name their office');
          assert.ok((await page.getByTestId('event-documents').locator('li').count()) > 0, 'documents to bring are listed');
          await identifyWithCard(page, 'card-001', textPinOf('card-001'), full ? check : undefined);
          const asked = await answerAll(page, full ? check : undefined);
          assert.ok(asked.includes('newPostal') && asked.includes('newAddress'), `asked: ${asked.join(', ')}`);

          await page.getByRole('heading', { name: '内容を確認してください' }).waitFor();
          await check('review');
          const review = await page.getByTestId('app-review').innerText();
          assert.match(review, /髙橋/, 'the card name is on the review');
          assert.match(review, /カードから/);
          assert.match(review, /入力/);
          assert.match(review, /城内12/);
          // Each fact once: the name is one line however many forms print it; shared facts name their forms.
          assert.equal(await page.getByTestId('review-fact-name').count(), 1, 'the name is shown once');
          const sharedForms = await page.locator('[data-testid^="review-fact-forms-"]').allInnerTexts();
          for (const line of sharedForms) assert.match(line, /^使う書類：.+、.+/);
          t.diagnostic(`review ${label}: ${sharedForms.length} facts shared by several forms`);
          const height = await page.getByTestId('app-review').evaluate((e) => Math.round(e.getBoundingClientRect().height));
          t.diagnostic(`review ${label}: ${height} px tall`);
          assert.ok((await page.locator('[data-source="card"]').count()) > 0);
          // Card values cannot be changed here; answered ones can.
          assert.equal(await page.locator('[data-source="card"] button').count(), 0);
          assert.ok((await page.locator('[data-source="interview"] button').count()) > 0);
          if (full) {
            // 「なおす」 opens the question with a way straight back to the review.
            await page.getByTestId('review-edit-phone').click();
            await page.locator('[data-testid="app-question"][data-question="phone"]').waitFor();
            assert.equal(await page.getByTestId('question-next').innerText(), '確認画面にもどる');
            assert.equal((await page.getByTestId('numpad-value').innerText()).replace(/\D/g, ''), '0935820001', 'the answer given is shown');
            await page.getByTestId('numpad-backspace').click();
            await page.getByTestId('numpad-key-2').click();
            await page.getByTestId('question-next').click();
            await page.getByTestId('app-review').waitFor();
            assert.match(await page.getByTestId('app-review').innerText(), /0935820002/);
          }
          // Portrait also takes the ward back end away at 送信: the application is kept and printed anyway.
          if (!full) await kiosk.backend!.faults!.apply({ mode: 'down', durationMs: 5000 });
          await page.getByTestId('review-submit').click();
          // Identified with the card: the e-signature is offered (application-sign.test.ts signs); this sends unsigned.
          await page.getByTestId('sign-without').click();

          await page.getByTestId('app-done').waitFor({ timeout: 60_000 });
          receipt = (await page.getByTestId('done-receipt').innerText()).trim();
          assert.ok(receipt.length >= 4, `a receipt number is shown (${receipt})`);
          assert.equal(await page.locator('#done-title').innerText(), full ? '受け付けました' : '通信が回復したら自動で送信します');
          if (!full) await page.getByTestId('done-queued').waitFor();
          assert.ok((await page.getByTestId('done-printed-list').locator('li').count()) > 0);
          await check('done');
        },
        viewport,
      );
      const printed = printer.printed.slice(printedBefore);
      assert.ok(printed.length > 0, 'forms were printed');
      for (const job of printed) {
        assert.equal(Buffer.from(job.pdf).subarray(0, 5).toString('latin1'), '%PDF-');
        assert.ok(pdfText(job.pdf).includes(receipt), 'every printed form carries the receipt number');
      }
    });
  }

  test('a reload on a question returns to the same question of the running journey', async () => {
    await withKioskPage(browser, kiosk, 'application-reload', async (page) => {
      await openMoveBySearch(page);
      await identifyWithCard(page, 'card-003', textPinOf('card-003'));
      await page.getByTestId('yesno-no').click();
      await page.getByTestId('question-next').click();
      const question = page.locator('[data-testid="app-question"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="app-question"]')?.getAttribute('data-question') !== 'hasKokuho');
      const before = await question.getAttribute('data-question');
      const progress = await page.getByTestId('question-progress').innerText();
      await page.reload();
      await page.getByTestId('app-question').waitFor({ timeout: 20_000 });
      assert.equal(await question.getAttribute('data-question'), before);
      assert.equal(await page.getByTestId('question-progress').innerText(), progress);
      const state = kiosk.runtime.session.state();
      assert.equal(state.phase === 'active' && state.journey, 'application');
      await page.getByTestId('question-back').click();
      await page.locator('[data-testid="app-question"][data-question="hasKokuho"]').waitFor();
    });
  });

  test('without a card every fact is asked: name on the kana keyboard, birth date in 和暦, sex, 個人番号 on the number pad', async () => {
    await withKioskPage(browser, kiosk, 'application-manual', async (page) => {
      await page.getByTestId('journey-application').click();
      await page.getByTestId('guide-event-move-within-city').click();
      await page.getByTestId('event-start').click();
      await page.getByTestId('identify-manual').click();
      const asked = await answerAll(page, (label) => checkScreen(page, `${label} (manual)`));
      for (const id of ['name', 'birthDate', 'sex', 'myNumber', 'currentAddress']) assert.ok(asked.includes(id), `asked ${id}`);
      const review = await page.getByTestId('app-review').innerText();
      assert.match(review, /たかはし/);
      assert.match(review, /昭和/);
      assert.match(review, /●●●●●●●●0526/, 'the typed 個人番号 shows its last 4 digits only');
      assert.doesNotMatch(review, /382719460526/);
      assert.equal(await page.locator('[data-source="card"]').count(), 0, 'nothing came from a card');
    });
  });

  for (const viewport of [LANDSCAPE, PORTRAIT] as Viewport[]) {
    const label = viewport === LANDSCAPE ? 'landscape' : 'portrait';
    test(`with larger text every question without a card fits the window (${label})`, async () => {
      await withKioskPage(
        browser,
        kiosk,
        `application-large-${label}`,
        async (page) => {
          await page.getByTestId('text-size').click();
          await page.waitForFunction(() => document.documentElement.dataset.textSize === 'large');
          await page.getByTestId('journey-application').click();
          await page.getByTestId('guide-event-move-within-city').click();
          await page.getByTestId('event-start').click();
          await page.getByTestId('identify-manual').click();
          const asked = await answerAll(page);
          assert.ok(asked.length >= 10, `asked: ${asked.join(', ')}`);
        },
        viewport,
      );
    });
  }

  test('a card whose 券面事項 PIN is locked comes back to identify, says why, and still offers typing by hand', async () => {
    await withKioskPage(browser, kiosk, 'application-blocked', async (page) => {
      await openMoveBySearch(page);
      await page.getByTestId('event-start').click();
      await page.getByTestId('identify-card').click();
      await page.getByTestId('sim-insert-card-blocked').click();
      await page.getByTestId('identify-message').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('identify-message').getAttribute('role'), 'alert');
      assert.match(await page.getByTestId('identify-message').innerText(), /ロックされています/);
      await checkScreen(page, 'identify after a locked PIN');
      await page.getByTestId('identify-manual').click();
      await page.getByTestId('app-question').waitFor();
    });
  });

  test('a wrong answer shows its error next to the field and the question stays', async () => {
    await withKioskPage(browser, kiosk, 'application-error', async (page) => {
      await openMoveBySearch(page);
      await identifyWithCard(page, 'card-001', textPinOf('card-001'));
      for (let i = 0; i < 20; i++) {
        const id = await page.getByTestId('app-question').getAttribute('data-question');
        if (id === 'nameKana') break;
        await ANSWERS[id ?? '']!(page);
        await page.getByTestId('question-next').click();
        await page.locator(`[data-testid="app-question"][data-question="${id}"]`).waitFor({ state: 'detached' });
      }
      await page.getByTestId('question-next').click();
      await page.getByTestId('question-error').waitFor();
      assert.equal(await page.getByTestId('question-error').getAttribute('role'), 'alert');
      assert.match(await page.getByTestId('question-error').innerText(), /入力してください/);
      assert.equal(await page.getByTestId('app-question').getAttribute('data-question'), 'nameKana');
      await checkScreen(page, 'question with an error');
    });
  });

  test('the guide in English with larger text', async () => {
    await withKioskPage(browser, kiosk, 'application-en', async (page) => {
      await page.getByTestId('language').click();
      await page.getByTestId('language-en').click();
      await page.getByTestId('text-size').click();
      await page.getByTestId('journey-application').click();
      await page.getByRole('heading', { name: 'What is your procedure about?' }).waitFor();
      await page.getByTestId('guide-event-move-within-city').getByText('Moving within Kitakyushu').waitFor();
      await checkScreen(page, 'guide (en, large text)');
      await page.getByTestId('guide-event-move-within-city').click();
      await page.getByRole('heading', { name: 'Moving within Kitakyushu' }).waitFor();
      await checkScreen(page, 'event (en, large text)');
      await page.getByTestId('event-start').click();
      await page.getByRole('heading', { name: 'How would you like to identify yourself?' }).waitFor();
      await checkScreen(page, 'identify (en, large text)');
      await page.getByTestId('identify-manual').click();
      await page.getByTestId('app-question').waitFor();
      assert.equal(await page.getByTestId('question-next').innerText(), 'Next');
      assert.doesNotMatch(await page.locator('#question-title').innerText(), /[ぁ-んァ-ン]/, 'the question reads in English');
      await checkScreen(page, 'question (en, large text)');
    });
  });
});

describe('application strings', () => {
  const load = (lang: string) =>
    JSON.parse(readFileSync(join(ROOT, 'renderer', 'i18n', 'locales', lang, 'application.json'), 'utf8')) as Record<string, unknown>;
  const lookup = (tree: Record<string, unknown>, path: string): unknown =>
    path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);

  test('every message key the main side can send has Japanese and English text, with the same parameters', () => {
    const dir = join(ROOT, 'main', 'application-journey');
    const channels = new Set([...Object.keys(requests), ...Object.keys(events)]);
    const fromMain = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/'application\.([A-Za-z0-9.-]+)'/g)].filter((m) => !channels.has(m[0].slice(1, -1))))
      .map((m) => m[1]!);
    assert.ok(fromMain.length > 0, 'the main side sends message keys');
    const validation = JSON.parse(readFileSync(join(ROOT, 'content', 'demo-ward', 'forms', 'messages.json'), 'utf8')) as Record<
      'ja' | 'en',
      Record<string, string>
    >;
    for (const lang of ['ja', 'en'] as const) {
      const tree = load(lang);
      const missing = fromMain.filter((k) => typeof lookup(tree, k) !== 'string');
      assert.deepEqual(missing, [], `${lang}: missing strings`);
      for (const [key, text] of Object.entries(validation[lang])) {
        const ours = lookup(tree, `validation.${key.replace(/^applications\.validation\./, '')}`);
        assert.equal(typeof ours, 'string', `${lang}: ${key}`);
        const params = (s: string, re: RegExp) => [...s.matchAll(re)].map((m) => m[1]).sort();
        assert.deepEqual(params(ours as string, /\{\{(\w+)\}\}/g), params(text, /\{(\w+)\}/g), `${lang}: parameters of ${key}`);
      }
    }
  });
});
