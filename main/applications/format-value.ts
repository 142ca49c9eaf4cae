/**
 * How a field value reads on the review screen and on the printed form: dates in 和暦
 * (「令和元年5月1日」), choices by their Japanese label, checkboxes as はい/いいえ, postal codes
 * as 〒802-0001. Total: an unknown value prints as ''.
 */
import type { AnswerValue, FieldType, LocalizedText, ReviewField } from '../../contract/applications';
import { warekiText } from '../../contract/japanese-calendar';

export interface DisplayableField {
  readonly type: FieldType;
  readonly options?: readonly { value: string; label: { ja: string } }[];
}

export function formatValue(field: DisplayableField, value: AnswerValue | undefined): string {
  if (value === undefined || value === '') return '';
  switch (field.type) {
    case 'date':
    case 'era-date':
      return warekiText(value) ?? String(value);
    case 'choice':
      return field.options?.find((o) => o.value === value)?.label.ja ?? String(value);
    case 'checkbox':
      return value === true ? 'はい' : value === false ? 'いいえ' : '';
    case 'postal': {
      const s = String(value);
      return /^\d{7}$/.test(s) ? `〒${s.slice(0, 3)}-${s.slice(3)}` : s;
    }
    default:
      return String(value);
  }
}

/** A field whose choices carry their labels in every language of the content. */
export interface ReviewableField extends DisplayableField {
  readonly options?: readonly { value: string; label: LocalizedText }[];
}

/**
 * The value as the review screen can show it in the citizen's language (the printed form stays
 * Japanese): dates as ISO days, choices with all their labels, checkboxes as yes/no. Undefined for
 * text, numbers and anything unknown, which the screen shows as printed.
 */
export function reviewValue(field: ReviewableField, value: AnswerValue | undefined): ReviewField['value'] {
  if (value === undefined || value === '') return undefined;
  switch (field.type) {
    case 'date':
    case 'era-date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { kind: 'date', iso: value } : undefined;
    case 'choice': {
      const option = field.options?.find((o) => o.value === value);
      return option ? { kind: 'choice', label: option.label } : undefined;
    }
    case 'checkbox':
      return typeof value === 'boolean' ? { kind: 'yes-no', yes: value } : undefined;
    default:
      return undefined;
  }
}
