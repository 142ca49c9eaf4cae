/**
 * The date picker's state and moves, pure (no React): which years, months and days can be
 * chosen, so an impossible date (2月30日, 昭和64年2月, 平成31年5月) can never be picked.
 *
 * The year is always shown (a starting year); month and day start unchosen, and the picker
 * reports a date only once all three are chosen and allowed.
 */
import {
  EARLIEST_SUPPORTED,
  type Era,
  type EraName,
  daysInMonth,
  eraByName,
  eraOf,
  erasBetween,
  eraWesternYears,
  formatIso,
  isInEra,
  latestEraOfYear,
  parseIso,
} from '../../contract/japanese-calendar';

export type Calendar = 'era' | 'western';

export interface DateDraft {
  /** Which calendar the citizen is choosing in. */
  readonly calendar: Calendar;
  /** The era being chosen in (only meaningful when `calendar` is 'era'). */
  readonly era: EraName | null;
  /** Western year (the era year is derived from it and `era`). */
  readonly year: number;
  /** 1–12, or null while unchosen. */
  readonly month: number | null;
  /** 1–31, or null while unchosen. */
  readonly day: number | null;
}

export interface DateBounds {
  /** Earliest Western year offered (inclusive). */
  readonly minYear: number;
  /** Latest Western year offered (inclusive). */
  readonly maxYear: number;
}

function minIso(b: DateBounds): string {
  const s = formatIso(b.minYear, 1, 1);
  return s < EARLIEST_SUPPORTED ? EARLIEST_SUPPORTED : s;
}
function maxIso(b: DateBounds): string {
  return formatIso(b.maxYear, 12, 31);
}

/** The eras the picker offers for these bounds. */
export function offeredEras(b: DateBounds): Era[] {
  return erasBetween(Math.max(b.minYear, Number(EARLIEST_SUPPORTED.slice(0, 4))), b.maxYear);
}

/** Western years the year stepper may show: the bounds, narrowed to the era in era mode. */
export function yearRange(s: DateDraft, b: DateBounds): { min: number; max: number } {
  let min = Math.max(b.minYear, Number(EARLIEST_SUPPORTED.slice(0, 4)));
  let max = b.maxYear;
  if (s.calendar === 'era' && s.era) {
    const ys = eraWesternYears(eraByName(s.era));
    min = Math.max(min, ys.first);
    max = Math.min(max, ys.last);
  }
  return { min, max };
}

/** Whether the day `d` of the draft's year and month may be chosen. */
export function isDayAllowed(s: DateDraft, b: DateBounds, month: number, d: number): boolean {
  if (month < 1 || month > 12 || d < 1 || d > daysInMonth(s.year, month)) return false;
  const iso = formatIso(s.year, month, d);
  if (iso < minIso(b) || iso > maxIso(b)) return false;
  if (s.calendar === 'era' && s.era && !isInEra(iso, eraByName(s.era))) return false;
  return true;
}

/** Whether any day of `month` (in the draft's year, era and bounds) may be chosen. */
export function isMonthAllowed(s: DateDraft, b: DateBounds, month: number): boolean {
  for (let d = 1; d <= daysInMonth(s.year, month); d++) if (isDayAllowed(s, b, month, d)) return true;
  return false;
}

/** Days shown for the chosen month (28–31), or [] before a month is chosen. */
export function daysOfMonth(s: DateDraft): number[] {
  if (s.month === null) return [];
  return Array.from({ length: daysInMonth(s.year, s.month) }, (_, i) => i + 1);
}

/**
 * Makes a draft consistent after a move: the year inside its range, a day past the month's
 * end pulled back to the last day (3月31日 → 4月 gives 4月30日), and a month or day the
 * era or bounds forbid unchosen (the citizen picks again, nothing is silently invented).
 */
export function normalize(s: DateDraft, b: DateBounds): DateDraft {
  const r = yearRange(s, b);
  let next: DateDraft = { ...s, year: Math.min(r.max, Math.max(r.min, s.year)) };
  if (next.month !== null && !isMonthAllowed(next, b, next.month)) next = { ...next, month: null, day: null };
  if (next.month !== null && next.day !== null) {
    const day = Math.min(next.day, daysInMonth(next.year, next.month));
    next = { ...next, day: isDayAllowed(next, b, next.month, day) ? day : null };
  }
  return next;
}

/** The chosen date as ISO, or null until year, month and day are all chosen and allowed. */
export function draftIso(s: DateDraft, b: DateBounds): string | null {
  if (s.month === null || s.day === null) return null;
  return isDayAllowed(s, b, s.month, s.day) ? formatIso(s.year, s.month, s.day) : null;
}

function eraForYear(year: number, b: DateBounds): EraName | null {
  const offered = offeredEras(b);
  const e = latestEraOfYear(year);
  if (e && offered.some((o) => o.name === e.name)) return e.name;
  return offered.at(-1)?.name ?? null;
}

/** The starting draft: from `value` when it is a date inside the bounds, else `startYear` and nothing chosen. */
export function initialDraft(value: string | undefined, calendar: Calendar, b: DateBounds, startYear: number): DateDraft {
  const p = parseIso(value);
  if (p) {
    const iso = formatIso(p.y, p.m, p.d);
    if (iso >= minIso(b) && iso <= maxIso(b)) {
      return { calendar, era: calendar === 'era' ? (eraOf(iso)?.name ?? null) : null, year: p.y, month: p.m, day: p.d };
    }
  }
  const draft: DateDraft = { calendar, era: null, year: startYear, month: null, day: null };
  return normalize({ ...draft, era: calendar === 'era' ? eraForYear(normalize(draft, b).year, b) : null }, b);
}

/** Switches 和暦 ⇄ 西暦 keeping the same day; in 和暦 the era is the chosen day's (or the year's later one). */
export function setCalendar(s: DateDraft, b: DateBounds, calendar: Calendar): DateDraft {
  if (calendar === 'western') return normalize({ ...s, calendar, era: null }, b);
  const iso = draftIso(s, b);
  const era = iso ? (eraOf(iso)?.name ?? null) : eraForYear(s.year, b);
  return normalize({ ...s, calendar, era }, b);
}

/** Chooses an era; the year moves to the nearest year of that era if it lies outside. */
export function setEra(s: DateDraft, b: DateBounds, era: EraName): DateDraft {
  return normalize({ ...s, calendar: 'era', era }, b);
}

/** Moves the year by `delta` (±1, ±10), stopping at the ends of the range. */
export function stepYear(s: DateDraft, b: DateBounds, delta: number): DateDraft {
  return normalize({ ...s, year: s.year + delta }, b);
}

export function setMonth(s: DateDraft, b: DateBounds, month: number): DateDraft {
  if (!isMonthAllowed(s, b, month)) return s;
  return normalize({ ...s, month }, b);
}

export function setDay(s: DateDraft, b: DateBounds, day: number): DateDraft {
  if (s.month === null || !isDayAllowed(s, b, s.month, day)) return s;
  return { ...s, day };
}
