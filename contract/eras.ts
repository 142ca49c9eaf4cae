/**
 * The Japanese eras (元号) as data, shared by the main side's form conversion
 * (`main/applications/era.ts`) and the renderer's date picker (`renderer/widgets/era-calendar.ts`),
 * so the two can never disagree about a boundary.
 *
 * Start dates are the Gregorian days each era began (改元日). 明治 began 1868-10-23, but Japan
 * used the lunisolar calendar until 明治5年, so Gregorian days are usable in 和暦 only from
 * 1873-01-01 (明治6年1月1日). 元年 is year 1 of each era.
 */
/** The eras a form may print, oldest first. */
export const ERA_NAMES = ['明治', '大正', '昭和', '平成', '令和'] as const;
export type EraName = (typeof ERA_NAMES)[number];

export interface Era {
  /** The era's name as printed on forms. */
  readonly name: EraName;
  /** First day of the era (ISO `YYYY-MM-DD`). */
  readonly start: string;
  /** Western year of 元年 (year 1). */
  readonly firstYear: number;
}

/** Oldest first. */
export const ERAS: readonly Era[] = [
  { name: '明治', start: '1868-10-23', firstYear: 1868 },
  { name: '大正', start: '1912-07-30', firstYear: 1912 },
  { name: '昭和', start: '1926-12-25', firstYear: 1926 },
  { name: '平成', start: '1989-01-08', firstYear: 1989 },
  { name: '令和', start: '2019-05-01', firstYear: 2019 },
];

/** A Gregorian day means something in 和暦 only from 明治6年1月1日. */
export const EARLIEST_SUPPORTED = '1873-01-01';
