/**
 * The kiosk's one Japanese calendar: the eras (元号) as data, 和暦 ⇄ 西暦, 元年, fiscal years
 * (年度) and the day in Japan. Pure and total: every input gives a value, null or a typed error,
 * never a throw. Documents, the back end, the virtual card, the interview and the date picker
 * all read it, so none of them can disagree about a boundary (a copy of this table that began
 * 明治 in 1873 once printed 1910-01-01 as 明治38年 instead of 明治43年).
 *
 * Start dates are the Gregorian days each era began (改元日). 明治 began 1868-10-23 and counts its
 * years from 1868 (元年), but Japan used the lunisolar calendar until 明治5年, so Gregorian days
 * mean something in 和暦 only from 1873-01-01 (明治6年1月1日): earlier days are refused.
 */

/** The eras a certificate or form may print, oldest first. */
export const ERA_NAMES = ['明治', '大正', '昭和', '平成', '令和'] as const;
export type EraName = (typeof ERA_NAMES)[number];

export interface Era {
  /** The era's name as printed. */
  readonly name: EraName;
  /** First day of the era (ISO `YYYY-MM-DD`). */
  readonly start: string;
  /** Western year of 元年 (year 1). */
  readonly firstYear: number;
  /** The one-digit era code of 住基 and JPKI (1 明治 … 5 令和). */
  readonly code: number;
}

/** Oldest first. */
export const ERAS: readonly Era[] = [
  { name: '明治', start: '1868-10-23', firstYear: 1868, code: 1 },
  { name: '大正', start: '1912-07-30', firstYear: 1912, code: 2 },
  { name: '昭和', start: '1926-12-25', firstYear: 1926, code: 3 },
  { name: '平成', start: '1989-01-08', firstYear: 1989, code: 4 },
  { name: '令和', start: '2019-05-01', firstYear: 2019, code: 5 },
];

/** A Gregorian day means something in 和暦 only from 明治6年1月1日. */
export const EARLIEST_SUPPORTED = '1873-01-01';

