/**
 * The review screen's facts: each value once, however many forms print it. A fact printed on
 * more than one form (name, address, birth date…) goes in the shared group and names the forms
 * that use it; a fact only one form prints goes under that form. Same field id and same printed
 * value make the same fact (the interview fills every form that needs an answer from one answer).
 */
import type { ReviewField, ReviewForm, LocalizedText } from '../../../contract/applications';

export interface ReviewFact {
  /** Unique on the screen: the field id, with the form's id when forms print it differently. */
  key: string;
  field: ReviewField;
  /** The forms that print it, in the order of the forms. */
  forms: { templateId: string; title: LocalizedText }[];
}

export interface ReviewGroups {
  /** Facts printed on more than one form. */
  shared: ReviewFact[];
  /** Each form with the facts only it prints (a form with none is still listed: it is printed). */
  forms: { form: ReviewForm; facts: ReviewFact[] }[];
}

export function groupReviewFacts(forms: readonly ReviewForm[]): ReviewGroups {
  const facts = new Map<string, ReviewFact>();
  const order: ReviewFact[] = [];
  for (const form of forms) {
    for (const field of form.fields) {
      const identity = `${field.fieldId}\u0000${field.display}`;
      let fact = facts.get(identity);
      if (!fact) {
        fact = { key: field.fieldId, field, forms: [] };
        facts.set(identity, fact);
        order.push(fact);
      }
      if (!fact.forms.some((f) => f.templateId === form.templateId)) fact.forms.push({ templateId: form.templateId, title: form.title });
    }
  }
  // The same field printed with different values on different forms: each keeps its own key.
  const byField = new Map<string, number>();
  for (const fact of order) byField.set(fact.field.fieldId, (byField.get(fact.field.fieldId) ?? 0) + 1);
  for (const fact of order) if (byField.get(fact.field.fieldId)! > 1) fact.key = `${fact.field.fieldId}-${fact.forms[0]!.templateId}`;

  return {
    shared: order.filter((f) => f.forms.length > 1),
    forms: forms.map((form) => ({ form, facts: order.filter((f) => f.forms.length === 1 && f.forms[0]!.templateId === form.templateId) })),
  };
}
