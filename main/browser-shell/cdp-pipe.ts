/**
 * The few DevTools-protocol commands the browser shell sends over Chromium's
 * `--remote-debugging-pipe` (fd 3 in, fd 4 out; messages are JSON ended by a NUL byte).
 * The pipe is private to the parent process: unlike a debugging port, no other local user
 * or web page can reach it. Every command waits a bounded time.
 */
import type { Readable, Writable } from 'node:stream';

export const CDP_COMMAND_TIMEOUT_MS = 15_000;

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message?: string } };

export interface CdpPipe {
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Resolves with the params of the first event `method` whose params `match` (bounded wait). */
  waitForEvent(method: string, match: (params: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

export function openCdpPipe(toBrowser: Writable, fromBrowser: Readable, timeoutMs = CDP_COMMAND_TIMEOUT_MS): CdpPipe {
  let buffered = '';
  let nextId = 1;
  const replies = new Map<number, (m: Message) => void>();
  const watchers = new Set<(m: Message) => void>();

  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const text = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      let message: Message;
      try {
        message = JSON.parse(text) as Message;
      } catch {
        continue;
      }
      if (typeof message.id === 'number') replies.get(message.id)?.(message);
      else for (const watch of watchers) watch(message);
    }
  });

  const bounded = <T>(what: string, register: (done: (value: T) => void, fail: (err: Error) => void) => () => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      // Assigned below; an answer can arrive while `register` runs (a synchronous stream).
      let unregister = () => {};
      const timer = setTimeout(() => {
        unregister();
        reject(new Error(`Chromium did not answer ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref(); // a wait on Chromium never keeps the kiosk process alive by itself
      const finish = () => {
        clearTimeout(timer);
        unregister();
      };
      unregister = register(
        (value) => (finish(), resolve(value)),
        (err) => (finish(), reject(err)),
      );
    });

  return {
    send: (method, params = {}) =>
      bounded(method, (done, fail) => {
        const id = nextId++;
        replies.set(id, (m) => (m.error ? fail(new Error(`Chromium refused ${method}`)) : done(m.result ?? {})));
        toBrowser.write(`${JSON.stringify({ id, method, params })}\0`);
        return () => replies.delete(id);
      }),
    waitForEvent: (method, match) =>
      bounded(method, (done) => {
        const watch = (m: Message) => {
          if (m.method === method && m.params && match(m.params)) done(m.params);
        };
        watchers.add(watch);
        return () => watchers.delete(watch);
      }),
  };
}
