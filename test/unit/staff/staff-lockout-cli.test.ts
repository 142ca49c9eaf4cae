/** The administrator's staff-lockout tool: shows and clears the stored tries; refuses while the journal is held. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { TransactionJournal } from '../../../main/journal/transaction-journal';
import { runStaffLockoutCli } from '../../../main/staff/staff-lockout-cli';

const dir = mkdtempSync(join(tmpdir(), 'madoguchi-lockout-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const configFile = join(dir, 'kiosk.json');
writeFileSync(configFile, JSON.stringify({ dataDir: join(dir, 'data') }));
const journalPath = join(dir, 'data', 'journal', 'journal.db');

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runStaffLockoutCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { MADOGUCHI_CONFIG: configFile }, () => 1_000_000);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('staff lockout tool', () => {
  test('status shows the stored tries; reset clears them; usage errors are 2', () => {
    assert.match(run(['status']).out, /wrong tries: 0, lockouts since the last right passcode: 0, not locked/);
    const j = TransactionJournal.open({ path: journalPath, kioskId: 'KK01' });
    j.passcodeAttempts.save({ failures: 0, lockedUntil: 1_060_000, lockouts: 2 });
    j.close();
    const status = run(['status']);
    assert.equal(status.code, 0);
    assert.match(status.out, /lockouts since the last right passcode: 2, locked for 60 s more/);
    const reset = run(['reset']);
    assert.equal(reset.code, 0);
    const again = TransactionJournal.open({ path: journalPath, kioskId: 'KK01' });
    assert.deepEqual(again.passcodeAttempts.load(), { failures: 0, lockedUntil: 0, lockouts: 0 });
    // The running kiosk holds the journal: nothing is changed, exit 3.
    try {
      const held = run(['reset']);
      assert.equal(held.code, 3);
      assert.match(held.err, /locked/);
    } finally {
      again.close();
    }
    assert.equal(run([]).code, 2);
    assert.equal(run(['wipe']).code, 2);
  });
});
