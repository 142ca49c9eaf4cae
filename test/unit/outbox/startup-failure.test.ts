import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../../main/config/load-config';
import { OutboxKeyError } from '../../../main/outbox/outbox-errors';
import { describeStartupFailure, START_FAILURE_EXIT_CODE, STORE_FAILURE_EXIT_CODE } from '../../../main/startup-failure';
import { DatabaseLockedError, DatabaseUnwritableError } from '../../../platform/sqlite/database-errors';

describe('describeStartupFailure', () => {
  test('store and key failures: one operator paragraph with the code, the file and the action; exit 3', () => {
    for (const err of [
      new DatabaseLockedError('/srv/kiosk/data/outbox/outbox.db'),
      new DatabaseUnwritableError('/srv/kiosk/data/journal/journal.db', '/srv/kiosk/data/journal', 'SQLITE_CANTOPEN: unable to open database file'),
      new OutboxKeyError('key-mismatch', 'The key from key file /srv/kiosk/data/keys/outbox.key does not match this outbox.'),
    ]) {
      const f = describeStartupFailure(err);
      assert.equal(f.exitCode, STORE_FAILURE_EXIT_CODE);
      assert.ok(f.text.startsWith(`Madoguchi cannot start [${err.code}]: ${err.message}`));
      assert.match(f.text, /\/srv\/kiosk\/data\//);
      assert.equal(f.text.includes('\n'), false, 'one paragraph, no stack');
    }
  });

  test('a config error keeps its message; anything else keeps its stack (a bug) and exits 1', () => {
    assert.deepEqual(describeStartupFailure(new ConfigError('config is invalid')), { text: 'config is invalid', exitCode: START_FAILURE_EXIT_CODE });
    const bug = describeStartupFailure(new TypeError('x is undefined'));
    assert.equal(bug.exitCode, START_FAILURE_EXIT_CODE);
    assert.match(bug.text, /TypeError: x is undefined\n\s+at /);
  });
});
