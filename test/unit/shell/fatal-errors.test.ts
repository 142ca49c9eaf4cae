import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FATAL_EXIT_CODE, describeFatal } from '../../../main/fatal-errors';

function runChild(how: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'fatal-child.ts'), how], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, MADOGUCHI_LOG_LEVEL: 'info' },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('an error nobody caught', () => {
  for (const how of ['exception', 'rejection']) {
    test(`(${how}) stops the kiosk the normal way, logs it without the message, and exits ${FATAL_EXIT_CODE}`, () => {
      const { status, out } = runChild(how);
      assert.equal(status, FATAL_EXIT_CODE);
      assert.match(out, /STOPPED-NORMALLY/);
      assert.match(out, /unexpected error: the kiosk stops and is restarted/);
      assert.match(out, /"errorName":"Error"/);
      assert.match(out, /fatal-child\.ts/, 'stack frames are kept');
      assert.doesNotMatch(out, /山田|123456789012/, 'the message (which may quote personal data) is never logged');
    });
  }

  test('a stop that hangs does not keep the process: it exits after the grace period', () => {
    const { status, out } = runChild('hanging-stop');
    assert.equal(status, FATAL_EXIT_CODE);
    assert.doesNotMatch(out, /STOPPED-NORMALLY/);
  });

  test('describeFatal keeps the name, a string code and the frames; a thrown non-error gives its type', () => {
    const err = Object.assign(new TypeError('secret value 42'), { code: 'ERR_X' });
    const d = describeFatal(err);
    assert.equal(d.errorName, 'TypeError');
    assert.equal(d.errorCode, 'ERR_X');
    assert.ok(d.frames.length > 0 && d.frames.every((f) => f.startsWith('at ')));
    assert.ok(!JSON.stringify(d).includes('secret'));
    assert.deepEqual(describeFatal('a string'), { errorName: 'string', frames: [] });
  });
});
