/** Formatting for the staff screens: yen, times and days in the kiosk's calendar (JST), ward names, and error keys. */
import { KioskError } from '../../../contract/errors';
import { wardIdSchema, wardInfo } from '../../../contract/ward-api';

const TIME = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const YEN = new Intl.NumberFormat('ja-JP');

export function yen(value: number): string {
  return `${YEN.format(value)}円`;
}

/** `HH:MM:SS` (JST) of an epoch-ms time or an ISO string. */
export function clock(at: number | string): string {
  return TIME.format(typeof at === 'number' ? new Date(at) : new Date(at));
}

/** `YYYYMMDD` → `YYYY-MM-DD`. */
export function isoDay(day: string): string {
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}

/** i18n key of what a staff call threw: its staff error code (`KioskError.code`), else a generic message. */
export function errorKey(err: unknown): string {
  return err instanceof KioskError && err.code.startsWith('staff.') ? `errors.${err.code}` : 'errors.generic';
}

/** A ward's Japanese name (小倉北区) from its id in the ward API's contract; anything else as it is. */
export function wardName(destination: string): string {
  const ward = wardIdSchema.safeParse(destination);
  return ward.success ? wardInfo[ward.data].nameJa : destination;
}
