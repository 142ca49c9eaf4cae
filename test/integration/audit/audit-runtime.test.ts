/**
 * The kiosk runtime's audit log across a restart: staff sign in (once wrongly), the kiosk stops and
 * starts again with a changed configuration, staff sign in again; the chain continues, the
 * configuration change is an entry, and `audit:verify` on the stopped kiosk's data folder (the
 * kiosk's own certificate) finds it sound; an entry edited on disk is then found.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runAuditCli } from '../../../main/audit/audit-cli';
import { resolveProjectPath } from '../../../main/config/project-paths';
import { call, startTestRuntime } from '../../support/journey-driver';
import { tamper } from '../../unit/audit/audit-test-helpers';

const CERT = resolveProjectPath('fixtures/pki/kiosk/clients/kiosk-kokurakita-01.cert.pem');

function verify(dataDir: string): { code: number; text: string } {
  const lines: string[] = [];
  const code = runAuditCli(['--data-dir', dataDir, '--cert', CERT], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, text: lines.join('\n') };
}

describe('audit log in the kiosk runtime', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-audit-rt-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('survives a restart, records the configuration change, verifies, and an edit is found', async () => {
    const first = await startTestRuntime({ dataDir, metrics: { enabled: false } });
    try {
      assert.equal((await call(first, 'staff.login', { passcode: '11112222' })).outcome, 'wrong-passcode');
      assert.equal((await call(first, 'staff.login', { passcode: '24681357' })).outcome, 'ok');
      await call(first, 'staff.logout', {});
    } finally {
      await first.stop();
    }
    const second = await startTestRuntime({ dataDir, metrics: { enabled: false }, idle: { timeoutSec: 120, promptSec: 30 } });
    try {
      assert.equal((await call(second, 'staff.login', { passcode: '24681357' })).outcome, 'ok');
      const entries = second.audit.entries();
      assert.deepEqual(
        entries.map((e) => [e.seq, e.kind, e.outcome]),
        [
          [1, 'config.changed', 'ok'],
          [2, 'staff.sign-in-refused', 'refused'],
          [3, 'staff.sign-in', 'ok'],
          [4, 'staff.sign-out', 'ok'],
          [5, 'config.changed', 'ok'],
          [6, 'staff.sign-in', 'ok'],
        ],
      );
      assert.equal(entries[4]!.prev, entries[3]!.hash, 'the chain continues across the restart');
      assert.notEqual(entries[4]!.detail.config, entries[0]!.detail.config);
    } finally {
      await second.stop();
    }
    const sound = verify(dataDir);
    assert.equal(sound.code, 0, sound.text);
    assert.match(sound.text, /OK: 6 entries .* 0 entries after the last signed head/);

    tamper(join(dataDir, 'audit', 'audit.db'), (db) => db.prepare("UPDATE entries SET outcome = 'ok' WHERE seq = 2").run());
    const edited = verify(dataDir);
    assert.equal(edited.code, 1);
    assert.match(edited.text, /first bad entry 2 \(edited\)/);
  });
});
