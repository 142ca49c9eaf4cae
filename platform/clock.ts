/**
 * The kiosk's one clock: the time of day and the timers every service schedules with.
 *
 * Services take a `Clock` instead of calling `Date.now()` and `setTimeout` themselves, so a test
 * (or a technician's scenario) can run the whole kiosk on another day — the worst dates of the
 * calendar on purpose — or move time without waiting.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Schedules `fn` after `ms`; the handle goes back to `clearTimeout`. */
  setTimeout(fn: () => void, ms: number): unknown;
  /** Cancels a handle from `setTimeout` (a spent or unknown handle is ignored). */
  clearTimeout(handle: unknown): void;
}

/** The host's clock and Node's timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * A clock that starts at `startAt` (epoch ms) and then runs at the host's pace, with the host's
 * timers: the kiosk lives through a chosen day (a month's last day, an era's first) while idle
 * time-outs and device waits keep their real lengths.
 */
export function clockStartingAt(startAt: number, host: Clock = systemClock): Clock {
  const offset = startAt - host.now();
  return {
    now: () => host.now() + offset,
    setTimeout: (fn, ms) => host.setTimeout(fn, ms),
    clearTimeout: (h) => host.clearTimeout(h),
  };
}
