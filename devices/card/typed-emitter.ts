/**
 * A tiny typed event hub shared by the reader backends. Listeners are called on a later
 * tick (like real hardware notifications), and a throwing listener never breaks the backend.
 */
type AnyListener = (...args: never[]) => void;

export class TypedEmitter<E extends { [K in keyof E]: AnyListener }> {
  private readonly listeners = new Map<keyof E, Set<AnyListener>>();

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof E>(event: K, listener: E[K]): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Calls every listener of `event` on the next tick. */
  emit<K extends keyof E>(event: K, ...args: Parameters<E[K]>): void {
    const set = this.listeners.get(event);
    if (!set || set.size === 0) return;
    const snapshot = [...set];
    setImmediate(() => {
      for (const l of snapshot) {
        try {
          (l as (...a: Parameters<E[K]>) => void)(...args);
        } catch {
          // A listener's bug must not take the reader backend down.
        }
      }
    });
  }

  /** Drops every listener. */
  clear(): void {
    this.listeners.clear();
  }
}
