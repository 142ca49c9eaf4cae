/**
 * A ward's reservation grid and its check-in rule, in minutes since midnight in Japan.
 */
import type { WardQueueConfig } from './queue-config';

export type CheckInTiming = 'early' | 'on-time' | 'late';

/** Minutes since midnight of `HH:MM`. */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** The reservation slots of a ward's day, `HH:MM` each; the last one ends by `closesAt`. */
export function slotsOf(ward: WardQueueConfig): string[] {
  const r = ward.reservations;
  const out: string[] = [];
  for (let m = minutesOf(r.opensAt); m + r.slotMinutes <= minutesOf(r.closesAt); m += r.slotMinutes) {
    out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  return out;
}

/**
 * The ward's rule for a check-in at `nowMinutes` for a slot: before `checkInEarlyMinutes` ahead of
 * it is early (refused: come back later); up to `lateGraceMinutes` after its start is on time (a
 * place ahead of walk-ins); later is late (a walk-in's place: the reservation is honoured, its
 * priority is not, so citizens who came on time are not pushed back).
 */
export function checkInTiming(ward: WardQueueConfig, slot: string, nowMinutes: number): CheckInTiming {
  const start = minutesOf(slot);
  if (nowMinutes < start - ward.reservations.checkInEarlyMinutes) return 'early';
  return nowMinutes <= start + ward.reservations.lateGraceMinutes ? 'on-time' : 'late';
}
