/**
 * The answer being typed on a question screen, and how it becomes the value sent to main.
 * Main validates every answer; the renderer only refuses to send "nothing" (no choice made,
 * no date picked), which has no value to send, and shows the usual "required" text for it.
 */
import type { AnswerValue, Question } from '../../../contract/applications';
import type { KeyboardMode } from '../../widgets/kana-keys';

/** The draft a question screen starts with: the answer given before, else the default, else a start for addresses. */
export function initialDraft(question: Question, value: AnswerValue | undefined, addressStart: string | null): AnswerValue | undefined {
  if (value !== undefined) return value;
  if (question.defaultValue !== undefined) return question.defaultValue;
  if (question.type === 'address' && addressStart) return addressStart;
  if (question.type === 'number') return '';
  return undefined;
}

/** The value to send, or null when there is nothing to send (no choice, no date). */
export function answerToSend(question: Question, draft: AnswerValue | undefined): AnswerValue | null {
  switch (question.type) {
    case 'checkbox':
      return typeof draft === 'boolean' ? draft : null;
    case 'choice':
    case 'date':
    case 'era-date':
      return typeof draft === 'string' && draft !== '' ? draft : null;
    case 'number': {
      const s = String(draft ?? '').trim();
      // Digits travel as a number; anything else goes as text so main can say what is wrong.
      return /^\d{1,9}$/.test(s) ? Number(s) : s;
    }
    default:
      return typeof draft === 'string' ? draft : String(draft ?? '');
  }
}

/**
 * The year of a date bound. Main resolves relative bounds (`today-365`) against the kiosk's clock
 * before the question reaches the screen, so only ISO days arrive here.
 */
export function boundYear(bound: string | undefined): number | undefined {
  const iso = bound === undefined ? null : /^(\d{4})-\d{2}-\d{2}$/.exec(bound);
  return iso ? Number(iso[1]) : undefined;
}

/** How many years back an adult's birth date starts: most citizens at a ward counter are about this age. */
export const ADULT_BIRTH_YEARS_BACK = 40;
/** How many years back the birth date of someone who died starts. */
export const DECEASED_BIRTH_YEARS_BACK = 75;

/**
 * The year a date question's picker shows before anything is chosen, so the likely answer is a
 * few taps away: an adult's birth date ~40 years back (a deceased person's ~75), a child's in
 * the middle of its window (児童手当: the last 19 years), any other date (異動日, 死亡日…) this
 * year. Always inside the question's own bounds. `today` is the kiosk's filling day (ISO, from main).
 */
export function initialDateYear(question: Question, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  const max = boundYear(question.validation.maxDate) ?? thisYear;
  const min = Math.min(max, boundYear(question.validation.minDate) ?? 1900);
  const clamp = (y: number) => Math.min(max, Math.max(min, y));
  if (!/birth/i.test(question.id)) return clamp(thisYear);
  if (/deceased/i.test(question.id)) return clamp(thisYear - DECEASED_BIRTH_YEARS_BACK);
  // A narrow window is a child's: start in its middle rather than at a grown-up's age.
  if (max - min < ADULT_BIRTH_YEARS_BACK) return clamp(Math.round((min + max) / 2));
  return clamp(thisYear - ADULT_BIRTH_YEARS_BACK);
}

/** Digits allowed on the number pad for a number question (enough for `max`). */
export function numberLength(question: Question): number {
  const max = question.validation.max;
  return max !== undefined && max > 0 ? String(Math.floor(max)).length : 9;
}

/**
 * For a text question whose pattern is only a fixed number of digits (個人番号 `\d{12}`,
 * 口座番号 `\d{7}`): that number, so the screen offers the number pad instead of the
 * kana keyboard. Null for any other text.
 */
export function digitsOnlyLength(question: Question): number | null {
  if (question.type !== 'text' || !question.validation.pattern) return null;
  const m = /^\\d\{(\d{1,2})\}$/.exec(question.validation.pattern);
  return m ? Number(m[1]) : null;
}

/**
 * The on-screen keyboard's tabs for a text question, read from what its pattern admits: a pattern
 * no kana passes (the insurance 記号番号 `[0-9０-９-]{1,12}`) opens the 英数 keyboard alone, since a
 * kana tab there only invites an answer main will refuse; anything else opens ひらがな first.
 */
export function textKeyboardModes(question: Question): KeyboardMode[] {
  const pattern = question.validation.pattern;
  if (pattern !== undefined) {
    try {
      const re = new RegExp(`^(?:${pattern})$`, 'u');
      const admitsKana = ['あ', 'ア', 'あい', 'アイ'].some((s) => re.test(s));
      if (!admitsKana) return ['alnum'];
    } catch {
      // A pattern this engine cannot read: main still validates; offer every tab.
    }
  }
  return ['hiragana', 'katakana', 'alnum'];
}
