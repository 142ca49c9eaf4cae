/**
 * Start-up failure cases shared by the stores built on platform/sqlite (outbox, transaction
 * journal): a database that is garbage, empty, truncated, damaged (with and without a WAL left by
 * a crash), locked by another process, written by a newer version, or in a directory the kiosk
 * may not write. `registerOpenFailureTests` checks for each store that opening gives the typed
 * error with its code, an operator message naming the file and what to do, and that the database
 * and its WAL are byte-for-byte as they were.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

const ROOT = join(__dirname, '../..');

export interface StoreAdapter {
  /** Store name for test titles. */
  name: string;
  /** Creates a valid store at `path` holding some rows; `whileOpen` runs before it is closed. */
  populate(path: string, whileOpen?: () => void): void;
  /** Opens the store at `path` and closes it again; throws whatever the store's `open` throws. */
  openAndClose(path: string): void;
  /**
   * CommonJS source run with `node --import tsx -e` (cwd = repo root) that opens the store at
   * `process.env.DB_PATH` and prints `JSON.stringify({ code, message })` of the error (or `opened`).
   */
  childScript: string;
}

/**
 * sha256 of the database and of its WAL's content. A missing WAL counts as an empty one: SQLite's
 * read-only inspection may create an empty `-wal` (and a `-shm` index), which hold no data.
 */
export function hashFiles(path: string): { db: string; wal: string } {
  const h = (p: string): string =>
    createHash('sha256')
      .update(existsSync(p) ? readFileSync(p) : Buffer.alloc(0))
      .digest('hex');
  return { db: existsSync(path) ? h(path) : 'absent', wal: h(`${path}-wal`) };
}

/** Overwrites the body of pages `from`..`to`-1 (4 KiB pages), keeping the file header valid. */
export function scribblePages(path: string, from: number, to: number): void {
  const bytes = readFileSync(path);
  for (let p = from; p < to && (p + 1) * 4096 <= bytes.length; p++) bytes.fill(0xa5, p * 4096 + 8, p * 4096 + 2048);
  writeFileSync(path, bytes);
}

/** Copies an open database and its WAL: what the disk holds if the process is killed now. */
export function crashCopy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}

/** Another process holding the database: `exclusive` like a second kiosk, `write` like a tool mid-transaction. */
export async function holdLock(path: string, kind: 'exclusive' | 'write'): Promise<{ release(): Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.env.DB_PATH, { fileMustExist: true });
    if (process.env.KIND === 'exclusive') { db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE'); }
    else { db.exec('BEGIN IMMEDIATE'); }
    process.stdout.write('HELD\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, DB_PATH: path, KIND: kind }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((r) => child.once('close', () => r()));
  await new Promise<void>((resolveHeld, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('HELD')) resolveHeld();
    });
    child.once('close', (code) => reject(new Error(`lock holder exited ${code}`)));
  });
  return {
    release: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Runs the store's child script as a user that may not write `dir`: `nobody` when the tests run
 * as root (root ignores mode bits), else the current user after `chmod 555`.
 */
function openAsUserWhoCannotWrite(store: StoreAdapter, path: string, dir: string, top: string): { code?: string; message?: string } {
  const asRoot = process.getuid?.() === 0;
  if (asRoot)
    chmodSync(top, 0o755); // let `nobody` reach the (root-owned, 0755) directory
  else chmodSync(dir, 0o555);
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', store.childScript], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DB_PATH: path, MADOGUCHI_LOG_LEVEL: 'silent' },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    const last = r.stdout.trim().split('\n').pop() ?? '';
    assert.ok(last.startsWith('{'), `child printed ${JSON.stringify(r.stdout)} ${r.stderr.slice(0, 500)}`);
    return JSON.parse(last) as { code?: string; message?: string };
  } finally {
    chmodSync(dir, 0o755);
  }
}

const ACTION: Record<string, RegExp> = {
  'database-corrupt': /restore it .*from a backup/,
  'database-locked': /Stop the other instance/,
  'database-too-new': /Install the newer kiosk software/,
  'database-unwritable': /write access/,
};

