/**
 * Log lines carry the kiosk id (loggers made before the runtime knew it too), and the log file is
 * rotated by size: never past its limit, only `keepFiles` old files kept, newest lines in the
 * current file, owner-only.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import pino from 'pino';
import { loggerOptions, setLogKioskId } from '../../../platform/log';
import { RotatingLogFile } from '../../../platform/rotating-log-file';

describe('log files', () => {
  let dir = '';
  afterEach(() => {
    setLogKioskId(undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every line carries the kiosk id once it is known, child loggers made earlier included', () => {
    dir = mkdtempSync(join(tmpdir(), 'madoguchi-log-'));
    const file = new RotatingLogFile({ dir, name: 'kiosk.log', maxFileBytes: 65_536, keepFiles: 2 });
    const child = pino(loggerOptions('info'), { write: (l: string) => file.write(l) }).child({ component: 'card' });
    child.info('before');
    setLogKioskId('kiosk-kokurakita-01');
    child.info({ kioskId: 'kiosk-kokurakita-01' }, 'after');
    file.close();
    const lines = readFileSync(join(dir, 'kiosk.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines[0]!.kioskId, undefined);
    assert.equal(lines[1]!.kioskId, 'kiosk-kokurakita-01');
    assert.equal(lines[1]!.component, 'card');
    assert.equal(
      readFileSync(join(dir, 'kiosk.log'), 'utf8')
        .split('\n')[1]!
        .match(/"kioskId"/g)?.length,
      1,
      'the id appears once',
    );
  });

  test('rotates by size and keeps only keepFiles old files', () => {
    dir = mkdtempSync(join(tmpdir(), 'madoguchi-log-'));
    const file = new RotatingLogFile({ dir, name: 'kiosk.log', maxFileBytes: 100, keepFiles: 2 });
    // 40-byte lines: two fit in 100 bytes.
    for (let i = 0; i < 10; i++) file.write(`${JSON.stringify({ line: i, pad: 'x'.repeat(20) })}\n`);
    file.close();
    const lineOf = (f: string) =>
      readFileSync(join(dir, f), 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { line: number }).line);
    for (const f of ['kiosk.log', 'kiosk.log.1', 'kiosk.log.2']) assert.ok(statSync(join(dir, f)).size <= 100, `${f} within the limit`);
    assert.equal(existsSync(join(dir, 'kiosk.log.3')), false);
    assert.deepEqual(lineOf('kiosk.log'), [8, 9]);
    assert.deepEqual(lineOf('kiosk.log.1'), [6, 7]);
    assert.deepEqual(lineOf('kiosk.log.2'), [4, 5]);
    if (process.platform !== 'win32') assert.equal(statSync(join(dir, 'kiosk.log')).mode & 0o777, 0o600);
  });
  test('a log file that cannot be written any more is given up without throwing into the caller', () => {
    dir = mkdtempSync(join(tmpdir(), 'madoguchi-log-'));
    const file = new RotatingLogFile({ dir, name: 'kiosk.log', maxFileBytes: 64, keepFiles: 2 });
    file.write(`${'x'.repeat(60)}\n`);
    // The folder vanishes (a disk unmounted, a technician's mistake): the rotation cannot reopen.
    rmSync(dir, { recursive: true, force: true });
    assert.doesNotThrow(() => file.write(`${'y'.repeat(60)}\n`), 'the rotation failure stays inside the log file');
    assert.doesNotThrow(() => file.write('z\n'), 'and later lines are dropped quietly');
    assert.equal(existsSync(dir), false, 'nothing is written anywhere else');
    assert.doesNotThrow(() => file.close());
  });
});
