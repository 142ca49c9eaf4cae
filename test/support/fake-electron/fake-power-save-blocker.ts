/** `powerSaveBlocker`: `start` returns a blocker id (an integer); `stop(id)` ends it. */
export class FakePowerSaveBlocker {
  readonly active = new Map<number, 'prevent-app-suspension' | 'prevent-display-sleep'>();
  private nextId = 0;

  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number {
    const id = this.nextId++;
    this.active.set(id, type);
    return id;
  }
  stop(id: number): boolean {
    return this.active.delete(id);
  }
  isStarted(id: number): boolean {
    return this.active.has(id);
  }
}
