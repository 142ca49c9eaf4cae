/**
 * The kiosk's service hours (受付時間) as configuration data: one window per weekday (or none:
 * closed that day) and the dates it is closed (national holidays, 年末年始, a ward's own closed
 * days). Times are Japan time, the kiosk's clock; `24:00` closes at midnight.
 *
 * `serviceHoursAt` says whether the kiosk is open at an instant and, when it is not, when it
 * next opens, so the home screen can say 「本日の受付は終了しました。次は 12月8日(火) 8:30 から」.
 */
import { z } from 'zod';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const hhmm = z.string().regex(/^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/, 'HH:MM from 00:00 to 24:00');
const minutesOf = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

const windowSchema = z
  .object({ opens: hhmm, closes: hhmm })
  .strict()
  .refine((w) => minutesOf(w.opens) < minutesOf(w.closes), 'opens must be before closes');

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date');

export const serviceHoursSchema = z
  .object({
    /** Per weekday the one window the kiosk serves, or null: closed that weekday. */
    weekly: z
      .object(Object.fromEntries(WEEKDAYS.map((d) => [d, windowSchema.nullable()])) as Record<(typeof WEEKDAYS)[number], z.ZodNullable<typeof windowSchema>>)
      .strict(),
    /** Closed all day on these dates (holidays, 年末年始, closed days), YYYY-MM-DD. */
    closedDates: z
      .array(isoDay)
      .max(2000)
      .refine((l) => new Set(l).size === l.length, 'closedDates must not repeat'),
  })
  .strict();
export type ServiceHours = z.infer<typeof serviceHoursSchema>;

const ALL_DAY = { opens: '00:00', closes: '24:00' };
/** Open every minute of every day: the default when a configuration names no hours. */
export const AROUND_THE_CLOCK: ServiceHours = {
  weekly: { sun: ALL_DAY, mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY },
  closedDates: [],
};

/** Where an instant falls: open, before today's window, after it, or a day with none. */
export type ServiceHoursState = 'open' | 'before-opening' | 'after-closing' | 'closed-today';

export interface ServiceHoursNow {
  state: ServiceHoursState;
  /** Today's window (null on a closed day). */
  today: { opens: string; closes: string } | null;
  /** When it next opens (null while open, or when no window comes within a year). */
  next: { date: string; opens: string } | null;
}

const JST_OFFSET_MS = 9 * 3_600_000; // Japan has no daylight saving time
const DAY_MS = 86_400_000;

function windowOn(hours: ServiceHours, jstMidnightMs: number): { opens: string; closes: string } | null {
  const day = new Date(jstMidnightMs);
  const iso = day.toISOString().slice(0, 10);
  if (hours.closedDates.includes(iso)) return null;
  return hours.weekly[WEEKDAYS[day.getUTCDay()]!];
}

/** The service hours at `epochMs` (the kiosk clock's now). */
export function serviceHoursAt(hours: ServiceHours, epochMs: number): ServiceHoursNow {
  const jst = epochMs + JST_OFFSET_MS;
  const midnight = jst - (((jst % DAY_MS) + DAY_MS) % DAY_MS);
  const minute = Math.floor((jst - midnight) / 60_000);
  const today = windowOn(hours, midnight);
  if (today && minute >= minutesOf(today.opens) && minute < minutesOf(today.closes)) return { state: 'open', today, next: null };
  if (today && minute < minutesOf(today.opens)) return { state: 'before-opening', today, next: { date: isoOf(midnight), opens: today.opens } };
  for (let d = 1; d <= 366; d++) {
    const w = windowOn(hours, midnight + d * DAY_MS);
    if (w) return { state: today ? 'after-closing' : 'closed-today', today, next: { date: isoOf(midnight + d * DAY_MS), opens: w.opens } };
  }
  return { state: today ? 'after-closing' : 'closed-today', today, next: null };
}

const isoOf = (jstMidnightMs: number): string => new Date(jstMidnightMs).toISOString().slice(0, 10);
