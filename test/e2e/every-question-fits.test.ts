/**
 * Every question of every life event the kiosk can fill (書かない窓口) fits the window: for each
 * event with a kiosk-fillable procedure, opened through the UI (guide tile → event → start →
 * identify by hand), every question screen is measured in the two worst cases — landscape
 * 1920×1080 with standard text and portrait 1080×1920 with larger text — and つぎへ and the
 * question end inside the window, nothing scrolls sideways, and the question's buttons keep
 * ≥ 72 px keys with ≥ 28 px text. To stay fast, answers go through the runtime's request router
 * (as the renderer would send them) and the page follows the pushed view; the widgets' touch
 * behaviour is covered by widgets.test.ts and application-ui.test.ts.
 *
 * The kiosk runs on a clock the test sets, never on the day the suite happens to run: date
 * questions show today's month and a window of years around it, so their height depends on the
 * day. The full walk runs on the tallest day (`TALLEST_DAY`); the date questions alone are then
 * measured again on the other days the calendar makes worst (`WORST_DAYS`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { AnswerValue, Question } from '../../contract/applications';
import { expectStep } from '../support/application-driver';
import { assertTouchFriendly, LANDSCAPE, PORTRAIT, withKioskPage, type Viewport } from '../support/e2e-page';
import { TAKAHASHI } from '../support/form-samples';
import { call } from '../support/journey-driver';
import type { KioskHarness } from '../support/kiosk-harness';
import { closeKioskAndBrowser, openKioskAndBrowser } from '../support/e2e-kiosk';
import { movableClock } from '../support/kiosk-clock';

const GUIDE = join(__dirname, '..', '..', 'content', 'demo-ward', 'guide');

type Fixture<T> = Record<string, T[]>;
const lifeEvents = (JSON.parse(readFileSync(join(GUIDE, 'life-events.json'), 'utf8')) as Fixture<{ id: string; procedures: { id: string }[] }>)['events'] ?? [];
const procedures = (JSON.parse(readFileSync(join(GUIDE, 'procedures.json'), 'utf8')) as Fixture<{ id: string; kioskCanDo?: boolean }>)['procedures'] ?? [];
const fillable = new Set(procedures.filter((p) => p.kioskCanDo).map((p) => p.id));
/** The life events with at least one procedure the kiosk fills in. */
const EVENTS = lifeEvents.filter((e) => e.procedures.some((p) => fillable.has(p.id))).map((e) => e.id);

/** The worst cases: widest screen with the least height, and the tallest text on the narrow screen. */
const CASES: { viewport: Viewport; large: boolean; label: string }[] = [
  { viewport: LANDSCAPE, large: false, label: 'landscape, standard text' },
  { viewport: PORTRAIT, large: true, label: 'portrait, larger text' },
];

/**
 * The tallest date question: today in a 31-day month (the most rows of day keys), in 令和元年
 * (「元年」), with the 平成 → 令和 change inside every past-year window (two 元号 keys).
 */
const TALLEST_DAY = '2019-05-31';
/** The other days the calendar makes worst, for the date questions. */
const WORST_DAYS = [
  '1989-01-07', // 昭和's last day: 昭和64年, and 平成 inside the +14-day window
  '2019-05-01', // 令和's first day: 令和元年, the window reaches back into 平成31年
  '2026-12-31', // the year's last day: the window spans three Western years
] as const;

const clock = movableClock(TALLEST_DAY);
let browser: Browser;
let kiosk: KioskHarness;

before(async () => ({ kiosk, browser } = await openKioskAndBrowser({}, { runtime: { clock } })));
after(() => closeKioskAndBrowser(kiosk, browser));

/** Valid answers to try in order: the sample resident's, the one on screen, the suggested one, then one by type. */
function candidates(q: Question, shown: AnswerValue | undefined): AnswerValue[] {
  // Screening questions answered 「はい」 bring in the most procedures, so the most questions.
  if (q.screening) return [true];
  const out: (AnswerValue | undefined)[] = [TAKAHASHI[q.id], shown, q.defaultValue];
  const v = q.validation;
  switch (q.type) {
    case 'choice':
      out.push(q.options?.[0]?.value);
      break;
    case 'checkbox':
      out.push(true, false);
      break;
    case 'number':
      out.push(v.min ?? 1);
      break;
    case 'kana':
      out.push('タカハシ　ケンタ');
      break;
    case 'phone':
      out.push('0935550123');
      break;
    case 'postal':
      out.push('8020001');
      break;
    case 'address':
      out.push('福岡県北九州市小倉北区浅野２丁目１番１号');
      break;
    // Bounds arrive resolved against the kiosk's day: the latest and earliest allowed days are answers on any day.
    case 'date':
    case 'era-date':
      out.push('2026-11-28', '2000-01-01', v.maxDate, v.minDate);
      break;
    default:
      out.push('髙橋　健太', '1');
  }
  return out.filter((x): x is AnswerValue => x !== undefined);
}

