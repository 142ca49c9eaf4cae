/**
 * Validates and normalises one answer against its field definition. Total: any value from the
 * renderer (string, number, boolean, {era,year,month,day}, garbage) gives either the normalised
 * value the forms print, or a `ValidationError` with a message key and parameters.
 */
import type { AnswerValue, FieldType, FieldValidation, ValidationError } from '../../contract/applications';
import { addDays, formatIso, fromWareki, parseIso, warekiText } from '../../contract/japanese-calendar';
import { isKatakanaText, normalizeKanaAnswer } from './kana';

export interface ValidatableField {
  readonly id: string;
  readonly type: FieldType;
  readonly options?: readonly { value: string }[];
  readonly validation: FieldValidation;
}

export type AnswerResult = { ok: true; value: AnswerValue } | { ok: false; error: ValidationError };

// Control and invisible formatting characters never belong on a printed form.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/u;

function fail(field: ValidatableField, code: ValidationError['code'], params: ValidationError['params'] = {}, messageKey?: string): AnswerResult {
  return { ok: false, error: { code, messageKey: messageKey ?? `applications.validation.${code}`, params, questionId: field.id } };
}

/** Resolves `today`, `today+N`, `today-N` or an ISO date. */
export function resolveDateBound(bound: string, today: string): string | null {
  const m = /^today([+-]\d+)?$/.exec(bound);
  if (m) return m[1] ? addDays(today, Number(m[1])) : today;
  return parseIso(bound) ? bound : null;
}

/**
 * The question with its relative date bounds (`today-365`) resolved to ISO days against `today`,
 * as the screen shows them: the one clock that decides a bound is the one that checks the answer.
 */
export function withDateBoundsOn<Q extends { readonly validation: FieldValidation }>(question: Q, today: string): Q {
  const { minDate, maxDate, ...rest } = question.validation;
  if (minDate === undefined && maxDate === undefined) return question;
  const min = minDate === undefined ? null : resolveDateBound(minDate, today);
  const max = maxDate === undefined ? null : resolveDateBound(maxDate, today);
  return { ...question, validation: { ...rest, ...(min ? { minDate: min } : {}), ...(max ? { maxDate: max } : {}) } };
}

/** The 個人番号 check digit (番号法施行令 第8条). */
export function myNumberCheckDigitOk(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(digits[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return Number(digits[11]) === (r <= 1 ? 0 : 11 - r);
}

function toDate(raw: unknown): string | null {
  if (typeof raw === 'string') {
    const s = raw.normalize('NFKC').trim().replace(/\//g, '-');
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (!m) return null;
    const iso = formatIso(Number(m[1]), Number(m[2]), Number(m[3]));
    return parseIso(iso) ? iso : null;
  }
  if (raw && typeof raw === 'object' && 'era' in raw) {
    const w = raw as { era: unknown; year: unknown; month: unknown; day: unknown };
    const r = fromWareki({ era: w.era, year: w.year, month: w.month, day: w.day });
    return r.ok ? r.value : null;
  }
  return null;
}

function isEmpty(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

export function validateAnswer(field: ValidatableField, raw: unknown, today: string): AnswerResult {
  const v = field.validation;
  if (isEmpty(raw)) {
    if (field.type === 'checkbox' && !v.required) return { ok: true, value: false };
    return v.required ? fail(field, 'required') : { ok: true, value: '' };
  }
  switch (field.type) {
    case 'checkbox':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : fail(field, 'wrong-type');
    case 'number': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && /^-?\d{1,9}$/.test(raw.normalize('NFKC').trim())
            ? Number(raw.normalize('NFKC').trim())
            : NaN;
      if (!Number.isSafeInteger(n)) return fail(field, 'not-a-number');
      if (v.min !== undefined && n < v.min) return fail(field, 'too-small', { min: v.min });
      if (v.max !== undefined && n > v.max) return fail(field, 'too-large', { max: v.max });
      return { ok: true, value: n };
    }
    case 'date':
    case 'era-date': {
      const iso = toDate(raw);
      if (!iso) return fail(field, 'invalid-date');
      const min = v.minDate ? resolveDateBound(v.minDate, today) : null;
      const max = v.maxDate ? resolveDateBound(v.maxDate, today) : null;
      if (min && iso < min) return fail(field, 'date-too-early', { bound: min, boundWareki: warekiText(min) ?? min });
      if (max && iso > max) return fail(field, 'date-too-late', { bound: max, boundWareki: warekiText(max) ?? max });
      return { ok: true, value: iso };
    }
    default:
      break;
  }
  if (typeof raw !== 'string') return fail(field, 'wrong-type');
  if (CONTROL.test(raw)) return fail(field, 'bad-characters');
  let s: string;
  switch (field.type) {
    case 'kana':
      s = normalizeKanaAnswer(raw);
      if (!isKatakanaText(s)) return fail(field, 'not-kana');
      break;
    case 'postal':
      s = raw.normalize('NFKC').replace(/[\s〒\-‐−ー]/gu, '');
      if (!/^\d{7}$/.test(s)) return fail(field, 'bad-postal');
      break;
    case 'phone':
      s = raw
        .normalize('NFKC')
        .replace(/[\s()（）]/gu, '')
        .replace(/[‐−ー―]/gu, '-');
      break;
    case 'choice':
      if (!field.options?.some((o) => o.value === raw)) return fail(field, 'bad-choice');
      return { ok: true, value: raw };
    default:
      // text, address: NFKC folds full-width digits/letters; names keep a full-width space.
      s = raw
        .normalize('NFKC')
        .trim()
        .replace(/\s+/gu, field.type === 'text' ? '\u3000' : ' ');
  }
  if (s === '') return v.required ? fail(field, 'required') : { ok: true, value: '' };
  const len = [...s].length;
  if (v.minLength !== undefined && len < v.minLength) return fail(field, 'too-short', { min: v.minLength });
  if (v.maxLength !== undefined && len > v.maxLength) return fail(field, 'too-long', { max: v.maxLength });
  if (v.pattern !== undefined) {
    let ok = false;
    try {
      ok = new RegExp(`^(?:${v.pattern})$`, 'u').test(s);
    } catch {
      ok = false;
    }
    if (!ok) return fail(field, 'pattern', {}, v.patternMessage);
  }
  if (v.checkDigit === 'myNumber' && !myNumberCheckDigitOk(s)) return fail(field, 'bad-check-digit');
  return { ok: true, value: s };
}
