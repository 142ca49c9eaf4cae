/**
 * The end of the interview: the review screen (every form, every printed field, where each
 * value came from) and the filled forms for printing and submission.
 */
import type { FilledForm, ReviewForm, AnswerValue } from '../../contract/applications';
import { defaultCatalog, type ApplicationsCatalog } from './catalog';
import { formatValue, reviewValue } from './format-value';
import { fillForm } from './interview-fill';
import { isMyNumberField, maskMyNumber } from './mask-my-number';
import { expandPlan, isQuestionActive, type InterviewState } from './interview-plan';

/** Fields per applicable form, for the review screen. */
export function review(state: InterviewState, catalog: ApplicationsCatalog = defaultCatalog()): ReviewForm[] {
  const plan = expandPlan(state, catalog);
  return plan.forms
    .filter((f) => f.active)
    .map((form) => {
      const template = catalog.forms.templates.get(form.templateId)!;
      return {
        templateId: form.templateId,
        procedureId: form.procedureId,
        title: template.title,
        fields: fillForm(plan, state, form, catalog).map(({ field, value, origin }) => {
          const asked = plan.questions.find((q) => q.id === field.id && !q.screening);
          const editable = origin === 'interview' && asked !== undefined && isQuestionActive(plan, state, asked);
          const display = formatValue(field, value);
          const shown = reviewValue(field, value);
          return {
            // The renderer never receives the full 個人番号: the review shows its last 4 digits only.
            fieldId: field.id,
            label: field.label,
            display: isMyNumberField(field) ? maskMyNumber(display) : display,
            source: origin,
            ...(editable ? { editQuestionId: field.id } : {}),
            ...(shown && !isMyNumberField(field) ? { value: shown } : {}),
          };
        }),
      };
    });
}

export type BuildResult = { ok: true; forms: FilledForm[] } | { ok: false; error: { code: 'incomplete'; missing: string[] } };

/** Every applicable form with its values; refused while an applicable question is unanswered. */
export function buildFilledForms(state: InterviewState, catalog: ApplicationsCatalog = defaultCatalog()): BuildResult {
  const plan = expandPlan(state, catalog);
  const missing = plan.questions.filter((q) => isQuestionActive(plan, state, q) && state.answers[q.id] === undefined).map((q) => q.id);
  if (missing.length > 0) return { ok: false, error: { code: 'incomplete', missing } };
  const forms = plan.forms
    .filter((f) => f.active)
    .map((form): FilledForm => {
      const values: Record<string, AnswerValue> = {};
      for (const { field, value } of fillForm(plan, state, form, catalog)) if (value !== undefined) values[field.id] = value;
      const template = catalog.forms.templates.get(form.templateId)!;
      return { templateId: form.templateId, procedureId: form.procedureId, title: template.title, filledOn: state.today, values };
    });
  return { ok: true, forms };
}