/** Answers the question on the main side; returns the next question's id, or null at the review. */
async function answer(): Promise<string | null> {
  const view = expectStep(kiosk.runtime.applications.current(), 'question');
  const q = view.question;
  const refused: string[] = [];
  for (const value of candidates(q, view.value)) {
    const next = await call(kiosk.runtime, 'application.answer', { questionId: q.id, value });
    if (next.step === 'review') return null;
    const step = expectStep(next, 'question');
    if (step.question.id !== q.id || step.errors.length === 0) return step.question.id;
    refused.push(step.errors.map((e) => e.code).join(','));
  }
  throw new Error(`no valid answer for "${q.id}" (${q.type}): ${refused.join(' / ')}`);
}

/** Sends an answer main refuses (empty, or a choice that is not offered): the question comes back with its error. */
async function refuse(id: string): Promise<void> {
  const q = expectStep(kiosk.runtime.applications.current(), 'question').question;
  const value = q.type === 'choice' ? 'no-such-choice' : '';
  const back = expectStep(await call(kiosk.runtime, 'application.answer', { questionId: id, value }), 'question');
  assert.ok(back.question.id === id && back.errors.length > 0, `"${id}" refuses ${JSON.stringify(value)}`);
}

async function setLargeText(page: Page, large: boolean): Promise<void> {
  const now = await page.evaluate(() => document.documentElement.dataset.textSize === 'large');
  if (now !== large) await page.getByTestId('text-size').click();
  await page.waitForFunction((want) => (document.documentElement.dataset.textSize === 'large') === want, large);
}

type Measure = { next: number; question: number; width: number; small: string[]; tiny: string[] };

/** Where つぎへ and the question end (from the top of the page), the page width, and undersized keys/text in the question. */
function measure(page: Page): Promise<Measure> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.getByTestId('app-question').evaluate((section) => {
    const next = section.querySelector('[data-testid="question-next"]');
    const buttons = Array.from(section.querySelectorAll('.app-question__body button')).filter((b) => b.getBoundingClientRect().width > 0);
    const small: string[] = [];
    const tiny: string[] = [];
    for (const b of buttons) {
      const r = b.getBoundingClientRect();
      const name = b.getAttribute('data-testid') ?? b.textContent ?? '';
      if (r.width < 72 || r.height < 72) small.push(`${name} ${Math.round(r.width)}x${Math.round(r.height)}`);
      const font = parseFloat(getComputedStyle(b).fontSize);
      if (font < 28) tiny.push(`${name} ${font}px`);
    }
    return {
      next: next ? next.getBoundingClientRect().bottom + window.scrollY : Infinity,
      question: section.getBoundingClientRect().bottom + window.scrollY,
      width: document.documentElement.scrollWidth,
      small,
      tiny,
    };
  });
}

/** What a walk found: problems, every measurement's name, and the room left under つぎへ per case. */
type Findings = { problems: string[]; measured: string[]; room: { where: string; left: number }[][] };

/**
 * Walks every kiosk-fillable life event through the UI, measuring each question for which
 * `measured(q)` holds in both cases, as asked and with an error; the others are answered at once.
 */