// ---- days ----

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`; 0 for a month that does not exist. */
export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** `YYYY-MM-DD`; ISO strings of this width compare as dates. */
export function formatIso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A strict ISO `YYYY-MM-DD` that exists in the calendar, or null. */
export function parseIso(s: unknown): { y: number; m: number; d: number } | null {
  if (typeof s !== 'string') return null;
  const r = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!r) return null;
  const [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  return isValidYmd(y, m, d) ? { y, m, d } : null;
}

/** Adds days to an ISO date (UTC arithmetic: no time zone surprises), or null for a non-date. */
export function addDays(iso: string, days: number): string | null {
  const p = parseIso(iso);
  if (!p) return null;
  const dt = new Date(Date.UTC(p.y, p.m - 1, p.d) + days * 86_400_000);
  if (Number.isNaN(dt.getTime())) return null;
  return formatIso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** Whole years between two ISO dates (the age on `onIso`), or null if either is not a date or birth is later. */
export function ageOn(birthIso: unknown, onIso: unknown): number | null {
  const b = parseIso(birthIso);
  const o = parseIso(onIso);
  if (!b || !o) return null;
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) age -= 1;
  return age < 0 ? null : age;
}

// ---- eras ----

/** The era a day falls in, or null for a non-date or a day before `EARLIEST_SUPPORTED`. */
export function eraOf(iso: string): Era | null {
  if (!parseIso(iso) || iso < EARLIEST_SUPPORTED) return null;
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const era = ERAS[i]!;
    if (iso >= era.start) return era;
  }
  return null;
}

export function eraByName(name: EraName): Era {
  return ERAS.find((e) => e.name === name)!;
}

/** The day after the era's last day (the next era's start), or null for the current era. */
export function eraEnd(era: Era): string | null {
  const i = ERAS.findIndex((e) => e.name === era.name);
  return ERAS[i + 1]?.start ?? null;
}

/** Whether the day `iso` lies inside `era` (and is supported). */
export function isInEra(iso: string, era: Era): boolean {
  const end = eraEnd(era);
  return iso >= era.start && iso >= EARLIEST_SUPPORTED && (end === null || iso < end);
}

/** Era year (1 = 元年) of a Western year in an era. */
export function eraYear(era: Era, westernYear: number): number {
  return westernYear - era.firstYear + 1;
}

/** Western year of an era year. */
export function westernYear(era: Era, eraYearNumber: number): number {
  return era.firstYear + eraYearNumber - 1;
}

/** Western years an era covers (inclusive) from the earliest supported day: 昭和 → 1926..1989. */
export function eraWesternYears(era: Era): { first: number; last: number } {
  const end = eraEnd(era);
  const first = Math.max(era.firstYear, Number(EARLIEST_SUPPORTED.slice(0, 4)));
  // The era's last day is the day before the next era's start.
  const last = end === null ? 9999 : end.endsWith('-01-01') ? Number(end.slice(0, 4)) - 1 : Number(end.slice(0, 4));
  return { first, last };
}

/** Eras that have at least one day in the Western years min..max, oldest first. */
export function erasBetween(minYear: number, maxYear: number): Era[] {
  return ERAS.filter((e) => {
    const { first, last } = eraWesternYears(e);
    return first <= maxYear && last >= minYear;
  });
}

/** The later era covering a Western year (1989 → 平成), for when only the year is known. */
export function latestEraOfYear(y: number): Era | null {
  return eraOf(formatIso(y, 12, 31));
}

// ---- 和暦 ----

/** A day in 和暦: era, era year (1 = 元年), month, day. */
export interface WarekiDate {
  readonly era: EraName;
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export type CalendarError = { code: 'invalid-date' | 'before-supported' | 'unknown-era' | 'outside-era' };
export type CalendarResult<T> = { ok: true; value: T } | { ok: false; error: CalendarError };

/** Western ISO date → 和暦. */
export function toWareki(iso: unknown): CalendarResult<WarekiDate> {
  const p = parseIso(iso);
  if (!p) return { ok: false, error: { code: 'invalid-date' } };
  const era = eraOf(formatIso(p.y, p.m, p.d));
  if (!era) return { ok: false, error: { code: 'before-supported' } };
  return { ok: true, value: { era: era.name, year: eraYear(era, p.y), month: p.m, day: p.d } };
}

/** 和暦 → Western ISO date; refuses days outside the era (昭和64年1月8日, 平成31年5月1日). */
export function fromWareki(w: { era: unknown; year: unknown; month: unknown; day: unknown }): CalendarResult<string> {
  const era = ERAS.find((e) => e.name === w.era);
  if (!era) return { ok: false, error: { code: 'unknown-era' } };
  const { year, month, day } = w;
  if (typeof year !== 'number' || typeof month !== 'number' || typeof day !== 'number' || year < 1) {
    return { ok: false, error: { code: 'invalid-date' } };
  }
  const y = westernYear(era, year);
  if (!isValidYmd(y, month, day)) return { ok: false, error: { code: 'invalid-date' } };
  const iso = formatIso(y, month, day);
  if (iso < EARLIEST_SUPPORTED) return { ok: false, error: { code: 'before-supported' } };
  if (!isInEra(iso, era)) return { ok: false, error: { code: 'outside-era' } };
  return { ok: true, value: iso };
}

/** 「元」 for year 1, else the number: the way certificates and forms write 和暦 years. */
export function eraYearText(n: number): string {
  return n === 1 ? '元' : String(n);
}

/** 「令和元年5月1日」. */
export function formatWareki(w: WarekiDate): string {
  return `${w.era}${eraYearText(w.year)}年${w.month}月${w.day}日`;
}

/** ISO → 「令和元年5月1日」, or null for a non-date or a day before 明治6年. */
export function warekiText(iso: unknown): string | null {
  const r = toWareki(iso);
  return r.ok ? formatWareki(r.value) : null;
}

/**
 * 「令和7年度」 for the fiscal year (年度) that starts in April of `fiscalYear`, named by the era of
 * its first day (平成31年度 began 2019-04-01, a month before 令和). Null before 明治6年.
 */
export function warekiFiscalYearText(fiscalYear: number): string | null {
  const w = toWareki(formatIso(fiscalYear, 4, 1));
  return w.ok ? `${w.value.era}${eraYearText(w.value.year)}年度` : null;
}

/** The fiscal year (年度, April to March) a day belongs to. */
export function fiscalYearOf(iso: string): number | null {
  const p = parseIso(iso);
  return p ? (p.m >= 4 ? p.y : p.y - 1) : null;
}

// ---- the day in Japan ----

/** Japan keeps UTC+9 all year (no daylight saving). */
const JST_OFFSET_MS = 9 * 3_600_000;

/** The wall clock in Japan at an instant (epoch ms), whatever the host's time zone says. */
export function japanWallClock(epochMs: number): { isoDate: string; year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const d = new Date(epochMs + JST_OFFSET_MS);
  const [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return { isoDate: formatIso(year, month, day), year, month, day, hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** The day in Japan (ISO) at an instant: the kiosk stands in Japan whatever the host's time zone. */
export function todayInJapan(epochMs: number): string {
  return japanWallClock(epochMs).isoDate;
}
