/**
 * Every question screen of every life event the kiosk fills, as main would send it on a given
 * day: the pure interview engine (main/applications/) plans each event with all its optional
 * procedures, and each question is answered like the sample resident would (screening questions
 * 「はい」, which bring in the most questions). The day is the kiosk clock's (`todayInJapan` of a
 * movable clock, as kiosk-runtime.ts does), so date questions carry the bounds of that day.
 */
import type { AnswerValue, Question, ReviewForm } from '../../contract/applications';
import { todayInJapan } from '../../contract/japanese-calendar';
import type { QuestionView } from '../../main/application-journey/interview-steps';
import { questionView } from '../../main/application-journey/interview-steps';
import { defaultCatalog } from '../../main/applications/catalog';
import { answer, nextQuestion, planInterview, review, type InterviewState } from '../../main/applications/interview';
import { TAKAHASHI } from '../support/form-samples';
import { movableClock } from '../support/kiosk-clock';

export interface EventWalk {
  eventId: string;
  /** Each question as first asked, and the same screen after an answer main refused. */
  asked: { view: QuestionView; refused: QuestionView }[];
  review: ReviewForm[];
}

/** The life events with at least one procedure the kiosk fills in. */
export function fillableEvents(): string[] {
  const { guide } = defaultCatalog();
  return guide.events.filter((e) => e.procedures.some((p) => guide.procedures.get(p.id)?.kioskCanDo)).map((e) => e.id);
}

/** Valid answers to try in order: the sample resident's, the one on screen, the suggested one, then one by type. */
function candidates(q: Question, shown: AnswerValue | undefined): AnswerValue[] {
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
    case 'date':
    case 'era-date':
      out.push('2026-11-28', '2000-01-01', v.maxDate, v.minDate);
      break;
    default:
      out.push('髙橋　健太', '1');
  }
  return out.filter((x): x is AnswerValue => x !== undefined);
}

const walks = new Map<string, EventWalk>();

/** Walks one event's interview on `isoDay` (the kiosk clock's day); each walk is made once. */
export function walkEvent(eventId: string, isoDay: string): EventWalk {
  const key = `${eventId}@${isoDay}`;
  let walk = walks.get(key);
  if (!walk) walks.set(key, (walk = walkOnce(eventId, isoDay)));
  return walk;
}

function walkOnce(eventId: string, isoDay: string): EventWalk {
  const catalog = defaultCatalog();
  const today = todayInJapan(movableClock(isoDay).now());
  const event = catalog.guide.events.find((e) => e.id === eventId);
  const include = (event?.procedures ?? []).filter((p) => p.optional).map((p) => p.id);
  const plan = planInterview({ eventId, include }, null, { today, catalog });
  if (!plan.ok) throw new Error(`${eventId}: no interview (${plan.error.code})`);
  let state: InterviewState = plan.state;
  const asked: EventWalk['asked'] = [];
  for (let q = nextQuestion(state, catalog); q !== null; q = nextQuestion(state, catalog)) {
    if (asked.length >= 80) throw new Error(`${eventId}: the interview does not end`);
    const view = questionView(state, q.id, false, catalog)!;
    // An answer main refuses: empty, or a choice that is not offered.
    const bad = answer(state, q.id, q.type === 'choice' ? 'no-such-choice' : '', catalog);
    const refused = bad.ok ? view : questionView(state, q.id, false, catalog, [bad.error])!;
    asked.push({ view, refused });
    // The view's question carries the date bounds resolved on the day: the latest and earliest allowed days are answers.
    const next = candidates(view.question, view.value)
      .map((value) => answer(state, q.id, value, catalog))
      .find((r) => r.ok);
    if (!next?.ok) throw new Error(`${eventId}: no valid answer for "${q.id}" (${q.type})`);
    state = next.state;
  }
  return { eventId, asked, review: review(state, catalog) };
}
