/**
 * Dates and amounts as certificates and slips print them, over the kiosk's one calendar
 * (`contract/japanese-calendar.ts`). A document never prints a date it cannot write in 和暦:
 * a non-date or a day before 明治6年 is a typed error that stops the render.
 */
import { japanWallClock, warekiFiscalYearText, warekiText } from '../../../contract/japanese-calendar';

/** Typed failure for an unparseable or pre-1873 date. */
export class JapaneseDateError extends Error {
  readonly code = 'invalid-date' as const;
  constructor() {
    super('date is not a valid YYYY-MM-DD on or after 1873-01-01');
    this.name = 'JapaneseDateError';
  }
}

/** 「令和7年6月2日」 (元年 for year 1). */
export function formatWareki(iso: string): string {
  const text = warekiText(iso);
  if (text === null) throw new JapaneseDateError();
  return text;
}

/** 「令和7年度」 for a fiscal year starting in April of `fiscalYear`. */
export function formatWarekiFiscalYear(fiscalYear: number): string {
  const text = warekiFiscalYearText(fiscalYear);
  if (text === null) throw new JapaneseDateError();
  return text;
}

/** The Japan wall clock of an instant (ISO timestamp or Date). */
export function toJst(instant: string | Date): ReturnType<typeof japanWallClock> {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(t)) throw new JapaneseDateError();
  return japanWallClock(t);
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
