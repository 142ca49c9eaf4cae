/**
 * Fills one planned form: card values, presets, active answers and derived values, in template
 * order (a derived field may use one derived before it). Fields whose condition fails are left out.
 */
import type { AnswerValue } from '../../contract/applications';
import type { ApplicationsCatalog } from './catalog';
import { evaluateCondition } from './conditions';
import { deriveValue } from './derive';
import type { DerivedRule, TemplateField } from './form-template-schema';
import { isQuestionActive, type InterviewState, type Plan } from './interview-plan';

/** Answers of questions that still apply (a changed answer can make earlier ones moot). */
export function activeAnswers(plan: Plan, state: InterviewState): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const q of plan.questions) {
    const v = state.answers[q.id];
    if (v !== undefined && isQuestionActive(plan, state, q)) out[q.id] = v;
  }
  return out;
}

export type FieldOrigin = 'card' | 'interview' | 'derived' | 'preset';

/** Every printed field of one planned form with its value and origin (undefined when unknown). */
export function fillForm(
  plan: Plan,
  state: InterviewState,
  form: Plan['forms'][number],
  catalog: ApplicationsCatalog,
): { field: TemplateField; value: AnswerValue | undefined; origin: FieldOrigin }[] {
  const template = catalog.forms.templates.get(form.templateId)!;
  const values: Record<string, AnswerValue> = { ...plan.known, ...activeAnswers(plan, state), ...form.presets };
  const out: { field: TemplateField; value: AnswerValue | undefined; origin: FieldOrigin }[] = [];
  for (const field of template.fields) {
    if (field.when && !conditionHolds(field, values)) continue;
    let value: AnswerValue | undefined;
    let origin: FieldOrigin;
    if (field.source.startsWith('derived:')) {
      value = deriveValue(field.source.slice('derived:'.length) as DerivedRule, field.args ?? [], values, state.today);
      origin = 'derived';
      if (value !== undefined) values[field.id] = value;
    } else if (field.id in form.presets) {
      value = form.presets[field.id];
      origin = 'preset';
    } else if (field.source.startsWith('card.') && plan.known[field.id] !== undefined) {
      value = plan.known[field.id];
      origin = 'card';
    } else {
      value = values[field.id];
      origin = 'interview';
    }
    out.push({ field, value, origin });
  }
  return out;
}

function conditionHolds(field: TemplateField, values: Record<string, AnswerValue>): boolean {
  return evaluateCondition(field.when, values);
}