async function walkEvents(page: Page, measureQuestion: (q: Question) => boolean, label: string, found: Findings): Promise<void> {
  let at = 0; // which CASES entry the page shows now
  const apply = async (i: number) => {
    await page.setViewportSize(CASES[i]!.viewport);
    await setLargeText(page, CASES[i]!.large);
    at = i;
  };
  await apply(0);
  for (const eventId of EVENTS) {
    await page.getByTestId('journey-application').click();
    await page.getByTestId(`guide-event-${eventId}`).click();
    await page.getByTestId('event-start').click();
    await page.getByTestId('identify-manual').click();
    let id: string | null = (await page.getByTestId('app-question').getAttribute('data-question', { timeout: 20_000 })) ?? '';
    const asked: string[] = [];
    while (id !== null) {
      assert.ok(asked.length < 60, `${eventId}: the interview ends`);
      asked.push(id);
      const q = expectStep(kiosk.runtime.applications.current(), 'question').question;
      if (measureQuestion(q)) {
        const screen = page.locator(`[data-testid="app-question"][data-question="${id}"]`);
        await screen.waitFor({ timeout: 20_000 });
        // As asked, then with an error under the answer (the tallest state a citizen meets):
        // both cases each time, starting with the one on screen (half the switches).
        for (const state of ['asked', 'with an error'] as const) {
          if (state === 'with an error') {
            await refuse(id);
            await screen.getByTestId('question-error').waitFor({ timeout: 20_000 });
          }
          for (const i of [at, 1 - at]) {
            if (i !== at) await apply(i);
            const { viewport, label: caseLabel } = CASES[i]!;
            const m = await measure(page);
            const where = `${eventId} / ${id} (${label}, ${caseLabel}, ${state})`;
            if (m.next > viewport.height) found.problems.push(`${where}: つぎへ ends at ${Math.round(m.next)} px > ${viewport.height}`);
            if (m.question > viewport.height) found.problems.push(`${where}: the question ends at ${Math.round(m.question)} px > ${viewport.height}`);
            if (m.width > viewport.width) found.problems.push(`${where}: sideways scrolling (${m.width} > ${viewport.width})`);
            if (m.small.length > 0) found.problems.push(`${where}: keys below 72 px: ${m.small.slice(0, 4).join(', ')}`);
            if (m.tiny.length > 0) found.problems.push(`${where}: key text below 28 px: ${m.tiny.slice(0, 4).join(', ')}`);
            found.measured.push(where);
            found.room[i]!.push({ where, left: Math.round(viewport.height - Math.max(m.next, m.question)) });
          }
        }
        await assertTouchFriendly(page);
      }
      id = await answer();
    }
    await page.getByTestId('app-review').waitFor({ timeout: 20_000 });
    assert.ok(asked.length > 0, `${eventId}: questions were asked`);
    await kiosk.runtime.session.end('cancel');
    await page.getByTestId('app-review').waitFor({ state: 'detached', timeout: 20_000 });
  }
}

function reportTightest(found: Findings): void {
  for (const list of found.room) {
    const tight = [...list].sort((a, b) => a.left - b.left).slice(0, 3);
    console.log(`# tightest: ${tight.map((r) => `${r.where} ${r.left} px left`).join('; ')}`);
  }
}

const isDate = (q: Question) => q.type === 'date' || q.type === 'era-date';

test(
  `every question of every kiosk-fillable life event fits the window on the tallest day (${EVENTS.length} events; landscape standard text, portrait larger text)`,
  { timeout: 240_000 },
  async () => {
    assert.ok(EVENTS.length >= 5, `life events with kiosk forms: ${EVENTS.join(', ')}`);
    const found: Findings = { problems: [], measured: [], room: CASES.map(() => []) };
    clock.goTo(TALLEST_DAY);
    await withKioskPage(browser, kiosk, 'every-question-fits', (page) => walkEvents(page, () => true, TALLEST_DAY, found));
    assert.deepEqual(found.problems, [], `question screens that do not fit (${found.measured.length} measured)`);
    // Every event contributes screens in both cases, and the day was the tallest one.
    for (const eventId of EVENTS)
      assert.ok(
        found.measured.some((m) => m.startsWith(`${eventId} / `)),
        `${eventId} measured`,
      );
    assert.ok(
      found.measured.some((m) => m.includes('/ moveDate (')),
      'a date question defaulting to today was measured',
    );
    reportTightest(found);
    console.log(
      `# every-question-fits: ${EVENTS.length} events, ${found.measured.length / CASES.length / 2} question screens, ${found.measured.length} measurements`,
    );
  },
);

test(`every date question fits on the calendar's worst days (${WORST_DAYS.join(', ')})`, { timeout: 240_000 }, async () => {
  const found: Findings = { problems: [], measured: [], room: CASES.map(() => []) };
  await withKioskPage(browser, kiosk, 'every-date-question-fits', async (page) => {
    for (const day of WORST_DAYS) {
      clock.goTo(day);
      await walkEvents(page, isDate, day, found);
    }
  });
  assert.deepEqual(found.problems, [], `date question screens that do not fit (${found.measured.length} measured)`);
  for (const day of WORST_DAYS)
    assert.ok(
      found.measured.some((m) => m.includes(`(${day}, `)),
      `date questions measured on ${day}`,
    );
  reportTightest(found);
});
