/**
 * Local receipt numbers the citizen can read aloud at the counter: `<PREFIX>-<YYYYMMDD>-<NNNN>`,
 * e.g. `KK01-20261128-0001`. The day is the kiosk's local (Japan) calendar day; the sequence restarts
 * every day and widens past 9999 rather than wrapping, so a number is never reused.
 */

/** Japan has no daylight saving time: a fixed +09:00 offset is exact. */
export const JST_OFFSET_MINUTES = 540;

/** `YYYYMMDD` of the calendar day containing `epochMs` at the given UTC offset. */
export function calendarDay(epochMs: number, utcOffsetMinutes: number = JST_OFFSET_MINUTES): string {
  const d = new Date(epochMs + utcOffsetMinutes * 60_000);
  const y = d.getUTCFullYear().toString().padStart(4, '0');
  const m = (d.getUTCMonth() + 1).toString().padStart(2, '0');
  const day = d.getUTCDate().toString().padStart(2, '0');
  return `${y}${m}${day}`;
}

/** Formats one receipt number. */
export function formatReceiptNumber(prefix: string, day: string, sequence: number): string {
  return `${prefix}-${day}-${sequence.toString().padStart(4, '0')}`;
}

/** Prefixes are short upper-case codes (kiosk or office id) so numbers stay easy to read out. */
export const RECEIPT_PREFIX_PATTERN = /^[A-Z0-9]{1,8}$/;
