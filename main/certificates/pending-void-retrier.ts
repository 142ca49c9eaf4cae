/**
 * Retries the voids the back end did not confirm (journal `pending_voids`), so a refunded or
 * cancelled serial does not stay valid at the back end until staff notice. Capped exponential
 * backoff with jitter per serial; a ward whose health check failed and then answers again has its
 * pending voids tried at once (as the submission queue's probe does). The back end's answer
 * `already-voided` ends the retry (done); `already-printed` ends it too and tells staff: a
 * certificate the kiosk refunded was printed, which needs a person (the paper is valid).
 *
 * It runs from a timer nobody awaits: every store and network error is caught and logged.
 */
import type { WardId } from '../../contract/ward-api';
import { createLogger, errorCode } from '../../platform/log';
import type { PendingVoid, PendingVoidLedger } from '../journal/pending-voids';
import { backoffCeiling } from '../outbox/backoff';
import type { WardClient } from '../ward/ward-client';
import type { StaffAlert } from '../staff/staff-alert';

const log = createLogger('pending-void-retrier');

/** Staff alert: a serial the kiosk refunded or cancelled was printed at the back end; reference = serial. */
export const REFUNDED_SERIAL_PRINTED_ALERT = 'refunded-certificate-printed';

export interface PendingVoidRetrierDeps {
  /** The journal's pending voids. */
  pendingVoids: Pick<PendingVoidLedger, 'list' | 'recordFailure' | 'resolve' | 'makeDue'>;
  /** Marks the serial's void confirmed in the journal (no-op when the journal never voided it). */
  confirmVoid: (serial: string) => void;
  ward: Pick<WardClient, 'voidIssued' | 'health'>;
  alertStaff: (alert: StaffAlert) => void;
  /** Epoch ms (tests inject). */
  now?: () => number;
  /** [0, 1) (tests inject). */
  random?: () => number;
  /** First retry delay (ms). Default 5 s. */
  baseDelayMs?: number;
  /** Longest retry delay (ms). Default 10 min. */
  maxDelayMs?: number;
  /** How often the due list is looked at and waiting wards probed (ms). Default 2 s; 0 = no timer (tests call `tick`). */
  intervalMs?: number;
}

export interface PendingVoidRetrier {
  /** One pass: probes wards with voids waiting, tries every due void. Never throws. Resolves to the voids ended. */
  tick(): Promise<number>;
  /** Stops the timer and waits for a pass under way. Idempotent. */
  stop(): Promise<void>;
}

/** Back end answers that end the retry; anything else (unreachable, 5xx, 4xx) is retried with backoff. */
const FINAL = new Set(['already-voided', 'already-printed']);

/** Delay before retry number `attempts + 1`: base·2^attempts, capped, with jitter in [½, 1]. */
export function retryDelayMs(attempts: number, random: number, baseMs: number, maxMs: number): number {
  // Equal rather than full jitter (the outbox's): a void is one request, not a crowd of kiosks, and never retried at once.
  const capped = backoffCeiling(attempts, { baseMs, capMs: maxMs });
  return Math.round(capped / 2 + (capped / 2) * random);
}

export function startPendingVoidRetrier(deps: PendingVoidRetrierDeps): PendingVoidRetrier {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const base = deps.baseDelayMs ?? 5_000;
  const max = deps.maxDelayMs ?? 10 * 60_000;
  // Wards whose health check failed: seen up again, their pending voids are tried at once.
  const seenDown = new Set<string>();
  let running: Promise<number> | null = null;
  let stopped = false;
  // At start every ward with voids waiting counts as "was down": found up, they are tried at once.
  let firstPass = true;

  async function tryOne(p: PendingVoid): Promise<boolean> {
    try {
      await deps.ward.voidIssued(p.issuer as WardId, p.serial, { reason: p.reason as never }, `void-${p.serial}`);
      finish(p, 'voided');
      return true;
    } catch (err) {
      const code = errorCode(err);
      if (FINAL.has(code)) {
        finish(p, code === 'already-voided' ? 'already-voided' : 'printed');
        return true;
      }
      const delay = retryDelayMs(p.attempts, random(), base, max);
      deps.pendingVoids.recordFailure(p.serial, { error: code, nextTryAt: now() + delay });
      log.warn({ serial: p.serial, err: code, attempts: p.attempts + 1, retryInMs: delay }, 'pending void still not confirmed');
      if (code === 'unreachable' || code.startsWith('http-5')) seenDown.add(p.issuer);
      return false;
    }
  }

  function finish(p: PendingVoid, outcome: 'voided' | 'already-voided' | 'printed'): void {
    deps.pendingVoids.resolve(p.serial, outcome);
    if (outcome === 'printed') {
      log.error({ serial: p.serial }, 'a serial the kiosk did not sell was printed');
      deps.alertStaff({ code: REFUNDED_SERIAL_PRINTED_ALERT, severity: 'error', reference: p.serial });
      return;
    }
    deps.confirmVoid(p.serial);
    log.info({ serial: p.serial, outcome, attempts: p.attempts }, 'pending void confirmed by the back end');
  }

  async function pass(): Promise<number> {
    let ended = 0;
    try {
      const pending = deps.pendingVoids.list();
      const t = now();
      if (firstPass) for (const p of pending) seenDown.add(p.issuer);
      firstPass = false;
      // Wards with voids waiting for a later try: a health check says whether the back end is back.
      for (const issuer of new Set(pending.filter((p) => p.nextTryAt > t).map((p) => p.issuer))) {
        const up = await deps.ward.health(issuer as WardId).then(
          () => true,
          () => false,
        );
        if (stopped) return ended;
        if (!up) seenDown.add(issuer);
        else if (seenDown.delete(issuer)) {
          log.info({ ward: issuer }, 'ward back end reachable again; retrying its pending voids');
          deps.pendingVoids.makeDue(issuer);
        }
      }
      for (const p of deps.pendingVoids.list()) {
        if (stopped) break;
        if (p.nextTryAt <= now() && (await tryOne(p))) ended++;
      }
    } catch (err) {
      log.error({ err: errorCode(err) }, 'pending void pass failed');
    }
    return ended;
  }

  const tick = (): Promise<number> => {
    if (stopped) return Promise.resolve(0);
    if (running) return running;
    running = pass().finally(() => {
      running = null;
    });
    return running;
  };

  const interval = deps.intervalMs ?? 2_000;
  const timer = interval > 0 ? setInterval(() => void tick(), interval) : null;
  timer?.unref();

  return {
    tick,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
