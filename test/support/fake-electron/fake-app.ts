/**
 * `app` as documented: 'ready' once (`whenReady` resolves after it); `requestSingleInstanceLock`
 * is true for the first instance on the machine and false for later ones, which make the first
 * emit 'second-instance' (event, argv, workingDirectory, additionalData); `relaunch` only schedules
 * a new instance for when this one exits; `exit` ends at once (no 'before-quit'/'will-quit').
 */
import { EventEmitter } from 'node:events';
import { FakeEvent } from './fake-event';

/** The machine the instances run on: who holds the single-instance lock. */
export class FakeMachine {
  lockHolder: FakeApp | null = null;
}

export class FakeApp extends EventEmitter {
  isReady = false;
  exitCode: number | null = null;
  relaunchRequested = false;
  quitRequested = false;
  private readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(
    private readonly machine: FakeMachine,
    readonly argv: string[],
    readonly isPackaged: boolean,
  ) {
    super();
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  whenReady(): Promise<void> {
    return this.ready;
  }
  /** The test's stand-in for Chromium finishing its start: emits 'ready' once. */
  emitReady(): void {
    if (this.isReady) return;
    this.isReady = true;
    this.emit('ready', new FakeEvent(), {});
    this.markReady();
  }
  requestSingleInstanceLock(): boolean {
    const holder = this.machine.lockHolder;
    if (holder === null || holder === this || holder.exitCode !== null) {
      this.machine.lockHolder = this;
      return true;
    }
    holder.emit('second-instance', new FakeEvent(), [...this.argv], '/', {});
    return false;
  }
  relaunch(): void {
    this.relaunchRequested = true;
  }
  exit(exitCode = 0): void {
    if (this.exitCode === null) this.exitCode = exitCode;
  }
  quit(): void {
    this.quitRequested = true;
  }
}
