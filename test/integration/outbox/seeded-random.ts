/**
 * A small, fast, seeded PRNG (mulberry32) for the crash test: the same seed replays the same
 * schedule of kills and faults, so a failure printed with its seed can be re-run
 * (`CRASH_SEED=<seed> node --import tsx --test test/integration/outbox/crash.test.ts`).
 */

/** Returns a generator of floats in [0, 1) determined by `seed` (any 32-bit integer). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh seed from the clock and the pid, or the one given in `CRASH_SEED`. */
export function crashSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.CRASH_SEED;
  if (given !== undefined && /^\d{1,10}$/.test(given)) return Number(given) >>> 0;
  return (Date.now() ^ (process.pid << 16)) >>> 0;
}
