/**
 * A small typed listener set for the payment devices. Delivery is synchronous and in order:
 * the sources (HID reads, simulator ticks) are already asynchronous, and money events must
 * never be reordered. A throwing listener is isolated so it cannot break the device code.
 */
type AnyListener = (...args: never[]) => void;

export class TypedEvents<E extends { [K in keyof E]: AnyListener }> {
  private readonly sets = new Map<keyof E, Set<AnyListener>>();

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof E>(event: K, listener: E[K]): () => void {
    let set = this.sets.get(event);
    if (!set) this.sets.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** Calls every listener of `event` now, in registration order. */
  emit<K extends keyof E>(event: K, ...args: Parameters<E[K]>): void {
    for (const l of [...(this.sets.get(event) ?? [])]) {
      try {
        (l as (...a: Parameters<E[K]>) => void)(...args);
      } catch {
        // A listener's bug must not take the device down; the listener owns its errors.
      }
    }
  }

  /** Drops every listener. */
  clear(): void {
    this.sets.clear();
  }
}
