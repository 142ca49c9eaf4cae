/**
 * One citizen session at a time, with an explicit start and end.
 *
 * The idle timer lives here, on the main side, so a hung or closed renderer cannot keep a
 * citizen's data on screen: after `idleTimeoutMs` without activity the session moves to the
 * "Need more time?" prompt, and after `promptMs` more it is wiped. Every way a session ends
 * (timeout, cancel, completion, card removal, renderer gone, crash recovery) goes through
 * `end()`, which runs the one wipe: every registered wiper, then the idle state event.
 *
 * After the wipe the first screen may explain the end for a while (session-ending.ts): the idle
 * state carries the ending and its time left, counted on the kiosk's clock; a new session, or the
 * time running out, clears it.
 */
import { randomUUID } from 'node:crypto';
import type { EndReason, Journey, SessionEnding, SessionState } from '../../contract/kiosk-api';
import { systemClock, type Clock } from '../../platform/clock';
import { createLogger, errorCode } from '../../platform/log';
import { endingAfter, endingMs, type EndingOptions } from './session-ending';

const log = createLogger('session');

/** Clears one service's session data. Must not throw for "nothing to clear". */
export type Wiper = (reason: EndReason) => void | Promise<void>;

export interface SessionOptions {
  idleTimeoutMs: number;
  promptMs: number;
  /** Receives every state change (the event hub's `session.changed`). */
  onChange: (state: SessionState) => void;
  clock?: Clock;
  /** Endings the first screen explains; without it every session ends straight to the first screen. */
  endings?: EndingOptions;
}

type Live = { sessionId: string; journey: Journey | null; phase: 'active' | 'prompt'; deadline: number };
type Ending = Omit<SessionEnding, 'remainingMs'> & { deadline: number };

export class SessionManager {
  private live: Live | null = null;
  private lastEnded: EndReason | undefined;
  /** What the first screen says after the last session, until its deadline. */
  private ending: Ending | null = null;
  private timer: unknown = null;
  private wiping: Promise<SessionState> | null = null;
  /** True while the wipers run (the session is no longer live, but its money is still being given back). */
  private wipersRunning = false;
  private readonly wipers = new Map<string, Wiper>();
  private readonly clock: Clock;

