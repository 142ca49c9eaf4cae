import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseCorruptError, DatabaseLockedError, DatabaseMigrationError, DatabaseTooNewError } from '../../../platform/sqlite/database-errors';
import { openDatabase } from '../../../platform/sqlite/open-database';

const dir = mkdtempSync(join(tmpdir(), 'madoguchi-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const nextPath = (): string => join(dir, `db-${++n}`, 'test.db');
const SCHEMA = ['CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)'];

describe('openDatabase', () => {
  test('opens in WAL with synchronous=FULL, foreign keys on, exclusive locking, and migrates once', () => {
    const path = nextPath();
    const db = openDatabase({ path, migrations: SCHEMA });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('synchronous', { simple: true }), 2);
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(db.pragma('locking_mode', { simple: true }), 'exclusive');
    assert.equal(db.pragma('user_version', { simple: true }), 1);
    db.prepare("INSERT INTO t (v) VALUES ('a')").run();
    db.close();
    const again = openDatabase({ path, migrations: [...SCHEMA, "INSERT INTO t (v) VALUES ('from-migration-2')"] });
    assert.deepEqual(again.prepare('SELECT v FROM t ORDER BY id').all(), [{ v: 'a' }, { v: 'from-migration-2' }]);
    assert.equal(again.pragma('user_version', { simple: true }), 2);
    again.close();
  });

  test('a file that is not a database → DatabaseCorruptError naming the path, file untouched', () => {
    const path = nextPath();
    openDatabase({ path, migrations: [] }).close();
    const garbage = Buffer.alloc(16_384, 0x42);
    writeFileSync(path, garbage);
    assert.throws(
      () => openDatabase({ path, migrations: SCHEMA }),
      (err: unknown) => err instanceof DatabaseCorruptError && err.path === path && err.message.includes(path),
    );
    assert.ok(readFileSync(path).equals(garbage), 'the corrupt file must not be reset');
  });

  test('damaged pages inside a valid database → DatabaseCorruptError from quick_check', () => {
    const path = nextPath();
    const db = openDatabase({ path, migrations: [...SCHEMA, 'CREATE INDEX t_v ON t (v)'] });
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`value-${i}-${'x'.repeat(50)}`);
    })();
    db.close();
    const bytes = readFileSync(path);
    assert.ok(bytes.length > 10 * 4096);
    // Scribble over the middle of pages 4..6 (page headers and cells), keeping the file header valid.
    for (let p = 3; p < 6; p++) bytes.fill(0xa5, p * 4096 + 8, p * 4096 + 2048);
    writeFileSync(path, bytes);
    assert.throws(() => openDatabase({ path, migrations: SCHEMA }), DatabaseCorruptError);
    assert.ok(readFileSync(path).equals(bytes));
  });

  test('a second opener in this process → DatabaseLockedError; it works again after the first closes', () => {
    const path = nextPath();
    const first = openDatabase({ path, migrations: SCHEMA });
    assert.throws(
      () => openDatabase({ path, migrations: SCHEMA }),
      (e: unknown) => e instanceof DatabaseLockedError && e.path === path,
    );
    first.close();
    openDatabase({ path, migrations: SCHEMA }).close();
  });

  test('a second kiosk process on the same database gets DatabaseLockedError instead of sharing it', () => {
    const path = nextPath();
    const first = openDatabase({ path, migrations: SCHEMA });
    const script = `
      const { openDatabase } = require(${JSON.stringify(join(__dirname, '../../../platform/sqlite/open-database.ts'))});
      try { openDatabase({ path: ${JSON.stringify(path)}, migrations: [] }); console.log('opened'); }
      catch (e) { console.log(e.code); }`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', cwd: join(__dirname, '../../..') });
    assert.equal(r.stdout.trim(), 'database-locked', r.stderr);
    first.close();
  });

  test('a schema newer than this build → DatabaseTooNewError; a failing migration is rolled back', () => {
    const path = nextPath();
    openDatabase({ path, migrations: [...SCHEMA, 'CREATE TABLE u (x)'] }).close();
    assert.throws(() => openDatabase({ path, migrations: SCHEMA }), DatabaseTooNewError);
    const path2 = nextPath();
    openDatabase({ path: path2, migrations: SCHEMA }).close();
    assert.throws(
      () => openDatabase({ path: path2, migrations: [...SCHEMA, 'CREATE TABLE w (x); INSERT INTO nowhere VALUES (1)'] }),
      (e: unknown) => e instanceof DatabaseMigrationError && e.version === 2,
    );
    const db = openDatabase({ path: path2, migrations: SCHEMA });
    assert.equal(db.pragma('user_version', { simple: true }), 1);
    assert.deepEqual(db.prepare("SELECT name FROM sqlite_master WHERE name = 'w'").all(), []);
    db.close();
  });

  test('mustExist refuses to create a missing database', () => {
    const path = join(dir, 'absent', 'x.db');
    assert.throws(() => openDatabase({ path, migrations: SCHEMA, mustExist: true }), /Cannot open database/);
    assert.equal(existsSync(path), false);
  });
});

describe('openDatabase creation is all-or-nothing', () => {
  test('a leftover .creating file from a killed first start is replaced; the real path only ever holds a complete database', () => {
    const path = nextPath();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.creating`, 'half-written by a start that was killed');
    const db = openDatabase({ path, migrations: SCHEMA });
    assert.equal(db.pragma('user_version', { simple: true }), 1);
    db.close();
    assert.equal(existsSync(`${path}.creating`), false);
    assert.ok(readFileSync(path).subarray(0, 16).equals(Buffer.from('SQLite format 3\0', 'latin1')));
  });

  test('a failing first migration leaves no database at the real path (next start tries again)', () => {
    const path = nextPath();
    assert.throws(() => openDatabase({ path, migrations: ['CREATE TABLE x (a); INSERT INTO nowhere VALUES (1)'] }), DatabaseMigrationError);
    assert.equal(existsSync(path), false);
    openDatabase({ path, migrations: SCHEMA }).close();
  });
});

test('a start killed between link and unlink leaves a second name for the file; the next open removes it, data intact', () => {
  const path = nextPath();
  const db = openDatabase({ path, migrations: SCHEMA });
  db.prepare("INSERT INTO t (v) VALUES ('kept')").run();
  db.close();
  linkSync(path, `${path}.creating`);
  const again = openDatabase({ path, migrations: SCHEMA });
  assert.equal(existsSync(`${path}.creating`), false);
  assert.deepEqual(again.prepare('SELECT v FROM t').all(), [{ v: 'kept' }]);
  again.close();
});
