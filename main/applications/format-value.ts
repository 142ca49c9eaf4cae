/**
 * How a field value reads on the review screen and on the printed form: dates in 和暦
 * (「令和元年5月1日」), choices by their Japanese label, checkboxes as はい/いいえ, postal codes
 * as 〒802-0001. Total: an unknown value prints as ''.
 */
import type { AnswerValue, FieldType } from '../../contract/applications';
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
