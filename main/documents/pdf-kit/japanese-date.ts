/**
 * Japanese era (和暦) dates as printed on certificates and forms, and JST wall-clock times.
 * Era boundaries are the official first days; the first year of an era prints as 元年.
 */

const ERAS = [
  { name: '令和', start: '2019-05-01' },
  { name: '平成', start: '1989-01-08' },
  { name: '昭和', start: '1926-12-25' },
  { name: '大正', start: '1912-07-30' },
  { name: '明治', start: '1873-01-01' }, // Gregorian calendar adopted in Japan
] as const;

/** A calendar date. */
export interface YMD { year: number; month: number; day: number }

/** Typed failure for an unparseable or pre-1873 date. */
export class JapaneseDateError extends Error {
  readonly code = 'invalid-date' as const;
  constructor() {
    super('date is not a valid YYYY-MM-DD on or after 1873-01-01');
    this.name = 'JapaneseDateError';
  }
}

/** Parses `YYYY-MM-DD` (checked to be a real day). */
export function parseYmd(iso: string): YMD {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) throw new JapaneseDateError();
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) throw new JapaneseDateError();
  return { year, month, day };
}

/** The era name and year of a date, e.g. { era: '令和', year: 7 }. */
export function eraOf(iso: string): { era: string; year: number } {
  const { year } = parseYmd(iso);
  const era = ERAS.find((e) => iso >= e.start);
  if (!era) throw new JapaneseDateError();
  return { era: era.name, year: year - Number(era.start.slice(0, 4)) + 1 };
}

/** 「令和7年6月2日」 (元年 for year 1). */
export function formatWareki(iso: string): string {
  const { month, day } = parseYmd(iso);
  const { era, year } = eraOf(iso);
  return `${era}${year === 1 ? '元' : year}年${month}月${day}日`;
}

/** 「令和7年度」 for a fiscal year starting in April of `fiscalYear`. */
export function formatWarekiFiscalYear(fiscalYear: number): string {
  const { era, year } = eraOf(`${fiscalYear}-04-01`);
  return `${era}${year === 1 ? '元' : year}年度`;
}

/** The JST (UTC+9, no daylight saving) wall clock of an instant. */
export function toJst(instant: string | Date): YMD & { hour: number; minute: number; isoDate: string } {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(t)) throw new JapaneseDateError();
  const d = new Date(t + 9 * 3600_000);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const isoDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { year, month, day, hour: d.getUTCHours(), minute: d.getUTCMinutes(), isoDate };
}

/** 「令和7年6月2日 10時15分」 and 「2025-06-02 10:15 JST」 for an instant. */
export function formatIssuedAt(instant: string): { wareki: string; western: string } {
  const j = toJst(instant);
  const hm = `${String(j.hour).padStart(2, '0')}:${String(j.minute).padStart(2, '0')}`;
  return { wareki: `${formatWareki(j.isoDate)} ${j.hour}時${String(j.minute).padStart(2, '0')}分`, western: `${j.isoDate} ${hm} JST` };
}

/** 1234567 → 「1,234,567」. */
export function formatYen(v: number): string {
  return v.toLocaleString('en-US');
}
