/**
 * The journal's void-pending serials (migration 5): recorded once, resolved once with an outcome
 * (a resolved void is final and is not reopened by a late record), never deleted, counted.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JournalError } from '../../../main/journal/journal-errors';
import { cleanedAfterFile } from '../../support/cleaned-after';
import { tempJournalDir } from './journal-test-helpers';

const fresh = cleanedAfterFile(tempJournalDir);

describe('pending voids', () => {
  test('record, count, resolve once; a late record does not reopen it; open rows are never deleted (resolved ones only by retention)', () => {
    const journal = fresh().open();
    const v = journal.pendingVoids;
    v.record({ serial: 'SER-PV-0001', issuer: 'kokurakita', reason: 'cancelled' });
    v.record({ serial: 'SER-PV-0001', issuer: 'kokurakita', reason: 'print-failed' });
    v.record({ serial: 'SER-PV-0002', issuer: 'tobata', reason: 'power-loss' });
    assert.equal(v.count(), 2);
    assert.equal(v.list()[0]?.reason, 'cancelled', 'the first record stands');
    assert.equal(v.resolve('SER-PV-0001', 'staff-voided'), true);
    assert.equal(v.resolve('SER-PV-0001', 'voided'), false, 'resolved once');
    assert.equal(v.outcome('SER-PV-0001'), 'staff-voided');
    v.record({ serial: 'SER-PV-0001', issuer: 'kokurakita', reason: 'cancelled' });
    assert.equal(v.isPending('SER-PV-0001'), false);
    assert.deepEqual(
      v.list().map((p) => p.serial),
      ['SER-PV-0002'],
    );
    assert.throws(() => journal.db.prepare('DELETE FROM pending_voids').run(), /never deleted/);
    assert.throws(() => journal.db.prepare("UPDATE pending_voids SET outcome = 'voided' WHERE serial = 'SER-PV-0001'").run(), /final/);
    assert.throws(() => v.record({ serial: 'not a serial!', issuer: 'kokurakita', reason: 'cancelled' }), JournalError);
    journal.close();
  });
});
