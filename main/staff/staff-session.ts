/**
 * The staff session: separate from the citizen session, opened with the staff passcode.
 *
 * - Wrong passcodes are counted; after `lockoutAfter` of them no try is even checked for
 *   `lockoutSec` (the count survives logout, not a restart: see the README).
 * - Tries are checked one at a time, so parallel tries cannot slip past the count.
 * - A staff session cannot start while a citizen is paying or being printed for.
 * - The session ends after `idleTimeoutSec` without staff activity (reads do not count), or at
 *   logout; either way `onChange` reports it so the console closes.
 * The passcode is never logged or kept; only outcomes and counts are logged.
 */
import { KioskError } from '../../contract/errors';
import type { StaffLoginResult, StaffState } from '../../contract/staff-console';
import { createLogger } from '../../platform/log';
import type { Clock } from '../session/session-manager';
import { verifyPasscode, type ParsedPasscodeHash } from './staff-passcode';

const log = createLogger('staff-session');

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface StaffSessionOptions {
  /** The configured hash (parsed at start, so a bad one stops the kiosk early). */
  passcodeHash: ParsedPasscodeHash;
  /** Wrong tries before the lockout. */
  lockoutAfter: number;
  /** Lockout length, seconds. */
  lockoutSec: number;
  /** Staff idle timeout, seconds. */
  idleTimeoutSec: number;
  /** True while a citizen is mid-payment (paying, taking the card, printing). */
  citizenBusy: () => boolean;
  /** Receives every state change (the event hub's `staff.changed`). */
  onChange: (state: StaffState) => void;
  clock?: Clock;
}

export class StaffSession {
  private open: { expiresAt: number } | null = null;
  private endedReason: 'logout' | 'timeout' | undefined;
  private failures = 0;
  private lockedUntil = 0;
  private timer: unknown = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly clock: Clock;

  constructor(private readonly options: StaffSessionOptions) {
    this.clock = options.clock ?? systemClock;
  }

  get active(): boolean {
    return this.open !== null;
  }

  state(): StaffState {
    if (!this.open) return this.endedReason ? { phase: 'closed', endedReason: this.endedReason } : { phase: 'closed' };
    return { phase: 'open', expiresAt: this.open.expiresAt, idleTimeoutSec: this.options.idleTimeoutSec };
  }

  /** Checks a passcode. Refusals are results; only misuse throws. */
  login(passcode: string): Promise<StaffLoginResult> {
    const run = this.queue.then(() => this.check(passcode));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Ends the session; harmless without one. */
  logout(): StaffState {
    if (this.open) this.close('logout');
    return this.state();
  }

  /** Staff touched the console: a fresh idle timer. */
  activity(): StaffState {
    this.require();
    this.arm();
    return this.state();
  }

  /** Throws `staff.no-session` unless a staff session is open. */
  require(): void {
    if (!this.open) throw new KioskError('staff.no-session', 'staff:errors.staff.no-session');
  }

  /** Stops the timer (process shutdown). */
  dispose(): void {
    this.clearTimer();
  }

  private async check(passcode: string): Promise<StaffLoginResult> {
    const now = this.clock.now();
    if (now < this.lockedUntil) {
      return { outcome: 'locked', retryAfterSec: Math.max(1, Math.ceil((this.lockedUntil - now) / 1000)) };
    }
    if (this.options.citizenBusy()) {
      log.info('staff login refused: a citizen is mid-payment');
      return { outcome: 'citizen-busy' };
    }
    if (await verifyPasscode(passcode, this.options.passcodeHash)) {
      this.failures = 0;
      this.open = { expiresAt: 0 };
      this.endedReason = undefined;
      this.arm();
      log.info('staff session opened');
      const state = this.state();
      this.options.onChange(state);
      return { outcome: 'ok', state };
    }
    this.failures += 1;
    if (this.failures >= this.options.lockoutAfter) {
      this.failures = 0;
      this.lockedUntil = this.clock.now() + this.options.lockoutSec * 1000;
      log.warn({ lockoutSec: this.options.lockoutSec }, 'staff passcode locked out after repeated wrong tries');
      return { outcome: 'locked', retryAfterSec: this.options.lockoutSec };
    }
    log.warn({ triesLeft: this.options.lockoutAfter - this.failures }, 'wrong staff passcode');
    return { outcome: 'wrong-passcode', triesLeft: this.options.lockoutAfter - this.failures };
  }

  private arm(): void {
    if (!this.open) return;
    this.clearTimer();
    const ms = this.options.idleTimeoutSec * 1000;
    this.open.expiresAt = this.clock.now() + ms;
    this.timer = this.clock.setTimeout(() => this.close('timeout'), ms);
  }

  private close(reason: 'logout' | 'timeout'): void {
    this.clearTimer();
    this.open = null;
    this.endedReason = reason;
    log.info({ reason }, 'staff session closed');
    this.options.onChange(this.state());
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
