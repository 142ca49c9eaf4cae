/**
 * Wait-time estimates per service, from the day's own service times.
 *
 * The estimator: a citizen's time at the counter for a service is estimated as a shrinkage of the
 * day's mean toward the service's prior (its `priorMinutes`, set by the ward from experience):
 *
 *     mean = (k · prior + Σ observed) / (k + n)
 *
 * with n the day's finished services (serving → done or transferred) and k = PRIOR_WEIGHT pseudo-
 * observations. At the start of the day (n = 0) the estimate is the prior; after a few citizens
 * it follows the day (a morning of long 住民異動 in March moves it within a handful of tickets),
 * and one unusual case cannot swing it. Each observation is clamped to [MIN, MAX] so a ticket left
 * serving over lunch cannot poison the day.
 *
 * The wait for a new ticket is the people ahead (waiting or called, not yet at a counter) shared
 * among the counters that handle the service: ceil(ahead / counters) · mean. It is an estimate
 * shown rounded ("約5分"), never a promise.
 */
export const PRIOR_WEIGHT = 5;
export const MIN_OBSERVATION_MS = 30_000;
export const MAX_OBSERVATION_MS = 3 * 3_600_000;

export interface ServiceTimeSummary {
  /** Finished services today. */
  readonly count: number;
  /** Sum of their (clamped) durations, ms. */
  readonly totalMs: number;
}

export function clampObservation(ms: number): number {
  return Math.min(MAX_OBSERVATION_MS, Math.max(MIN_OBSERVATION_MS, ms));
}

/** Estimated time at the counter for one citizen, ms. */
export function estimatedServiceMs(priorMs: number, day: ServiceTimeSummary, priorWeight = PRIOR_WEIGHT): number {
  return (priorWeight * priorMs + day.totalMs) / (priorWeight + day.count);
}

/** Estimated wait before being called with `ahead` people in front, `counters` serving in parallel. */
export function estimatedWaitMs(serviceMs: number, ahead: number, counters: number): number {
  if (ahead <= 0) return 0;
  if (counters <= 0) return Number.POSITIVE_INFINITY;
  return Math.ceil(ahead / counters) * serviceMs;
}

/** Minutes as shown to a citizen: whole minutes, rounded up (0 only when nobody is ahead). */
export function displayMinutes(ms: number): number | null {
  if (!Number.isFinite(ms)) return null;
  return Math.ceil(ms / 60_000);
}
