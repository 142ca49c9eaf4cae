/**
 * The applications journey's screens (書かない窓口) for the gallery, from the demo ward's real
 * content: the guide and its search under the keyboard, every life event, every step of
 * contract/application-journey.ts, a representative question of every widget type, and the
 * review as main builds it. `questionScenes` adds every question of every event on a given day.
 */
import type { ApplicationView } from '../../contract/application-journey';
import { fieldTypeSchema, type FieldType } from '../../contract/applications';
import type { Language } from '../../contract/kiosk-api';
import { defaultCatalog } from '../../main/applications/catalog';
import { guideEventView } from '../../main/applications/guide-data';
import { searchGuide } from '../../main/applications/guide-search';
import { fillableEvents, walkEvent, type EventWalk } from './interview-walk';
import { activeSession, pageScene, type Scene } from './scene';

type QuestionView = Extract<ApplicationView, { step: 'question' }>;

/** The day the representative screens are drawn on: the tallest date picker (31 days, 令和元年, 平成 in the window). */
export const TALLEST_DAY = '2019-05-31';

const testId = (id: string) => `[data-testid="${id}"]`;

function app(id: string, view: ApplicationView, ready: string, more: Partial<Scene> = {}): Scene {
  const answers = more.page?.answers ?? {};
  return { id: `application/${id}`, ready, ...more, page: pageScene({ session: activeSession('application'), application: view, answers }) };
}

function guideView(): Extract<ApplicationView, { step: 'guide' }> {
  const { guide } = defaultCatalog();
  return {
    step: 'guide',
    events: guide.events.map((ev) => ({
      id: ev.id,
      title: ev.title,
      ...(ev.group ? { group: ev.group } : {}),
      kioskProcedures: ev.procedures.filter((r) => guide.procedures.get(r.id)?.kioskCanDo).length,
    })),
  };
}

function question(id: string, view: QuestionView, refused: boolean, more: Partial<Scene> = {}): Scene {
  const screen = `${testId('app-question')}[data-question="${view.question.id}"]`;
  const ready = refused ? `${screen} ${testId('question-error')}` : `${screen}:not(:has(${testId('question-error')}))`;
  return app(id, view, ready, { questionKeys: true, ...more });
}

/** Both states of each question: as asked, and with main's error under it (the tallest a citizen meets). */
function questionPair(id: string, q: EventWalk['asked'][number], more: Partial<Scene> = {}): Scene[] {
  // An optional question main accepts empty has no refused state to draw.
  const refusable = q.refused.errors.length > 0;
  return [question(id, q.view, false, more), ...(refusable ? [question(`${id}-refused`, q.refused, true, more)] : [])];
}

/**
 * A widget type no form uses yet is drawn on a real question of the nearest type (the Western
 * calendar's date picker on an era-date question, any other on a text question).
 */
function borrowed(type: FieldType, best: Map<FieldType, EventWalk['asked'][number]>): EventWalk['asked'][number] | null {
  const from = best.get(type === 'date' ? 'era-date' : 'text');
  if (!from) return null;
  const as = (v: QuestionView): QuestionView => ({ ...v, question: { ...v.question, id: `gallery-${type}`, type } });
  return { view: as(from.view), refused: { ...as(from.refused), errors: from.refused.errors.map((e) => ({ ...e, questionId: `gallery-${type}` })) } };
}

/** The tallest question of each widget type across every event (most options, else the longest label and help). */
function representatives(walks: EventWalk[]): Map<FieldType, EventWalk['asked'][number]> {
  const size = (v: QuestionView) => (v.question.options?.length ?? 0) * 1000 + v.question.label.ja.length + (v.question.help?.ja.length ?? 0);
  const best = new Map<FieldType, EventWalk['asked'][number]>();
  for (const walk of walks)
    for (const q of walk.asked) {
      const type = q.view.question.type;
      const now = best.get(type);
      if (!now || size(q.view) > size(now.view)) best.set(type, q);
    }
  for (const type of fieldTypeSchema.options) {
    const stand = best.has(type) ? null : borrowed(type, best);
    if (stand) best.set(type, stand);
  }
  return best;
}

