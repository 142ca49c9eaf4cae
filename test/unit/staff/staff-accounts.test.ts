/**
 * Staff accounts in the staff session, over a real staff directory (SQLite in a temporary data
 * folder; cheap hashes through the test seam): the shared passcode works only while no account is
 * enabled; an account opens the console for its id; each account has its own lockout (one locked
 * account leaves the others usable); unknown and disabled ids never open it and count on the shared
 * tries; a reset clears the lockout; the closed state says whether to ask for an id.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { clockStartingAt } from '../../../platform/clock';
import { StaffDirectory } from '../../../main/staff/staff-directory';
import { hashPasscode } from '../../../main/staff/staff-passcode';
import { StaffSession } from '../../../main/staff/staff-session';
import { CHEAP_COST, cheapPasscodeHash, TEST_PEPPER } from './cheap-passcode-hash';

const ACCOUNT_PEPPER = Buffer.alloc(32, 9);
const dirs: string[] = [];
const sessions: StaffSession[] = [];
after(() => {
  sessions.forEach((s) => s.dispose());
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-staff-accounts-'));
  dirs.push(dataDir);
  const clock = clockStartingAt(Date.parse('2026-12-08T01:00:00Z'));
  const directory = StaffDirectory.open(dataDir, { clock, seam: CHEAP_COST });
  const lockouts: Array<[string | null, boolean]> = [];
  const session = new StaffSession({
    passcodeHash: await cheapPasscodeHash('24681357'),
    pepper: TEST_PEPPER,
    directory,
    accountPepper: ACCOUNT_PEPPER,
    lockoutAfter: 3,
    lockoutSec: 60,
    idleTimeoutSec: 120,
    citizenBusy: () => false,
    onChange: () => undefined,
    onLockout: (id, again) => lockouts.push([id, again]),
    clock,
  });
  sessions.push(session);
  const hash = (passcode: string) => hashPasscode(passcode, ACCOUNT_PEPPER, CHEAP_COST);
  return { directory, session, hash, lockouts };
}

describe('staff accounts', () => {
  test('no account: the shared passcode opens the console (fallback), nobody by id', async () => {
    const { session, directory } = await setup();
    assert.deepEqual(session.state(), { phase: 'closed' });
    const result = await session.login('24681357');
    assert.equal(result.outcome, 'ok');
    assert.equal(result.outcome === 'ok' && result.state.phase === 'open' && result.state.staffId, null);
    directory.close();
  });

  test('with an account: the shared passcode opens nothing; the account opens it for its id', async () => {
    const { session, directory, hash } = await setup();
    directory.add('0042', await hash('13572468'));
    assert.deepEqual(session.state(), { phase: 'closed', accounts: true });
    assert.deepEqual(await session.login('24681357'), { outcome: 'wrong-passcode', triesLeft: 2 });
    assert.deepEqual(await session.login('24681357', '0042'), { outcome: 'wrong-passcode', triesLeft: 2 });
    const ok = await session.login('13572468', '0042');
    assert.equal(ok.outcome, 'ok');
    assert.equal(session.staffId, '0042');
    const state = session.state();
    assert.equal(state.phase === 'open' && state.staffId, '0042');
    directory.close();
  });

  test("one account's lockout leaves the others usable; a reset clears it", async () => {
    const { session, directory, hash, lockouts } = await setup();
    directory.add('0042', await hash('13572468'));
    directory.add('0043', await hash('86427531'));
    for (const p of ['11111111', '22222222']) assert.equal((await session.login(p, '0042')).outcome, 'wrong-passcode');
    assert.deepEqual(await session.login('33333333', '0042'), { outcome: 'locked', retryAfterSec: 60 });
    assert.deepEqual(await session.login('13572468', '0042'), { outcome: 'locked', retryAfterSec: 60 });
    assert.deepEqual(lockouts, [['0042', false]]);
    assert.equal((await session.login('86427531', '0043')).outcome, 'ok', 'another account is not locked out');
    assert.equal(session.staffId, '0043');
    session.logout();
    directory.reset('0042', await hash('13572468'));
    assert.equal((await session.login('13572468', '0042')).outcome, 'ok');
    directory.close();
  });

  test('a disabled account and an unknown id never open it, and count on the shared tries', async () => {
    const { session, directory, hash, lockouts } = await setup();
    directory.add('0042', await hash('13572468'));
    directory.add('0043', await hash('86427531'));
    directory.disable('0043');
    assert.deepEqual(await session.login('86427531', '0043'), { outcome: 'wrong-passcode', triesLeft: 2 });
    assert.deepEqual(await session.login('24681357', '9999'), { outcome: 'wrong-passcode', triesLeft: 1 });
    assert.deepEqual(await session.login('24681357', '9998'), { outcome: 'locked', retryAfterSec: 60 });
    assert.deepEqual(lockouts, [[null, false]]);
    assert.equal((await session.login('13572468', '0042')).outcome, 'ok', "the account's own count is untouched");
    assert.equal(directory.list().find((a) => a.id === '0043')?.disabled, true);
    directory.close();
  });

  test('the directory refuses bad ids, duplicates and weak hashes; the last account disabled brings the shared passcode back', async () => {
    const { session, directory, hash } = await setup();
    await assert.rejects(async () => directory.add('42', await hash('13572468')), { code: 'bad-id' });
    directory.add('0042', await hash('13572468'));
    await assert.rejects(async () => directory.add('0042', await hash('13572468')), { code: 'exists' });
    assert.throws(() => directory.add('0044', 'scrypt$1024$8$1$short$short'), { code: 'bad-hash' });
    assert.throws(() => directory.disable('0099'), { code: 'not-found' });
    directory.disable('0042');
    assert.equal((await session.login('24681357')).outcome, 'ok');
    directory.close();
  });
});
