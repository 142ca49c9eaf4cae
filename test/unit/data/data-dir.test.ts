/** The data folder and every folder in it are the kiosk user's alone (0700), new or found looser. */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DATA_SUBFOLDERS, prepareDataDir } from '../../../main/data/data-dir';
import { openDatabase } from '../../../platform/sqlite/open-database';
import { cleanedAfterFile } from '../../support/cleaned-after';
import { tempJournalDir } from '../journal/journal-test-helpers';

const fresh = cleanedAfterFile(tempJournalDir);
const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('data folder permissions (POSIX)', () => {
  test('a new dataDir and its journal, outbox and keys folders are created 0700', () => {
    const root = join(fresh().dir, 'data');
    assert.equal(prepareDataDir(root), root);
    assert.equal(modeOf(root), 0o700);
    for (const folder of DATA_SUBFOLDERS) assert.equal(modeOf(join(root, folder)), 0o700, folder);
  });

  test('an existing folder open to others is tightened to 0700', () => {
    const root = join(fresh().dir, 'data');
    mkdirSync(join(root, 'journal'), { recursive: true });
    chmodSync(root, 0o755);
    chmodSync(join(root, 'journal'), 0o777);
    prepareDataDir(root);
    assert.equal(modeOf(root), 0o700);
    assert.equal(modeOf(join(root, 'journal')), 0o700);
  });

  test('a store creating its own folder later creates it 0700', () => {
    const path = join(fresh().dir, 'data', 'backend', 'ward.db');
    const db = openDatabase({ path, migrations: ['CREATE TABLE t (x INTEGER) STRICT;'] });
    db.close();
    assert.equal(modeOf(join(path, '..')), 0o700);
    assert.equal(modeOf(join(path, '..', '..')), 0o700);
  });
});
