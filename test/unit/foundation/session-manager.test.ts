import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SessionState } from '../../../contract/kiosk-api';
import type { Clock } from '../../../platform/clock';
import { SessionManager } from '../../../main/session/session-manager';

/** A clock the test moves by hand. */
class ManualClock implements Clock {
  private t = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now() {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number) {
    const id = this.next++;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  }
  clearTimeout(id: unknown) {
    this.timers.delete(id as number);
  }
  advance(ms: number) {
    const until = this.t + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, v]) => v.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = until;
  }
}

function setup() {
  const clock = new ManualClock();
  const changes: SessionState[] = [];
  const session = new SessionManager({ idleTimeoutMs: 60_000, promptMs: 30_000, clock, onChange: (s) => changes.push(s) });
  return { clock, changes, session };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('session manager', () => {
  test('idle time leads to the prompt, then to the wipe', async () => {
    const { clock, changes, session } = setup();
    const wiped: string[] = [];
    session.registerWiper('card', (reason) => void wiped.push(`card:${reason}`));
    session.start('certificate');
    clock.advance(59_999);
    assert.equal(session.state().phase, 'active');
    clock.advance(1);
    const prompt = session.state();
    assert.equal(prompt.phase, 'prompt');
    assert.equal(prompt.phase === 'prompt' && prompt.remainingMs, 30_000);
    clock.advance(30_000);
    await flush();
    assert.deepEqual(session.state(), { phase: 'idle', endedReason: 'timeout' });
    assert.deepEqual(wiped, ['card:timeout']);
    assert.deepEqual(changes.at(-1), { phase: 'idle', endedReason: 'timeout' });
  });

  test('a touch restarts the idle timer, but does not answer the prompt', () => {
    const { clock, session } = setup();
    session.start(null);
    clock.advance(50_000);
    session.activity();
    clock.advance(50_000);
    assert.equal(session.state().phase, 'active');
    clock.advance(10_000);
    assert.equal(session.state().phase, 'prompt');
    session.activity();
    assert.equal(session.state().phase, 'prompt');
    session.extend();
    assert.equal(session.state().phase, 'active');
    clock.advance(59_000);
    assert.equal(session.state().phase, 'active');
  });

  test('every end path runs every wiper once, even when one fails', async () => {
    for (const reason of ['cancel', 'complete', 'card-removed', 'renderer-gone', 'crash-recovery'] as const) {
      const { session } = setup();
      const wiped: string[] = [];
      session.registerWiper('a', () => {
        throw new Error('broken');
      });
      session.registerWiper('b', async () => void wiped.push(reason));
      session.start('application');
      await Promise.all([session.end(reason), session.end(reason)]);
      assert.deepEqual(wiped, [reason]);
      assert.deepEqual(session.state(), { phase: 'idle', endedReason: reason });
    }
  });

  test('a second start during a session keeps the same session', () => {
    const { session } = setup();
    const first = session.start(null);
    const second = session.start('certificate');
    assert.equal(first.phase, 'active');
    assert.equal(second.phase === 'active' && second.sessionId, first.phase === 'active' && first.sessionId);
    assert.equal(second.phase === 'active' && second.journey, 'certificate');
  });

  test('after a wipe, a new session gets a new id', async () => {
    const { session } = setup();
    const a = session.start(null);
    await session.end('cancel');
    const b = session.start(null);
    assert.notEqual(a.phase === 'active' && a.sessionId, b.phase === 'active' && b.sessionId);
  });

  test('a wiper name cannot be registered twice', () => {
    const { session } = setup();
    session.registerWiper('x', () => undefined);
    assert.throws(() => session.registerWiper('x', () => undefined));
  });

  test('active through the session and its prompt, not before it starts nor after the wipe', async () => {
    const { clock, session } = setup();
    assert.equal(session.active, false);
    session.start('application');
    assert.equal(session.active, true);
    clock.advance(60_000);
    assert.equal(session.state().phase, 'prompt');
    assert.equal(session.active, true, "the prompt is still the citizen's session");
    await session.end('timeout');
    assert.equal(session.active, false);
  });

  test('a wiper removed with the function registerWiper returned no longer runs', async () => {
    const { session } = setup();
    const ran: string[] = [];
    const remove = session.registerWiper('gone', () => void ran.push('gone'));
    session.registerWiper('kept', () => void ran.push('kept'));
    remove();
    session.start(null);
    await session.end('cancel');
    assert.deepEqual(ran, ['kept']);
  });
});
