/**
 * The staff session: separate from the citizen session, opened with the staff passcode.
 *
 * - Wrong passcodes are counted; after `lockoutAfter` of them no try is even checked for
 *   `lockoutSec`, doubled for each further lockout before a right passcode (passcode-lockout.ts),
 *   and staff are alerted. The count and the lockout end are stored durably (the journal) BEFORE
 *   a try's result is returned, so a restart or power cut neither resets them nor loses a try.
 *   If they cannot be stored, no try is checked (`not-available`): fail closed.
 * - Tries are checked one at a time, so parallel tries cannot slip past the count.
 * - A staff session cannot start while a citizen is paying or being printed for.
 * - The session ends after `idleTimeoutSec` without staff activity (reads do not count), or at
 *   logout; either way `onChange` reports it so the console closes.
 * The passcode is never logged or kept; only outcomes and counts are logged.
 */
import { KioskError } from '../../contract/errors';
import type { StaffAlert } from './staff-alert';
import type { StaffLoginResult, StaffState } from '../../contract/staff-console';
import { createLogger, errorCode } from '../../platform/log';
import { systemClock, type Clock } from '../../platform/clock';
import {
  afterWrong,
  DEFAULT_LOCKOUT_MAX_SEC,
  gateTry,
  MemoryPasscodeAttemptStore,
  NO_ATTEMPTS,
  type LockoutPolicy,
  type PasscodeAttempts,
  type PasscodeAttemptStore,
} from './passcode-lockout';
import { verifyPasscode, type ParsedPasscodeHash } from './staff-passcode';

const log = createLogger('staff-session');

export interface StaffSessionOptions {
  /** The configured hash (parsed at start, so a bad one stops the kiosk early). */
  passcodeHash: ParsedPasscodeHash;
  /** This kiosk's secret that keys the hash (staff-pepper.ts). */
  pepper: Buffer;
  /** Wrong tries before the lockout. */
  lockoutAfter: number;
  /** Length of the first lockout, seconds (each further one before a right passcode doubles it). */
  lockoutSec: number;
  /** Cap of an escalated lockout, seconds (default {@link DEFAULT_LOCKOUT_MAX_SEC}). */
  lockoutMaxSec?: number;
  /** Where wrong tries and the lockout are kept; default memory only (the kiosk passes the journal's). */
  attempts?: PasscodeAttemptStore;
  /** Raises a staff alert (a lockout, a store that fails); codes only, never a passcode. */
  alertStaff?: (alert: StaffAlert) => void;
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
  private timer: unknown = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly clock: Clock;
  private readonly attempts: PasscodeAttemptStore;
  private readonly policy: LockoutPolicy;

  constructor(private readonly options: StaffSessionOptions) {
    this.clock = options.clock ?? systemClock;
    this.attempts = options.attempts ?? new MemoryPasscodeAttemptStore();
    this.policy = { lockoutAfter: options.lockoutAfter, lockoutSec: options.lockoutSec, maxSec: options.lockoutMaxSec ?? DEFAULT_LOCKOUT_MAX_SEC };
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
    const gate = gateTry(this.load(), this.clock.now(), this.policy);
    if (gate.kind === 'locked') {
      if (gate.next) this.save(gate.next);
      return { outcome: 'locked', retryAfterSec: gate.retryAfterSec };
    }
    if (gate.kind === 'lock') return this.lock(gate.next, gate.retryAfterSec);
    if (this.options.citizenBusy()) {
      log.info('staff login refused: a citizen is mid-payment');
      return { outcome: 'citizen-busy' };
    }
    // Counted as wrong before it is checked: a try cut short by a power cut still counts.
    this.save(gate.pending);
    if (await verifyPasscode(passcode, this.options.passcodeHash, this.options.pepper)) {
      this.save(NO_ATTEMPTS);
      this.open = { expiresAt: 0 };
      this.endedReason = undefined;
      this.arm();
      log.info('staff session opened');
      const state = this.state();
      this.options.onChange(state);
      return { outcome: 'ok', state };
    }
    const wrong = afterWrong(gate.pending, this.clock.now(), this.policy);
    if (wrong.kind === 'lock') return this.lock(wrong.next, wrong.retryAfterSec);
    log.warn({ triesLeft: wrong.triesLeft }, 'wrong staff passcode');
    return { outcome: 'wrong-passcode', triesLeft: wrong.triesLeft };
  }

  private lock(next: PasscodeAttempts, retryAfterSec: number): StaffLoginResult {
    this.save(next);
    log.warn({ lockoutSec: retryAfterSec, lockouts: next.lockouts }, 'staff passcode locked out after repeated wrong tries');
    // A second lockout before a right passcode looks like guessing, not a forgotten passcode.
    this.options.alertStaff?.({
      code: next.lockouts > 1 ? 'staff-passcode-locked-again' : 'staff-passcode-locked',
      severity: next.lockouts > 1 ? 'error' : 'warning',
    });
    return { outcome: 'locked', retryAfterSec };
  }

  private load(): PasscodeAttempts {
    try {
      return this.attempts.load();
    } catch (err) {
      throw this.storeFailed(err);
    }
  }

  private save(next: PasscodeAttempts): void {
    try {
      this.attempts.save(next);
    } catch (err) {
      throw this.storeFailed(err);
    }
  }

  /** The attempts could not be read or stored: no result is shown, staff are told. */
  private storeFailed(err: unknown): KioskError {
    log.error({ err: errorCode(err) }, 'staff passcode attempts could not be stored');
    this.options.alertStaff?.({ code: 'journal-write-failed', severity: 'error' });
    return new KioskError('not-available');
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