function assertOperatorError(err: unknown, code: string, path: string): void {
  const e = err as { code?: string; message?: string; path?: string };
  assert.equal(e.code, code, `expected ${code}, got ${String(e.code)}: ${String(e.message)}`);
  assert.ok(e.message?.includes(path), 'the message names the file');
  assert.match(e.message ?? '', ACTION[code] ?? /./, 'the message says what to do');
}

/** Registers one test per start-up failure case for `store`. */
export function registerOpenFailureTests(store: StoreAdapter): void {
  const top = mkdtempSync(join(tmpdir(), `madoguchi-broken-${store.name}-`));
  let n = 0;
  const fresh = (): string => join(top, `case-${++n}`, 'store.db');
  after(() => rmSync(top, { recursive: true, force: true }));

  const expectRefusal = (path: string, code: string): void => {
    const before = hashFiles(path);
    assert.throws(
      () => store.openAndClose(path),
      (err: unknown) => (assertOperatorError(err, code, path), true),
    );
    assert.deepEqual(hashFiles(path), before, 'the database and its WAL are byte-for-byte untouched');
  };

  test(`${store.name}: garbage bytes → database-corrupt, untouched`, () => {
    const path = fresh();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, createHash('sha512').update('not a database').digest().toString('hex').repeat(100));
    expectRefusal(path, 'database-corrupt');
  });

  test(`${store.name}: an empty (0-byte) file → database-corrupt, never a fresh store`, () => {
    const path = fresh();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
    expectRefusal(path, 'database-corrupt');
  });

  test(`${store.name}: truncated to half → database-corrupt, untouched`, () => {
    const path = fresh();
    store.populate(path);
    const size = readFileSync(path).length;
    truncateSync(path, Math.max(4096, Math.floor(size / 2 / 4096) * 4096));
    expectRefusal(path, 'database-corrupt');
  });

  test(`${store.name}: damaged pages with a WAL left by a crash → database-corrupt; neither file is checkpointed or changed`, () => {
    const path = fresh();
    const live = join(top, `live-${n}`, 'store.db');
    store.populate(live, () => crashCopy(live, path));
    assert.ok(existsSync(`${path}-wal`), 'the crash copy has a WAL');
    scribblePages(path, 2, 9);
    expectRefusal(path, 'database-corrupt');
  });

  for (const kind of ['exclusive', 'write'] as const) {
    test(`${store.name}: another process holding ${kind === 'exclusive' ? 'an exclusive' : 'a write'} lock → database-locked after the busy timeout, untouched`, async () => {
      const path = fresh();
      store.populate(path);
      const holder = await holdLock(path, kind);
      try {
        expectRefusal(path, 'database-locked');
      } finally {
        await holder.release();
      }
      store.openAndClose(path); // and it opens once the other process is gone
    });
  }

  test(`${store.name}: a schema from a newer version → database-too-new, untouched`, () => {
    const path = fresh();
    store.populate(path);
    const db = new Database(path);
    db.pragma(`user_version = ${(db.pragma('user_version', { simple: true }) as number) + 1}`);
    db.close();
    expectRefusal(path, 'database-too-new');
  });

  test(`${store.name}: an existing database in a directory the kiosk may not write → database-unwritable, untouched`, () => {
    const path = fresh();
    store.populate(path);
    const before = hashFiles(path);
    const err = openAsUserWhoCannotWrite(store, path, dirname(path), top);
    assertOperatorError(err, 'database-unwritable', path);
    assert.deepEqual(hashFiles(path), before);
  });

  test(`${store.name}: a new database in a directory the kiosk may not write → database-unwritable, nothing created`, () => {
    const path = fresh();
    mkdirSync(dirname(path), { recursive: true });
    const err = openAsUserWhoCannotWrite(store, path, dirname(path), top);
    assertOperatorError(err, 'database-unwritable', path);
    assert.equal(existsSync(path), false);
  });
}
