/**
 * Waits until some reader matches a condition (e.g. "a card is present"), driven by the
 * manager's events. Resolves with the reader or rejects with CardError `no-card` on timeout.
 */
import { CardError } from './card-errors';
import type { CardReaderInfo, CardReaderManager } from './card-reader-manager';

/** Resolves with the first reader for which `predicate` holds, checking now and on every event. */
export function waitForReader(manager: CardReaderManager, predicate: (r: CardReaderInfo) => boolean, timeoutMs: number): Promise<CardReaderInfo> {
  return new Promise((resolve, reject) => {
    const offs: Array<() => void> = [];
    const finish = (r: CardReaderInfo | undefined) => {
      clearTimeout(timer);
      clearInterval(poll);
      offs.forEach((off) => off());
      if (r) resolve(r);
      else reject(new CardError('no-card', 'timed out waiting for a reader'));
    };
    const check = () => {
      const hit = manager.listReaders().find(predicate);
      if (hit) finish(hit);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    // Events carry the change; the slow poll covers a change that raced the subscription.
    const poll = setInterval(check, 100);
    for (const ev of ['readerAdded', 'cardInserted', 'serviceRestored'] as const) offs.push(manager.on(ev, check));
    check();
  });
}

/** Waits for a card to be present in `readerName` (or any reader when undefined). */
export function waitForCard(manager: CardReaderManager, timeoutMs: number, readerName?: string): Promise<CardReaderInfo> {
  return waitForReader(manager, (r) => r.cardPresent && (readerName === undefined || r.name === readerName), timeoutMs);
}
