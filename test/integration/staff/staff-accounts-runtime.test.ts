/**
 * Staff accounts end to end: the administrator's CLI adds, lists, disables and resets accounts in
 * the kiosk's data folder (each change audited as the technician's); the kiosk started on that
 * folder opens the console only for an account (the shared passcode is off once one is enabled),
 * shows who is signed in, and attributes the staff actions in the audit log to `staff:<id>`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { mergeConfig } from '../../../main/config/load-config';
import { runStaffAccountsCli } from '../../../main/staff/staff-accounts-cli';
import { call, startTestRuntime, TEST_BASE } from '../../support/journey-driver';

describe('staff accounts: the CLI and the kiosk', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-staff-accounts-rt-'));
  const configFile = join(dataDir, 'kiosk.json');
  writeFileSync(configFile, JSON.stringify(mergeConfig(TEST_BASE, { dataDir, backend: { mode: 'remote', url: 'https://127.0.0.1:9/' } })));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Runs the CLI with `passcode` as if piped (null: the two typed entries differed). */
  async function cli(args: string[], passcode: string | null = null): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runStaffAccountsCli([...args, '--config', configFile], {
      readPasscode: async () => passcode,
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out, err };
  }

  test('the CLI: add, refuse a duplicate and bad input, disable, reset, list', async () => {
    assert.equal((await cli(['add', '0042'], '13572468')).code, 0);
    assert.equal((await cli(['add', '0042'], '13572468')).code, 1, 'exists');
    assert.equal((await cli(['add', '0043'], '1234')).code, 1, 'passcode too short');
    assert.equal((await cli(['add', '0043'], null)).code, 1, 'the two entries differ');
    assert.equal((await cli(['add', '42'], '13572468')).code, 2, 'bad id');
    assert.equal((await cli(['add', '0042', '13572468'])).code, 2, 'never a passcode as an argument');
    assert.equal((await cli(['disable', '0099'])).code, 1, 'unknown id');
    assert.equal((await cli(['add', '0043'], '86427531')).code, 0);
    assert.equal((await cli(['disable', '0043'])).code, 0);
    assert.equal((await cli(['reset', '0042'], '13572468')).code, 0);
    const list = await cli(['list']);
    assert.deepEqual(list.out, ['0042\tenabled\t-', '0043\tdisabled\t-', 'The shared passcode is off: staff sign in with their id.']);
    assert.ok(!list.out.join('\n').includes('scrypt'), 'no hash is shown');
  });

  test('the kiosk: the account signs in, is shown, and its actions are attributed; the shared passcode is off', async () => {
    const kiosk = await startTestRuntime({ dataDir, metrics: { enabled: false } });
    try {
      assert.deepEqual(await call(kiosk, 'staff.getState', {}), { phase: 'closed', accounts: true });
      assert.equal((await call(kiosk, 'staff.login', { passcode: '24681357' })).outcome, 'wrong-passcode', 'the demo shared passcode');
      assert.equal((await call(kiosk, 'staff.login', { staffId: '0043', passcode: '86427531' })).outcome, 'wrong-passcode', 'disabled');
      const login = await call(kiosk, 'staff.login', { staffId: '0042', passcode: '13572468' });
      assert.equal(login.outcome === 'ok' && login.state.phase === 'open' && login.state.staffId, '0042');
      await call(kiosk, 'staff.retryOutbox', {});
      await call(kiosk, 'staff.logout', {});
      const entries = kiosk.audit.entries().map((e) => [e.kind, e.actor, e.outcome]);
      assert.deepEqual(entries.slice(-5), [
        ['staff.sign-in-refused', 'staff', 'refused'],
        ['staff.sign-in-refused', 'staff:0043', 'refused'],
        ['staff.sign-in', 'staff:0042', 'ok'],
        ['outbox.retry', 'staff:0042', 'ok'],
        ['staff.sign-out', 'staff:0042', 'ok'],
      ]);
      const changes = kiosk.audit.entries().filter((e) => e.detail.change !== undefined);
      assert.deepEqual(
        changes.map((e) => [e.actor, e.detail.change, e.detail.account]),
        [
          ['technician', 'staff-account-add', 'staff:0042'],
          ['technician', 'staff-account-add', 'staff:0043'],
          ['technician', 'staff-account-disable', 'staff:0043'],
          ['technician', 'staff-account-reset', 'staff:0042'],
        ],
      );
    } finally {
      await kiosk.stop();
    }
  });
});
