/**
 * A kiosk clock a test moves to the day it wants: the kiosk lives through that day (from 10:00
 * in Japan) at the host's pace, with real timers, so idle time-outs and device waits behave as
 * always while every date the kiosk shows or checks is the chosen one.
 */
import { clockStartingAt, type Clock } from '../../platform/clock';

export interface MovableClock extends Clock {
  /** Moves the kiosk to 10:00 JST of `isoDay` (YYYY-MM-DD). */
  goTo(isoDay: string): void;
}

export function movableClock(isoDay: string): MovableClock {
  const at = (day: string) => {
    const t = Date.parse(`${day}T10:00:00+09:00`);
    if (!Number.isFinite(t)) throw new Error(`not a day: ${day}`);
    return clockStartingAt(t);
  };
  let current = at(isoDay);
  return {
    now: () => current.now(),
    setTimeout: (fn, ms) => current.setTimeout(fn, ms),
    clearTimeout: (h) => current.clearTimeout(h),
    goTo: (day) => {
      current = at(day);
    },
  };
}
