/**
 * The staff session: separate from the citizen session, opened with a staff member's id and
 * passcode from the staff directory (staff-directory.ts), or, while the kiosk has no enabled
 * account, with the shared staff passcode of the configuration (the fallback of a kiosk not yet
 * migrated). Once one account is enabled the shared passcode opens nothing.
 *
 * - Each account has its own wrong-try count and lockout; an unknown or disabled id is checked
 *   (same work) against the shared passcode's count, so guessing ids locks out too.
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
import type { StaffDirectory } from './staff-directory';

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
  /** Where wrong tries and the lockout of the shared passcode are kept; default memory only (the kiosk passes the journal's). */
  attempts?: PasscodeAttemptStore;
  /** The staff directory (accounts, each with its own tries); absent: the shared passcode only. */
  directory?: Pick<StaffDirectory, 'hasEnabledAccounts' | 'get' | 'attempts'> | null;
  /** The pepper of the accounts' hashes (this kiosk's own); default `pepper`. */
  accountPepper?: Buffer;
  /** A lockout began: of an account (its id) or of the shared passcode (null). For the audit. */
  onLockout?: (staffId: string | null, again: boolean) => void;
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
  private open: { expiresAt: number; staffId: string | null } | null = null;
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

  /** Who is signed in: a staff id, null for the shared passcode, undefined when nobody is. */
  get staffId(): string | null | undefined {
    return this.open?.staffId;
  }

  state(): StaffState {
    if (!this.open) {
      const accounts = this.accountsForState();
      return { phase: 'closed', ...(this.endedReason ? { endedReason: this.endedReason } : {}), ...(accounts ? { accounts } : {}) };
    }
    return { phase: 'open', staffId: this.open.staffId, expiresAt: this.open.expiresAt, idleTimeoutSec: this.options.idleTimeoutSec };
  }

  /** Checks a passcode (of `staffId` when the kiosk has accounts). Refusals are results; only misuse throws. */
  login(passcode: string, staffId?: string): Promise<StaffLoginResult> {
    const run = this.queue.then(() => this.check(passcode, staffId));
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

  /** Which passcode a try is checked against, whose count it uses, and who it opens the console for. */
  private target(staffId: string | undefined): { store: PasscodeAttemptStore; hash: ParsedPasscodeHash; pepper: Buffer; opensFor: string | null | undefined } {
    const shared = { store: this.attempts, hash: this.options.passcodeHash, pepper: this.options.pepper };
    const directory = this.options.directory;
    let account;
    try {
      if (!directory?.hasEnabledAccounts()) return { ...shared, opensFor: null };
      account = staffId === undefined ? undefined : directory.get(staffId);
    } catch (err) {
      throw this.storeFailed(err);
    }
    // An unknown or disabled id: the same work against the shared count, and it never opens.
    if (!account || account.disabled) return { ...shared, opensFor: undefined };
    return {
      store: directory.attempts(account.id),
      hash: account.passcodeHash,
      pepper: this.options.accountPepper ?? this.options.pepper,
      opensFor: account.id,
    };
  }

  private async check(passcode: string, staffId: string | undefined): Promise<StaffLoginResult> {
    const target = this.target(staffId);
    const gate = gateTry(this.load(target.store), this.clock.now(), this.policy);
    if (gate.kind === 'locked') {
      if (gate.next) this.save(target.store, gate.next);
      return { outcome: 'locked', retryAfterSec: gate.retryAfterSec };
    }
    if (gate.kind === 'lock') return this.lock(target, gate.next, gate.retryAfterSec);
    if (this.options.citizenBusy()) {
      log.info('staff login refused: a citizen is mid-payment');
      return { outcome: 'citizen-busy' };
    }
    // Counted as wrong before it is checked: a try cut short by a power cut still counts.
    this.save(target.store, gate.pending);
    const right = await verifyPasscode(passcode, target.hash, target.pepper);
    if (right && target.opensFor !== undefined) {
      this.save(target.store, NO_ATTEMPTS);
      this.open = { expiresAt: 0, staffId: target.opensFor };
      this.endedReason = undefined;
      this.arm();
      log.info('staff session opened');
      const state = this.state();
      this.options.onChange(state);
      return { outcome: 'ok', state };
    }
    const wrong = afterWrong(gate.pending, this.clock.now(), this.policy);
    if (wrong.kind === 'lock') return this.lock(target, wrong.next, wrong.retryAfterSec);
    log.warn({ triesLeft: wrong.triesLeft }, 'wrong staff passcode');
    return { outcome: 'wrong-passcode', triesLeft: wrong.triesLeft };
  }

  private lock(target: { store: PasscodeAttemptStore; opensFor: string | null | undefined }, next: PasscodeAttempts, retryAfterSec: number): StaffLoginResult {
    this.save(target.store, next);
    log.warn({ lockoutSec: retryAfterSec, lockouts: next.lockouts }, 'staff passcode locked out after repeated wrong tries');
    // A second lockout before a right passcode looks like guessing, not a forgotten passcode.
    this.options.alertStaff?.({
      code: next.lockouts > 1 ? 'staff-passcode-locked-again' : 'staff-passcode-locked',
      severity: next.lockouts > 1 ? 'error' : 'warning',
    });
    this.options.onLockout?.(target.opensFor ?? null, next.lockouts > 1);
    return { outcome: 'locked', retryAfterSec };
  }

  /** Whether the keypad must ask for an id (a directory that cannot be read asks: it never falls back). */
  private accountsForState(): boolean {
    try {
      return this.options.directory?.hasEnabledAccounts() ?? false;
    } catch {
      return true;
    }
  }

  private load(store: PasscodeAttemptStore): PasscodeAttempts {
    try {
      return store.load();
    } catch (err) {
      throw this.storeFailed(err);
    }
  }

  private save(store: PasscodeAttemptStore, next: PasscodeAttempts): void {
    try {
      store.save(next);
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