  constructor(private readonly options: SessionOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** Registers a service's wiper under a unique name; returns its removal. */
  registerWiper(name: string, wiper: Wiper): () => void {
    if (this.wipers.has(name)) throw new Error(`wiper ${name} registered twice`);
    this.wipers.set(name, wiper);
    return () => this.wipers.delete(name);
  }

  state(): SessionState {
    const live = this.live;
    if (!live) {
      if (!this.lastEnded) return { phase: 'idle' };
      const ending = this.ending;
      if (!ending) return { phase: 'idle', endedReason: this.lastEnded };
      const remainingMs = Math.max(0, Math.round(ending.deadline - this.clock.now()));
      return { phase: 'idle', endedReason: this.lastEnded, ending: { reason: ending.reason, takeCard: ending.takeCard, remainingMs } };
    }
    if (live.phase === 'active') return { phase: 'active', sessionId: live.sessionId, journey: live.journey };
    return {
      phase: 'prompt',
      sessionId: live.sessionId,
      journey: live.journey,
      remainingMs: Math.max(0, Math.round(live.deadline - this.clock.now())),
    };
  }

  get active(): boolean {
    return this.live !== null;
  }

  /**
   * A session runs or its wipe is still under way (money given back, serials voided): until then
   * the devices belong to that citizen, and nobody else (a monitor, a scrape) may take the cash unit.
   */
  get holdsDevices(): boolean {
    return this.live !== null || this.wipersRunning;
  }

  /** Starts a session, or returns the one already running (a second touch is not a second citizen). */
  start(journey: Journey | null): SessionState {
    if (this.wiping) return this.state();
    if (!this.live) {
      this.live = { sessionId: randomUUID(), journey, phase: 'active', deadline: 0 };
      this.lastEnded = undefined;
      this.ending = null;
      log.info({ sessionId: this.live.sessionId }, 'session started');
    } else if (journey !== null) {
      this.live.journey = journey;
    }
    return this.toActive();
  }

  setJourney(journey: Journey | null): SessionState {
    if (!this.live || this.wiping) return this.state();
    this.live.journey = journey;
    return this.toActive();
  }

  /** A touch restarts the idle timer, but not while the prompt asks: only `extend` answers it. */
  activity(): SessionState {
    if (!this.live || this.live.phase === 'prompt' || this.wiping) return this.state();
    return this.toActive(false);
  }

  extend(): SessionState {
    if (!this.live || this.wiping) return this.state();
    return this.toActive();
  }

  /** Ends the session through the one wipe. Concurrent calls share the same wipe. */
  end(reason: EndReason): Promise<SessionState> {
    if (this.wiping) return this.wiping;
    this.wiping = this.wipe(reason).finally(() => {
      this.wiping = null;
    });
    return this.wiping;
  }

  /** Stops the timer without a wipe event (process shutdown). */
  dispose(): void {
    this.clearTimer();
  }

  private async wipe(reason: EndReason): Promise<SessionState> {
    this.clearTimer();
    const sessionId = this.live?.sessionId;
    this.live = null;
    this.wipersRunning = true;
    for (const [name, wiper] of this.wipers) {
      try {
        await wiper(reason);
      } catch (err) {
        // One failing wiper must not leave the others' data behind.
        log.error({ wiper: name, err: errorCode(err) }, 'wiper failed');
      }
    }
    this.wipersRunning = false;
    this.lastEnded = reason;
    log.info({ sessionId, reason }, 'session wiped');
    this.showEnding(reason);
    const state = this.state();
    this.options.onChange(state);
    return state;
  }

  /**
   * The card was taken out. An ending that asked for it goes on only if it has more to say (the
   * card pulled, the time out), and then for at most the reading time; else the first screen shows.
   */
  cardTaken(): void {
    const ending = this.ending;
    const endings = this.options.endings;
    if (this.live || !ending?.takeCard || !endings) return;
    if (endingAfter(ending.reason, false) === null) {
      this.closeEnding();
      return;
    }
    const deadline = Math.min(ending.deadline, this.clock.now() + endingMs(endings, false));
    this.ending = { ...ending, takeCard: false, deadline };
    this.arm(Math.max(0, deadline - this.clock.now()), () => this.closeEnding());
    this.options.onChange(this.state());
  }

  private showEnding(reason: EndReason): void {
    this.ending = null;
    const endings = this.options.endings;
    if (!endings) return;
    const takeCard = endings.cardInReader();
    const shown = endingAfter(reason, takeCard);
    if (shown === null) return;
    const ms = endingMs(endings, takeCard);
    this.ending = { reason: shown, takeCard, deadline: this.clock.now() + ms };
    this.arm(ms, () => this.closeEnding());
  }

  private closeEnding(): void {
    if (this.live || !this.ending) return;
    this.clearTimer();
    this.ending = null;
    this.options.onChange(this.state());
  }

  private toActive(notify = true): SessionState {
    const live = this.live!;
    const wasPrompt = live.phase === 'prompt';
    live.phase = 'active';
    this.arm(this.options.idleTimeoutMs, () => this.toPrompt());
    const state = this.state();
    if (notify || wasPrompt) this.options.onChange(state);
    return state;
  }

  private toPrompt(): void {
    const live = this.live;
    if (!live) return;
    live.phase = 'prompt';
    live.deadline = this.clock.now() + this.options.promptMs;
    this.arm(this.options.promptMs, () => void this.end('timeout'));
    this.options.onChange(this.state());
  }

  private arm(ms: number, fn: () => void): void {
    this.clearTimer();
    this.timer = this.clock.setTimeout(fn, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
