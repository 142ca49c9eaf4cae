/**
 * The staff passcode lockout policy, as pure functions over the stored {@link PasscodeAttempts}.
 *
 * A try is counted as wrong BEFORE the passcode is checked (and stored so), and only a right
 * passcode takes it back: a try cut short by a crash or a power cut still counts, and no result is
 * ever shown that the store does not already reflect. After `lockoutAfter` wrong tries no try is
 * checked for a while; each further lockout before a right passcode doubles it, up to `maxSec`.
 * A clock set back (a kiosk whose RTC lost power) never makes a lockout longer than its length.
 */
import type { PasscodeAttempts } from '../journal/passcode-attempts';

export type { PasscodeAttempts } from '../journal/passcode-attempts';

/** Where the attempts are kept: the journal's `passcodeAttempts`, or memory for a kiosk without one. */
export interface PasscodeAttemptStore {
  /** The stored state. */
  load(): PasscodeAttempts;
  /** Replaces it; durable when it returns (throws when it cannot be stored). */
  save(next: PasscodeAttempts): void;
}

/** Default cap of an escalated lockout, seconds (at the default 5 tries, about 5 guesses an hour). */
export const DEFAULT_LOCKOUT_MAX_SEC = 3600;

export interface LockoutPolicy {
  /** Wrong tries before a lockout. */
  lockoutAfter: number;
  /** Length of the first lockout, seconds. */
  lockoutSec: number;
  /** Longest lockout, seconds (never below `lockoutSec`). */
  maxSec: number;
}

export const NO_ATTEMPTS: PasscodeAttempts = Object.freeze({ failures: 0, lockedUntil: 0, lockouts: 0 });

/** Length of lockout number `lockouts` (1-based), ms: lockoutSec, doubled per earlier lockout, capped. */
export function lockoutMs(lockouts: number, policy: LockoutPolicy): number {
  const cap = Math.max(policy.lockoutSec, policy.maxSec);
  const doublings = Math.min(Math.max(lockouts - 1, 0), 30);
  return Math.min(policy.lockoutSec * 2 ** doublings, cap) * 1000;
}

/** What to do with a try, decided before the passcode is looked at. */
export type TryGate =
  /** Still locked: refuse without checking; `next` (a clamped lockout end) is saved when present. */
  | { kind: 'locked'; retryAfterSec: number; next?: PasscodeAttempts }
  /** The stored count already reached the limit (a last try cut short by a restart): lock now. */
  | { kind: 'lock'; next: PasscodeAttempts; retryAfterSec: number }
  /** Save `pending` (this try counted as wrong), then check the passcode. */
  | { kind: 'check'; pending: PasscodeAttempts };

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

function lockNow(state: PasscodeAttempts, now: number, policy: LockoutPolicy): { next: PasscodeAttempts; retryAfterSec: number } {
  const lockouts = state.lockouts + 1;
  const ms = lockoutMs(lockouts, policy);
  return { next: { failures: 0, lockedUntil: now + ms, lockouts }, retryAfterSec: seconds(ms) };
}

/** Decides on a try at `now` (epoch ms) from the stored state. */
export function gateTry(state: PasscodeAttempts, now: number, policy: LockoutPolicy): TryGate {
  if (now < state.lockedUntil) {
    const longest = lockoutMs(Math.max(state.lockouts, 1), policy);
    if (state.lockedUntil - now > longest) {
      // The clock went back: the lockout runs its own length from now, no longer.
      const next = { ...state, lockedUntil: now + longest };
      return { kind: 'locked', retryAfterSec: seconds(longest), next };
    }
    return { kind: 'locked', retryAfterSec: seconds(state.lockedUntil - now) };
  }
  if (state.failures >= policy.lockoutAfter) return { kind: 'lock', ...lockNow(state, now, policy) };
  return { kind: 'check', pending: { failures: state.failures + 1, lockedUntil: 0, lockouts: state.lockouts } };
}

/** The outcome of a wrong passcode whose try is already in `pending`. */
export type WrongOutcome = { kind: 'wrong'; triesLeft: number } | { kind: 'lock'; next: PasscodeAttempts; retryAfterSec: number };

export function afterWrong(pending: PasscodeAttempts, now: number, policy: LockoutPolicy): WrongOutcome {
  if (pending.failures >= policy.lockoutAfter) return { kind: 'lock', ...lockNow(pending, now, policy) };
  return { kind: 'wrong', triesLeft: policy.lockoutAfter - pending.failures };
}

/** Keeps the attempts in memory only (tests, a kiosk built without a journal). */
export class MemoryPasscodeAttemptStore implements PasscodeAttemptStore {
  private state: PasscodeAttempts = NO_ATTEMPTS;

  load(): PasscodeAttempts {
    return this.state;
  }

  save(next: PasscodeAttempts): void {
    this.state = { ...next };
  }
}