export function applicationScenes(): Scene[] {
  const catalog = defaultCatalog();
  const walks = fillableEvents().map((id) => walkEvent(id, TALLEST_DAY));
  // The review with the most lines: the longest one a citizen meets.
  const longest = [...walks].sort((a, b) => lines(b) - lines(a))[0]!;
  const printed = longest.review.map((f) => f.title);
  const hits = searchGuide(catalog.index, 'てつづき').slice(0, 8);
  const guide = guideView();
  const scenes: Scene[] = [
    app('idle', { step: 'idle' }, testId('app-progress-starting')),
    app('guide', guide, testId('app-guide'), { long: true }),
    app('guide-search', guide, testId('guide-results'), {
      long: true,
      page: pageScene({ answers: { 'application.searchGuide': hits } }),
      act: async (page) => {
        await page.getByTestId('guide-search-open').click();
        await page.locator('[data-testid^="search-key-"]').first().click();
      },
    }),
    ...catalog.guide.events.map((ev) =>
      app(`event-${ev.id}`, { step: 'event', event: guideEventView(catalog.guide, ev.id)!, included: [] }, `${testId('app-event')} #event-title`, {
        long: true,
        ready: `${testId('app-event')}:has(${testId(`event-procedure-${ev.procedures[0]!.id}`)})`,
      }),
    ),
    app('identify', { step: 'identify' }, testId('app-identify')),
    app('identify-message', { step: 'identify', messageKey: 'application.error.pinBlocked' }, `${testId('app-identify')} .step-message`),
    app('insert-card', { step: 'insert-card' }, testId('cert-insert-card')),
    app('reading-card', { step: 'reading-card' }, testId('app-progress-reading')),
    app('pin', { step: 'pin', triesLeft: 1, lastTry: true, errorKey: 'application.error.wrongPin' }, testId('cert-pin')),
    ...[...representatives(walks)].flatMap(([type, q]) => questionPair(`question-${type}`, q)),
    app('review', { step: 'review', forms: longest.review, canSign: true }, testId('app-review'), { long: true }),
    app('review-error', { step: 'review', forms: longest.review, errorKey: 'application.error.notSaved' }, testId('review-error'), { long: true }),
    app('sign-choice', { step: 'sign-choice', canSign: true }, testId('sign-with')),
    app('sign-choice-locked', { step: 'sign-choice', canSign: false, messageKey: 'application.error.signPasswordLocked' }, testId('sign-message')),
    app('sign-insert-card', { step: 'sign-insert-card', messageKey: 'application.error.signOtherCard' }, testId('cert-insert-card')),
    app(
      'sign-password',
      { step: 'sign-password', triesLeft: 1, lastTry: true, errorKey: 'application.error.wrongSignPassword' },
      testId('sign-password-last-try'),
    ),
    app('signing', { step: 'signing' }, testId('app-progress-signing')),
    app('submitting', { step: 'submitting' }, testId('app-progress-submitting')),
    app('printing', { step: 'printing', formsDone: 1, formsTotal: printed.length }, testId('app-progress-printing')),
    app('done', { step: 'done', receiptNumber: 'K-20261207-0042', delivery: 'accepted', printed, takeCard: true, eSigned: true }, testId('done-e-signed'), {
      long: true,
    }),
    app(
      'done-queued',
      { step: 'done', receiptNumber: 'K-20261207-0043', delivery: 'queued', printed, takeCard: false, eSigned: false },
      testId('done-queued'),
      { long: true },
    ),
    app(
      'failed',
      { step: 'failed', messageKey: 'application.error.printFailed', receiptNumber: 'K-20261207-0044', takeCard: true },
      testId('app-failed-receipt'),
    ),
    app(
      'failed-plain',
      { step: 'failed', messageKey: 'application.error.notSaved', receiptNumber: null, takeCard: false },
      `${testId('app-failed')}:not(:has(${testId('app-failed-receipt')}))`,
    ),
  ];
  return scenes;
}

function lines(walk: EventWalk): number {
  return walk.review.reduce((n, f) => n + f.fields.length, 0);
}

/** Every question of every kiosk-fillable event on `isoDay` (each once: shared ones are asked once per event), asked and refused. */
export function questionScenes(isoDay: string, only: (q: QuestionView) => boolean, languages: readonly Language[]): Scene[] {
  const seen = new Set<string>();
  const scenes: Scene[] = [];
  for (const walk of fillableEvents().map((id) => walkEvent(id, isoDay)))
    for (const q of walk.asked) {
      const id = q.view.question.id;
      if (seen.has(id) || !only(q.view)) continue;
      seen.add(id);
      scenes.push(...questionPair(`question-${walk.eventId}-${id}@${isoDay}`, q, { languages }));
    }
  return scenes;
}

/** The widget types no representative question covers (the gallery must draw every one). */
export function uncoveredFieldTypes(scenes: readonly Scene[]): FieldType[] {
  const drawn = new Set(scenes.flatMap((s) => (s.page.application.step === 'question' ? [s.page.application.question.type] : [])));
  return fieldTypeSchema.options.filter((t) => !drawn.has(t));
}
