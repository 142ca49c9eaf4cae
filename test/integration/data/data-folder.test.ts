/**
 * The runtime (both shells build it) makes the data folder owner-only and runs the retention job
 * at start: a finished sale older than retentionDays is gone, an unfinished one of the same age stays.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { journalKioskId } from '../../../main/certificates/certificate-journal';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { TransactionJournal } from '../../../main/journal/transaction-journal';
import { startTestRuntime } from '../../support/journey-driver';
import { driveTo } from '../../unit/journal/journal-test-helpers';

const DAY = 24 * 60 * 60 * 1000;
const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-data-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

describe('data folder at start', () => {
  test('0700 folders, and finished sales past retentionDays pruned before the first citizen', async () => {
    chmodSync(dataDir, 0o755);
    const longAgo = Date.now() - 40 * DAY;
    const journal = TransactionJournal.open({
      path: join(dataDir, 'journal', 'journal.db'),
      kioskId: journalKioskId(DEFAULT_CONFIG.kioskId),
      now: () => longAgo,
    });
    const finished = driveTo(journal, 'done');
    const unfinished = driveTo(journal, 'paid');
    journal.close();

    const runtime = await startTestRuntime({ dataDir, retentionDays: 30 });
    try {
      for (const folder of ['', 'journal', 'outbox', 'keys']) assert.equal(statSync(join(dataDir, folder)).mode & 0o777, 0o700, folder || 'dataDir');
      assert.equal(runtime.journal.get(finished.id), undefined, 'the 40-day-old finished sale is pruned');
      assert.ok(runtime.journal.get(unfinished.id), 'an unfinished sale is kept whatever its age');
    } finally {
      await runtime.stop();
    }
  });
});
