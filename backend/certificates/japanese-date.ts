/**
 * Dates as the back end writes them, over the one calendar (`contract/japanese-calendar.ts`):
 * 和暦 text for 戸籍 entries, and Japan-time timestamps and days for records and numbering.
 */
import { japanWallClock, warekiText } from '../../contract/japanese-calendar';

/** `YYYY-MM-DD` → e.g. 平成元年1月8日; the ISO text itself for a non-date or a day before 明治6年. */
export function toWarekiDate(iso: string): string {
  return warekiText(iso) ?? iso;
}

/** An instant as ISO 8601 in Japan time with an explicit +09:00 offset, to the second. */
export function toJstIso(d: Date): string {
  const j = japanWallClock(d.getTime());
  const two = (n: number) => String(n).padStart(2, '0');
  return `${j.isoDate}T${two(j.hour)}:${two(j.minute)}:${two(j.second)}+09:00`;
}

/** `YYYYMMDD` of the Japan calendar day of an instant. */
export function jstDay(d: Date): string {
  return japanWallClock(d.getTime()).isoDate.replaceAll('-', '');
}
