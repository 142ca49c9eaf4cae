/**
 * Fault injection for tests and the demo (only when the server is started with `faults: true`):
 * down (stop listening for a while), slow (delay answers), http500 (next N requests fail) and
 * drop-after-commit (next N state-changing requests commit, then the socket is destroyed unanswered).
 */
import type { FaultRequest } from '../contract/ward-api';

/** The current fault state; read by the request pipeline. */
export interface FaultState {
  /** Delay before answering, ms. */
  slowMs: number;
  /** Requests left to fail with 500 `injected-fault`. */
  http500Left: number;
  /** State-changing requests left to drop after commit. */
  dropAfterCommitLeft: number;
  /** True while the listener is closed. */
  down: boolean;
}

/** Programmatic control, also behind `POST /v1/_faults`. */
export interface FaultControls {
  /** Applies one fault request (the same shapes as the HTTP body). */
  apply(req: FaultRequest): Promise<void>;
  /** Clears every fault and, if down, listens again. */
  clear(): Promise<void>;
  /** A snapshot of the current state. */
  state(): FaultState;
}

export class FaultController implements FaultControls {
  private readonly s: FaultState = { slowMs: 0, http500Left: 0, dropAfterCommitLeft: 0, down: false };
  private upTimer: NodeJS.Timeout | undefined;

  constructor(
    /** Stops listening and cuts open connections. */
    private readonly goDown: () => Promise<void>,
    /** Listens again on the same port. */
    private readonly goUp: () => Promise<void>,
  ) {}

  state(): FaultState {
    return { ...this.s };
  }

  async apply(req: FaultRequest): Promise<void> {
    switch (req.mode) {
      case 'slow':
        this.s.slowMs = req.delayMs;
        return;
      case 'http500':
        this.s.http500Left = req.count;
        return;
      case 'drop-after-commit':
        this.s.dropAfterCommitLeft = req.count;
        return;
      case 'clear':
        return this.clear();
      case 'down': {
        if (this.s.down) return;
        this.s.down = true;
        await this.goDown();
        this.upTimer = setTimeout(() => {
          void this.up();
        }, req.durationMs);
        this.upTimer.unref();
        return;
      }
    }
  }

  async clear(): Promise<void> {
    this.s.slowMs = 0;
    this.s.http500Left = 0;
    this.s.dropAfterCommitLeft = 0;
    await this.up();
  }

  /** Takes one 500 if armed. */
  takeHttp500(): boolean {
    if (this.s.http500Left <= 0) return false;
    this.s.http500Left -= 1;
    return true;
  }

  /** Takes one drop-after-commit if armed. */
  takeDrop(): boolean {
    if (this.s.dropAfterCommitLeft <= 0) return false;
    this.s.dropAfterCommitLeft -= 1;
    return true;
  }

  /** Cancels the restore timer (server stopping). */
  dispose(): void {
    if (this.upTimer) clearTimeout(this.upTimer);
  }

  private async up(): Promise<void> {
    if (this.upTimer) clearTimeout(this.upTimer);
    this.upTimer = undefined;
    if (!this.s.down) return;
    this.s.down = false;
    await this.goUp();
  }
}
