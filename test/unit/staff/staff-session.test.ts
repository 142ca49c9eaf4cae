import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KioskError } from '../../../contract/errors';
import type { StaffState } from '../../../contract/staff-console';
import type { Clock } from '../../../platform/clock';
import type { ParsedPasscodeHash } from '../../../main/staff/staff-passcode';
import { cheapPasscodeHash, TEST_PEPPER } from './cheap-passcode-hash';
import { StaffSession } from '../../../main/staff/staff-session';

/** A hand-driven clock: timers fire only when the test advances time. */
function fakeClock() {
  let now = 1_000_000;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (h) => void timers.delete(h as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at <= now) {
        timers.delete(id);
        t.fn();
      }
    }
  };
  return { clock, advance };
}

let hash: ParsedPasscodeHash;
async function makeSession(overrides: { busy?: () => boolean } = {}) {
  hash ??= await cheapPasscodeHash('24681357');
  const { clock, advance } = fakeClock();
  const changes: StaffState[] = [];
  const session = new StaffSession({
    passcodeHash: hash,
    pepper: TEST_PEPPER,
    lockoutAfter: 3,
    lockoutSec: 60,
    idleTimeoutSec: 120,
    citizenBusy: overrides.busy ?? (() => false),
    onChange: (s) => changes.push(s),
    clock,
  });
  return { session, advance, changes };
}

describe('staff session', () => {
  test('the right passcode opens a session; logout closes it', async () => {
    const { session, changes } = await makeSession();
    assert.throws(
      () => session.require(),
      (e: unknown) => e instanceof KioskError && e.code === 'staff.no-session',
    );
    const result = await session.login('24681357');
    assert.equal(result.outcome, 'ok');
    assert.equal(session.active, true);
    session.require();
    assert.deepEqual(session.logout(), { phase: 'closed', endedReason: 'logout' });
    assert.deepEqual(
      changes.map((c) => c.phase),
      ['open', 'closed'],
    );
  });

  test('wrong tries count down, then lock even the right passcode until the lockout passes', async () => {
    const { session, advance } = await makeSession();
    assert.deepEqual(await session.login('11111111'), { outcome: 'wrong-passcode', triesLeft: 2 });
    assert.deepEqual(await session.login('22222222'), { outcome: 'wrong-passcode', triesLeft: 1 });
    assert.deepEqual(await session.login('33333333'), { outcome: 'locked', retryAfterSec: 60 });
    assert.deepEqual(await session.login('24681357'), { outcome: 'locked', retryAfterSec: 60 });
    advance(45_000);
    assert.deepEqual(await session.login('24681357'), { outcome: 'locked', retryAfterSec: 15 });
    assert.equal(session.active, false);
    advance(15_000);
    assert.equal((await session.login('24681357')).outcome, 'ok');
  });

  test('a success resets the count of wrong tries', async () => {
    const { session } = await makeSession();
    await session.login('11111111');
    await session.login('11111111');
    assert.equal((await session.login('24681357')).outcome, 'ok');
    session.logout();
    assert.deepEqual(await session.login('11111111'), { outcome: 'wrong-passcode', triesLeft: 2 });
  });

  test('parallel wrong tries are counted one by one (no slipping past the lockout)', async () => {
    const { session } = await makeSession();
    const results = await Promise.all(['10000000', '20000000', '30000000', '40000000', '24681357'].map((p) => session.login(p)));
    assert.deepEqual(
      results.map((r) => r.outcome),
      ['wrong-passcode', 'wrong-passcode', 'locked', 'locked', 'locked'],
    );
    assert.equal(session.active, false);
  });

  test('no staff session while a citizen is mid-payment, and no try is used up', async () => {
    let busy = true;
    const { session } = await makeSession({ busy: () => busy });
    assert.deepEqual(await session.login('11111111'), { outcome: 'citizen-busy' });
    assert.deepEqual(await session.login('24681357'), { outcome: 'citizen-busy' });
    busy = false;
    assert.deepEqual(await session.login('11111111'), { outcome: 'wrong-passcode', triesLeft: 2 });
  });

  test('the session times out without staff activity; activity pushes the deadline', async () => {
    const { session, advance, changes } = await makeSession();
    await session.login('24681357');
    advance(100_000);
    session.activity();
    advance(100_000);
    assert.equal(session.active, true, 'activity restarted the timer');
    advance(20_000);
    assert.equal(session.active, false);
    assert.deepEqual(session.state(), { phase: 'closed', endedReason: 'timeout' });
    assert.deepEqual(changes.at(-1), { phase: 'closed', endedReason: 'timeout' });
    assert.throws(
      () => session.activity(),
      (e: unknown) => e instanceof KioskError && e.code === 'staff.no-session',
    );
  });
});
