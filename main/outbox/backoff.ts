/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff and Jitter"):
 * delay = random() * min(cap, base * 2^attempt). Full jitter spreads the retries of many kiosks
 * after a ward outage instead of having them hammer the back end in lock-step.
 */

export interface BackoffPolicy {
  /** Ceiling of the first retry's delay (ms). */
  baseMs: number;
  /** Largest ceiling any retry may reach (ms). */
  capMs: number;
}

/** Default: first retry within 1 s, never more than 5 minutes apart. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/** Ceiling of the delay before retry number `attempt` (0-based): min(cap, base * 2^attempt). */
export function backoffCeiling(attempt: number, policy: BackoffPolicy): number {
  // 2^attempt overflows to Infinity for large attempts; min() then returns the cap, as intended.
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.floor(attempt)));
}

/** Full-jitter delay for retry `attempt`: uniform in [0, ceiling). `random` returns [0, 1). */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * backoffCeiling(attempt, policy));
}
