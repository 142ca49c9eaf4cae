/**
 * The guided interview of the 書かない窓口: plan from a life event (or procedure ids) and what
 * the card gave, ask only the rest one question at a time, validate each answer, then review and
 * build every filled form the event needs from that single entry.
 *
 * All functions are pure over a plain-JSON `InterviewState`; none throws on bad input.
 */
import type { AnswerValue, CardFacts, Question, ValidationError } from '../../contract/applications';
import { cardFactsSchema } from '../../contract/applications';
import { defaultCatalog, type ApplicationsCatalog } from './catalog';
import { deriveValue } from './derive';
import { todayInJapan } from '../../contract/japanese-calendar';
import { systemClock } from '../../platform/clock';
import { CARD_SOURCES } from './form-template-schema';
import { activeOwners, expandPlan, isQuestionActive, type InterviewState, type Plan, type PlannedQuestion } from './interview-plan';
import { validateAnswer } from './validate-answer';

export type { InterviewState } from './interview-plan';

export type PlanTarget = { eventId: string; include?: readonly string[] } | { procedureIds: readonly string[] };

export type PlanError = { code: 'unknown-event' | 'unknown-procedure' | 'not-kiosk-procedure' | 'nothing-to-fill' | 'bad-card-facts'; id?: string };

export interface PlanOptions {
  /** Filling date (ISO); default today in Japan. */
  readonly today?: string;
  readonly catalog?: ApplicationsCatalog;
}

const SCREENING_FIELD = { type: 'checkbox' as const, validation: { required: true } };

/**
 * Starts an interview. With an event, its kiosk procedures are included (optional ones only if
 * listed in `include`); screening questions decide the conditional ones as they are answered.
 */
export function planInterview(
  target: PlanTarget,
  card: CardFacts | null,
  opts: PlanOptions = {},
): { ok: true; state: InterviewState; questions: Question[] } | { ok: false; error: PlanError } {
  const catalog = opts.catalog ?? defaultCatalog();
  const today = opts.today ?? todayInJapan(systemClock.now());
  const facts = cardFactsSchema.safeParse(card ?? {});
  if (!facts.success) return { ok: false, error: { code: 'bad-card-facts' } };
  let procedures: InterviewState['procedures'];
  let eventId: string | null = null;
  if ('eventId' in target) {
    const ev = catalog.guide.events.find((e) => e.id === target.eventId);
    if (!ev) return { ok: false, error: { code: 'unknown-event', id: String(target.eventId) } };
    eventId = ev.id;
    procedures = ev.procedures
      .filter((r) => catalog.guide.procedures.get(r.id)?.kioskCanDo && (!r.optional || target.include?.includes(r.id)))
      .map((r) => (r.when ? { id: r.id, when: r.when } : { id: r.id }));
  } else {
    const list: { id: string }[] = [];
    for (const id of target.procedureIds) {
      const p = catalog.guide.procedures.get(id);
      if (!p) return { ok: false, error: { code: 'unknown-procedure', id: String(id) } };
      if (!p.kioskCanDo) return { ok: false, error: { code: 'not-kiosk-procedure', id } };
      if (!list.some((x) => x.id === id)) list.push({ id });
    }
    procedures = list;
  }
  if (procedures.length === 0) return { ok: false, error: { code: 'nothing-to-fill' } };
  const state: InterviewState = { eventId, procedures, today, card: cardValues(facts.data, catalog, today), answers: {} };
  return { ok: true, state, questions: currentQuestions(state, catalog) };
}

/** Card facts → values by source, each validated as its field would be (a bad one is asked instead). */
function cardValues(facts: CardFacts, catalog: ApplicationsCatalog, today: string): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  const raw: Record<string, unknown> = {
    'card.name': facts.name,
    'card.address': facts.address,
    'card.birthDate': facts.birthDate,
    'card.sex': facts.sex,
    'card.myNumber': facts.myNumber,
  };
  for (const source of CARD_SOURCES) {
    if (raw[source] === undefined) continue;
    const field = [...catalog.forms.fields.values()].find((f) => f.source === source);
    if (!field) continue;
    const r = validateAnswer(field, raw[source], today);
    if (r.ok && r.value !== '') out[source] = r.value;
  }
  return out;
}

