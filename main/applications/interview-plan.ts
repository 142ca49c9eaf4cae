/**
 * Expands an interview state into its plan: the procedures that apply (screening answers), the
 * forms they need, and the ordered union of questions over those forms. Each field id is one
 * question however many forms use it; card-provided and preset fields are not asked.
 * Pure: recomputed from the (serialisable) state on every call, so nothing goes stale.
 */
import type { AnswerValue, Condition } from '../../contract/applications';
import type { ApplicationsCatalog } from './catalog';
import { evaluateCondition } from './conditions';
import { conditionRefs, type TemplateField } from './form-template-schema';

/** The interview's whole memory; plain JSON, safe to keep in the session. */
export interface InterviewState {
  /** The life event, or null when planned from procedure ids. */
  readonly eventId: string | null;
  /** Kiosk procedures in the interview, in guide order, with their event-level condition. */
  readonly procedures: readonly { readonly id: string; readonly when?: Condition }[];
  /** The filling date (ISO, Japan time). */
  readonly today: string;
  /** Validated card values by source (`card.name` → '北九 太郎' (full-width space)). */
  readonly card: Readonly<Record<string, AnswerValue>>;
  /** Answers by question id, already normalised. */
  readonly answers: Readonly<Record<string, AnswerValue>>;
}

/** One form of one procedure, and whether the procedure currently applies. */
export interface PlannedForm {
  readonly procedureId: string;
  readonly templateId: string;
  readonly presets: Readonly<Record<string, AnswerValue>>;
  readonly active: boolean;
}

export interface QuestionOwner {
  readonly form: PlannedForm;
  readonly field: TemplateField;
}

export interface PlannedQuestion {
  readonly id: string;
  readonly screening: boolean;
  /** For a screening question: the guide's label. */
  readonly screeningLabel?: { ja: string; en: string };
  /** Form fields that need this answer, in plan order (empty for screening). */
  readonly owners: readonly QuestionOwner[];
}

export interface Plan {
  readonly forms: readonly PlannedForm[];
  readonly questions: readonly PlannedQuestion[];
  /** Field id → value known from the card. */
  readonly known: Readonly<Record<string, AnswerValue>>;
}

/** Values a form's conditions see: card, answers, then the procedure's presets. */
export function formContext(plan: Plan, state: InterviewState, form: PlannedForm): Record<string, AnswerValue> {
  return { ...plan.known, ...state.answers, ...form.presets };
}

export function expandPlan(state: InterviewState, catalog: ApplicationsCatalog): Plan {
  const forms: PlannedForm[] = [];
  const seenTemplates = new Set<string>();
  const screeningIds: string[] = [];
  for (const ref of state.procedures) {
    const proc = catalog.guide.procedures.get(ref.id);
    if (!proc) continue;
    const active = evaluateCondition(ref.when, state.answers);
    for (const q of conditionRefs(ref.when)) if (!screeningIds.includes(q)) screeningIds.push(q);
    for (const templateId of proc.formIds) {
      // One form per template: two procedures needing the same form share it (the first wins).
      if (seenTemplates.has(templateId)) continue;
      seenTemplates.add(templateId);
      forms.push({ procedureId: proc.id, templateId, presets: proc.presets ?? {}, active });
    }
  }
  const known: Record<string, AnswerValue> = {};
  const byId = new Map<string, { screening: boolean; owners: QuestionOwner[] }>();
  const order: string[] = [];
  for (const id of screeningIds) {
    byId.set(id, { screening: true, owners: [] });
    order.push(id);
  }
  for (const form of forms) {
    const template = catalog.forms.templates.get(form.templateId);
    if (!template) continue;
    // New questions go to the end, in template order: a form's conditions only read its earlier
    // fields, which are then always placed before (by this form or an earlier one).
    for (const field of template.fields) {
      if (field.source.startsWith('derived:')) continue;
      if (field.source.startsWith('card.') && state.card[field.source] !== undefined) {
        known[field.id] = state.card[field.source]!;
        continue;
      }
      if (field.id in form.presets) continue;
      let q = byId.get(field.id);
      if (!q) {
        q = { screening: false, owners: [] };
        byId.set(field.id, q);
        order.push(field.id);
      }
      q.owners.push({ form, field });
    }
  }
  const questions = order.map((id) => {
    const q = byId.get(id)!;
    const label = q.screening ? catalog.guide.screeningQuestions.get(id)?.label : undefined;
    return { id, screening: q.screening, owners: q.owners, ...(label ? { screeningLabel: label } : {}) };
  });
  return { forms, questions, known };
}

/** The owners whose form applies and whose field condition holds now. */
export function activeOwners(plan: Plan, state: InterviewState, q: PlannedQuestion): QuestionOwner[] {
  return q.owners.filter((o) => o.form.active && evaluateCondition(o.field.when, formContext(plan, state, o.form)));
}

/** A question is asked when it is a screening question or some applicable form needs it. */
export function isQuestionActive(plan: Plan, state: InterviewState, q: PlannedQuestion): boolean {
  return q.screening || activeOwners(plan, state, q).length > 0;
}
