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
  test('the devices are held by the session and by its wipe (money given back), and free once the wipe is done', async () => {
    const { session, changes } = setup();
    let release: () => void = () => {};
    const heldDuringWipe: boolean[] = [];
    session.registerWiper('money', async () => {
      heldDuringWipe.push(session.holdsDevices);
      await new Promise<void>((resolve) => (release = resolve));
      heldDuringWipe.push(session.holdsDevices);
    });
    assert.equal(session.holdsDevices, false);
    session.start('certificate');
    assert.equal(session.holdsDevices, true);
    const ending = session.end('cancel');
    await flush();
    assert.equal(session.active, false, 'no longer live');
    assert.equal(session.holdsDevices, true, 'but its refund may still be at the cash unit');
    release();
    await ending;
    assert.deepEqual(heldDuringWipe, [true, true]);
    assert.equal(session.holdsDevices, false);
    assert.equal(changes.at(-1)?.phase, 'idle', 'the idle state is announced once the devices are free');
  });

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

/**
 * Every ending explains (issue 16): after the wipe, the idle state carries what the first screen
 * says (why the session ended, the card to take) and its time left on the kiosk's clock.
 */
function setupWithCard() {
  const clock = new ManualClock();
  const card = { in: false };
  const changes: SessionState[] = [];
  const session = new SessionManager({
    idleTimeoutMs: 60_000,
    promptMs: 30_000,
    clock,
    onChange: (s) => changes.push(s),
    endings: { cardInReader: () => card.in, readMs: 15_000, takeCardMs: 30_000 },
  });
  return { clock, card, changes, session };
}

describe('session endings', () => {
  test('the card pulled: the first screen says so for the reading time, counted down, then shows itself', async () => {
    const { clock, changes, session } = setupWithCard();
    session.start('certificate');
    await session.end('card-removed');
    assert.deepEqual(session.state(), { phase: 'idle', endedReason: 'card-removed', ending: { reason: 'card-removed', takeCard: false, remainingMs: 15_000 } });
    assert.deepEqual(changes.at(-1), session.state(), 'the renderer was told');
    clock.advance(5_000);
    const later = session.state();
    assert.equal(later.phase === 'idle' && later.ending?.remainingMs, 10_000, 'the time left is counted on the kiosk clock');
    clock.advance(10_000);
    assert.deepEqual(session.state(), { phase: 'idle', endedReason: 'card-removed' });
    assert.deepEqual(changes.at(-1), { phase: 'idle', endedReason: 'card-removed' }, 'the renderer was told the ending is over');
  });

  test('the time running out says so after the prompt', async () => {
    const { clock, session } = setupWithCard();
    session.start('application');
    clock.advance(90_000);
    await flush();
    const state = session.state();
    assert.equal(state.phase === 'idle' && state.ending?.reason, 'timeout');
  });

  test('最初に戻る with the card still in asks THIS citizen to take it; taking it goes straight to the first screen', async () => {
    const { card, changes, session } = setupWithCard();
    session.start('certificate');
    card.in = true;
    await session.end('cancel');
    assert.deepEqual(session.state(), { phase: 'idle', endedReason: 'cancel', ending: { reason: 'cancel', takeCard: true, remainingMs: 30_000 } });
    card.in = false;
    session.cardTaken();
    assert.deepEqual(session.state(), { phase: 'idle', endedReason: 'cancel' });
    assert.deepEqual(changes.at(-1), { phase: 'idle', endedReason: 'cancel' });
  });

  test('最初に戻る or a finished journey with no card says nothing more', async () => {
    for (const reason of ['cancel', 'complete'] as const) {
      const { session } = setupWithCard();
      session.start('application');
      await session.end(reason);
      assert.deepEqual(session.state(), { phase: 'idle', endedReason: reason });
    }
  });

  test('the time out with the card left in: the card line goes when it is taken, the reason stays for at most the reading time', async () => {
    const { clock, card, session } = setupWithCard();
    session.start('certificate');
    card.in = true;
    clock.advance(90_000);
    await flush();
    const asking = session.state();
    assert.deepEqual(asking.phase === 'idle' && asking.ending, { reason: 'timeout', takeCard: true, remainingMs: 30_000 });
    clock.advance(2_000);
    card.in = false;
    session.cardTaken();
    const taken = session.state();
    assert.deepEqual(taken.phase === 'idle' && taken.ending, { reason: 'timeout', takeCard: false, remainingMs: 15_000 });
    clock.advance(15_000);
    assert.deepEqual(session.state(), { phase: 'idle', endedReason: 'timeout' });
  });

  test('a new citizen starting during an ending clears it, and its timer does not end the new session', async () => {
    const { clock, session } = setupWithCard();
    session.start('certificate');
    await session.end('card-removed');
    const started = session.start('application');
    assert.equal(started.phase, 'active');
    clock.advance(15_000);
    assert.equal(session.state().phase, 'active');
    await session.end('cancel');
    assert.deepEqual(session.state(), { phase: 'idle', endedReason: 'cancel' }, 'no ending left over from before');
  });

  test('no one to tell: a renderer gone, crash recovery and shutdown end without an ending', async () => {
    for (const reason of ['renderer-gone', 'crash-recovery', 'shutdown'] as const) {
      const { card, session } = setupWithCard();
      card.in = true;
      session.start('certificate');
      await session.end(reason);
      assert.deepEqual(session.state(), { phase: 'idle', endedReason: reason });
    }
  });
});
