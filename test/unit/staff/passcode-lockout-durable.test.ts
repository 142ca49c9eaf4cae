/**
 * The staff passcode's wrong tries and lockout survive a restart: they live in the journal
 * (migration 4), are written before a try's result is returned, a right passcode clears them,
 * and repeated lockouts grow (doubling, capped) and alert staff.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KioskError } from '../../../contract/errors';
import type { StaffAlert } from '../../../main/staff/staff-alert';
import type { TransactionJournal } from '../../../main/journal/transaction-journal';
import { JournalError } from '../../../main/journal/journal-errors';
import { JOURNAL_MIGRATIONS } from '../../../main/journal/journal-schema';
import { openDatabase } from '../../../platform/sqlite/open-database';
import type { Clock } from '../../../platform/clock';
import { gateTry, lockoutMs, NO_ATTEMPTS, type PasscodeAttempts, type PasscodeAttemptStore } from '../../../main/staff/passcode-lockout';
import type { ParsedPasscodeHash } from '../../../main/staff/staff-passcode';
import { cheapPasscodeHash, TEST_PEPPER } from './cheap-passcode-hash';
import { StaffSession } from '../../../main/staff/staff-session';
import { cleanedAfterFile } from '../../support/cleaned-after';
import { tempJournalDir } from '../journal/journal-test-helpers';

const RIGHT = '24681357';
const fresh = cleanedAfterFile(tempJournalDir);
let hash: ParsedPasscodeHash;

/** A settable clock (no timers fire: the idle timeout is not under test here). */
function clockAt(start: number) {
  let now = start;
  const clock: Clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };
  return { clock, advance: (ms: number) => void (now += ms) };
}

/** One "run" of the kiosk: a session over the given journal, as createStaff builds it. */
async function sessionOver(journal: TransactionJournal, clock: Clock, alerts: StaffAlert[] = [], attempts: PasscodeAttemptStore = journal.passcodeAttempts) {
  hash ??= await cheapPasscodeHash(RIGHT);
  return new StaffSession({
    passcodeHash: hash,
    pepper: TEST_PEPPER,
    lockoutAfter: 3,
    lockoutSec: 60,
    lockoutMaxSec: 300,
    idleTimeoutSec: 120,
    attempts,
    alertStaff: (a) => alerts.push(a),
    citizenBusy: () => false,
    onChange: () => undefined,
    clock,
  });
}