function toQuestion(plan: Plan, state: InterviewState, q: PlannedQuestion): Question {
  if (q.screening) {
    return {
      id: q.id,
      label: q.screeningLabel ?? { ja: q.id, en: q.id },
      type: 'checkbox',
      validation: { required: true },
      usedBy: [],
      screening: true,
    };
  }
  const owners = activeOwners(plan, state, q);
  const field = (owners[0] ?? q.owners[0]!).field;
  const values = { ...plan.known, ...state.answers };
  let defaultValue = field.defaultValue;
  if (field.defaultFrom) defaultValue = deriveValue(field.defaultFrom.rule, field.defaultFrom.args, values, state.today) ?? defaultValue;
  if (defaultValue !== undefined && !validateAnswer(field, defaultValue, state.today).ok) defaultValue = undefined;
  return {
    id: field.id,
    label: field.label,
    type: field.type,
    validation: field.validation,
    ...(field.help ? { help: field.help } : {}),
    ...(field.options ? { options: field.options } : {}),
    ...(defaultValue !== undefined ? { defaultValue } : {}),
    usedBy: [...new Set(owners.map((o) => o.form.templateId))],
    screening: false,
  };
}

/** The questions that apply now, in order (answered ones included, for the progress bar). */
export function currentQuestions(state: InterviewState, catalog: ApplicationsCatalog = defaultCatalog()): Question[] {
  const plan = expandPlan(state, catalog);
  return plan.questions.filter((q) => isQuestionActive(plan, state, q)).map((q) => toQuestion(plan, state, q));
}

/** The first applicable question without an answer, or null when the review can start. */
export function nextQuestion(state: InterviewState, catalog: ApplicationsCatalog = defaultCatalog()): Question | null {
  const plan = expandPlan(state, catalog);
  const q = plan.questions.find((x) => isQuestionActive(plan, state, x) && state.answers[x.id] === undefined);
  return q ? toQuestion(plan, state, q) : null;
}

/** Records an answer (also to change one from the review). Returns a new state or a validation error. */
export function answer(
  state: InterviewState,
  questionId: unknown,
  value: unknown,
  catalog: ApplicationsCatalog = defaultCatalog(),
): { ok: true; state: InterviewState } | { ok: false; error: ValidationError } {
  const id = typeof questionId === 'string' ? questionId : '';
  const plan = expandPlan(state, catalog);
  const q = plan.questions.find((x) => x.id === id);
  const err = (code: 'unknown-question' | 'not-applicable'): { ok: false; error: ValidationError } => ({
    ok: false,
    error: { code, messageKey: `applications.validation.${code}`, params: {}, questionId: id },
  });
  if (!q) return err('unknown-question');
  if (!isQuestionActive(plan, state, q)) return err('not-applicable');
  const field = q.screening ? { id, ...SCREENING_FIELD } : (activeOwners(plan, state, q)[0] ?? q.owners[0]!).field;
  const r = validateAnswer(field, value, state.today);
  if (!r.ok) return r;
  return { ok: true, state: { ...state, answers: { ...state.answers, [id]: r.value } } };
}

/** Ids of applicable questions still unanswered (empty when the forms can be built). */
export function missingAnswers(state: InterviewState, catalog: ApplicationsCatalog = defaultCatalog()): string[] {
  const plan = expandPlan(state, catalog);
  return plan.questions.filter((q) => isQuestionActive(plan, state, q) && state.answers[q.id] === undefined).map((q) => q.id);
}

export { activeAnswers, fillForm, type FieldOrigin } from './interview-fill';
export { review, buildFilledForms } from './interview-output';
