/**
 * Temp things (a journal dir, an outbox) made on demand by a test file's tests and all cleaned up
 * once the file's tests are done, so a failing test still leaves nothing behind.
 */
import { after } from 'node:test';

/** Returns `make` wrapped: every thing it makes has `cleanup()` called in the file's `after` hook. */
export function cleanedAfterFile<T extends { cleanup(): void }>(make: () => T): () => T {
  const made: T[] = [];
  after(() => made.forEach((t) => t.cleanup()));
  return () => {
    const t = make();
    made.push(t);
    return t;
  };
}
