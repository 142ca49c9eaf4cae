/**
 * 和暦 ⇄ 西暦 for the date picker, over the era table shared with the main side
 * (`contract/eras.ts`). `test/unit/widgets/era-calendar.test.ts` checks this conversion and
 * main's agree day by day at every boundary.
 * Pure: no DOM, no clock except `todayYearInJapan(now)`.
 */

import { EARLIEST_SUPPORTED, ERAS, type Era, type EraName } from '../../contract/eras';

export { EARLIEST_SUPPORTED, ERAS, type Era, type EraName };

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

export function formatIso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A strict ISO `YYYY-MM-DD` that exists in the calendar, or null. */
export function parseIso(s: unknown): { y: number; m: number; d: number } | null {
  if (typeof s !== 'string') return null;
  const r = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!r) return null;
  const y = Number(r[1]);
  const m = Number(r[2]);
  const d = Number(r[3]);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

/** The era a day falls in, or null before `EARLIEST_SUPPORTED`. ISO strings compare as dates. */
export function eraOf(iso: string): Era | null {
  if (iso < EARLIEST_SUPPORTED) return null;
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const era = ERAS[i]!;
    if (iso >= era.start) return era;
  }
  return null;
}

/** The day after the era's last day (the next era's start), or null for the current era. */
export function eraEnd(era: Era): string | null {
  const i = ERAS.findIndex((e) => e.name === era.name);
  return ERAS[i + 1]?.start ?? null;
}

export function eraByName(name: EraName): Era {
  return ERAS.find((e) => e.name === name)!;
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

/** Western years an era covers (inclusive): 昭和 → 1926..1989. */
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
  const end = formatIso(y, 12, 31);
  return eraOf(end);
}

/** 「元」 for year 1, else the number: the way forms write 和暦 years. */
export function eraYearText(n: number): string {
  return n === 1 ? '元' : String(n);
}

/** ISO → 「令和元年5月1日」, or null outside the supported range. */
export function warekiText(iso: string): string | null {
  const p = parseIso(iso);
  if (!p) return null;
  const era = eraOf(iso);
  if (!era) return null;
  return `${era.name}${eraYearText(eraYear(era, p.y))}年${p.m}月${p.d}日`;
}

/** This year in Japan (Asia/Tokyo), whatever the host's time zone. */
export function todayYearInJapan(now: Date = new Date()): number {
  return new Date(now.getTime() + 9 * 3_600_000).getUTCFullYear();
}