describe('staff passcode attempts in the journal', () => {
  test('a fresh journal has no attempts; a saved state reads back after reopening', () => {
    const t = fresh();
    let j = t.open();
    assert.deepEqual(j.passcodeAttempts.load(), NO_ATTEMPTS);
    j.passcodeAttempts.save({ failures: 2, lockedUntil: 1_234, lockouts: 1 });
    j.close();
    j = t.open();
    assert.deepEqual(j.passcodeAttempts.load(), { failures: 2, lockedUntil: 1_234, lockouts: 1 });
    assert.throws(
      () => j.passcodeAttempts.save({ failures: -1, lockedUntil: 0, lockouts: 0 }),
      (e: unknown) => e instanceof JournalError && e.code === 'invalid-input',
    );
    assert.throws(() => j.db.prepare('DELETE FROM staff_passcode_attempts').run(), /never deleted/);
    j.close();
  });

  test('a journal made before migration 4 gets the attempts row, empty', () => {
    const t = fresh();
    openDatabase({ path: t.path, migrations: JOURNAL_MIGRATIONS.slice(0, 3) }).close();
    const j = t.open();
    assert.deepEqual(j.passcodeAttempts.load(), NO_ATTEMPTS);
    j.close();
  });

  test('the wrong-try count survives reopening the journal (a restart does not give fresh tries)', async () => {
    const t = fresh();
    const { clock } = clockAt(5_000_000);
    let j = t.open();
    assert.deepEqual(await (await sessionOver(j, clock)).login('11111111'), { outcome: 'wrong-passcode', triesLeft: 2 });
    assert.deepEqual(await (await sessionOver(j, clock)).login('22222222'), { outcome: 'wrong-passcode', triesLeft: 1 });
    j.close();
    j = t.open();
    assert.deepEqual(j.passcodeAttempts.load(), { failures: 2, lockedUntil: 0, lockouts: 0 }, 'stored before the result was returned');
    assert.deepEqual(await (await sessionOver(j, clock)).login('33333333'), { outcome: 'locked', retryAfterSec: 60 });
    j.close();
  });

  test('a lockout survives a restart, even for the right passcode, and ends on time', async () => {
    const t = fresh();
    const { clock, advance } = clockAt(5_000_000);
    let j = t.open();
    const s = await sessionOver(j, clock);
    for (const p of ['11111111', '22222222']) await s.login(p);
    assert.equal((await s.login('33333333')).outcome, 'locked');
    j.close();
    advance(20_000);
    j = t.open();
    assert.deepEqual(await (await sessionOver(j, clock)).login(RIGHT), { outcome: 'locked', retryAfterSec: 40 });
    j.close();
    advance(40_000);
    j = t.open();
    assert.equal((await (await sessionOver(j, clock)).login(RIGHT)).outcome, 'ok');
    j.close();
  });

  test('a try cut short before its result still counts (counted as wrong before it is checked)', async () => {
    const t = fresh();
    const { clock } = clockAt(5_000_000);
    const j = t.open();
    // The store sees the try counted before the passcode is checked; a crash right then keeps it.
    const seen: PasscodeAttempts[] = [];
    const spy: PasscodeAttemptStore = { load: () => j.passcodeAttempts.load(), save: (n) => (seen.push(n), j.passcodeAttempts.save(n)) };
    assert.equal((await (await sessionOver(j, clock, [], spy)).login(RIGHT)).outcome, 'ok');
    assert.deepEqual(seen, [{ failures: 1, lockedUntil: 0, lockouts: 0 }, NO_ATTEMPTS]);
    // A last try that never got its result (failures already at the limit): the next start locks.
    j.passcodeAttempts.save({ failures: 3, lockedUntil: 0, lockouts: 0 });
    assert.deepEqual(await (await sessionOver(j, clock)).login(RIGHT), { outcome: 'locked', retryAfterSec: 60 });
    j.close();
  });

  test('the right passcode resets the count and the escalation', async () => {
    const t = fresh();
    const { clock, advance } = clockAt(5_000_000);
    const j = t.open();
    const s = await sessionOver(j, clock);
    for (const p of ['11111111', '22222222', '33333333']) await s.login(p);
    advance(60_000);
    await s.login('44444444');
    assert.equal((await s.login(RIGHT)).outcome, 'ok');
    assert.deepEqual(j.passcodeAttempts.load(), NO_ATTEMPTS);
    s.logout();
    assert.deepEqual(await s.login('55555555'), { outcome: 'wrong-passcode', triesLeft: 2 });
    await s.login('66666666');
    assert.deepEqual(await s.login('77777777'), { outcome: 'locked', retryAfterSec: 60 }, 'back to the first lockout length');
    j.close();
  });

  test('repeated lockouts double (capped), across restarts, and alert staff', async () => {
    const t = fresh();
    const { clock, advance } = clockAt(5_000_000);
    const alerts: StaffAlert[] = [];
    const lengths: number[] = [];
    for (let round = 0; round < 5; round++) {
      const j = t.open(); // each round is a fresh start of the kiosk
      const s = await sessionOver(j, clock, alerts);
      let last = await s.login('10000000');
      for (const p of ['20000000', '30000000']) last = await s.login(p);
      assert.equal(last.outcome, 'locked');
      if (last.outcome === 'locked') lengths.push(last.retryAfterSec);
      j.close();
      advance(last.outcome === 'locked' ? last.retryAfterSec * 1000 : 0);
    }
    assert.deepEqual(lengths, [60, 120, 240, 300, 300]);
    assert.deepEqual(
      alerts.map((a) => a.code),
      ['staff-passcode-locked', ...Array(4).fill('staff-passcode-locked-again')],
    );
    assert.deepEqual(
      alerts.map((a) => a.severity),
      ['warning', 'error', 'error', 'error', 'error'],
    );
    assert.ok(
      alerts.every((a) => a.reference === undefined),
      'no passcode or part of one in an alert',
    );
  });

  test('a store that cannot be written: no try is checked, not-available, staff alerted', async () => {
    const { clock } = clockAt(5_000_000);
    const alerts: StaffAlert[] = [];
    const broken: PasscodeAttemptStore = {
      load: () => NO_ATTEMPTS,
      save: () => {
        throw new JournalError('closed', 'closed');
      },
    };
    const s = await sessionOver(undefined as unknown as TransactionJournal, clock, alerts, broken);
    await assert.rejects(s.login(RIGHT), (e: unknown) => e instanceof KioskError && e.code === 'not-available');
    assert.equal(s.active, false, 'the right passcode did not open a session it could not count');
    assert.deepEqual(
      alerts.map((a) => a.code),
      ['journal-write-failed'],
    );
  });
});

describe('lockout policy', () => {
  const policy = { lockoutAfter: 3, lockoutSec: 60, maxSec: 300 };
  test('lengths double from lockoutSec and stop at the cap (never below lockoutSec)', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 60].map((n) => lockoutMs(n, policy) / 1000),
      [60, 120, 240, 300, 300, 300],
    );
    assert.equal(lockoutMs(3, { ...policy, maxSec: 10 }), 60_000);
  });

  test('a clock set back never makes a lockout longer than its own length', () => {
    const gate = gateTry({ failures: 0, lockedUntil: 10_000_000, lockouts: 2 }, 1_000, policy);
    assert.equal(gate.kind, 'locked');
    if (gate.kind === 'locked') {
      assert.equal(gate.retryAfterSec, 120);
      assert.deepEqual(gate.next, { failures: 0, lockedUntil: 121_000, lockouts: 2 });
    }
  });
});
