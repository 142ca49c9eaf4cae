/**
 * A certificate serial is bound to one sale from the moment it is journaled, before any money is
 * asked for: a back end that issues a serial again (its state lost) is refused at `markAuthenticated`,
 * never later at `markPrinting` when the citizen has already paid.
 */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { describe, test } from 'node:test';
import { JournalError } from '../../../main/journal/journal-errors';
import { cleanedAfterFile } from '../../support/cleaned-after';
import { driveTo, tempJournalDir } from './journal-test-helpers';

const fresh = cleanedAfterFile(tempJournalDir);
const reused = (e: unknown): boolean => e instanceof JournalError && e.code === 'serial-reused';

describe('serials are checked before payment', () => {
  test('a serial a printed sale used is refused for a new sale while it is still unpaid', () => {
    const j = fresh().open();
    const printed = driveTo(j, 'done');
    const next = j.begin({ certificateType: 'juminhyo', copies: 1, amountYen: 300 });
    assert.throws(() => j.markAuthenticated(next.id, { residentRef: 'RES-0002', serial: printed.serial!, issuer: 'kokurakita' }), reused);
    assert.equal(j.get(next.id)?.state, 'selected', 'no money can be asked for a refused sale');
    j.close();
  });

  test('a serial reserved by a sale cancelled before payment is not issued to another', () => {
    const j = fresh().open();
    const cancelled = driveTo(j, 'authenticated');
    j.cancel(cancelled.id, 'citizen-back');
    const next = j.begin({ certificateType: 'juminhyo', copies: 1, amountYen: 300 });
    assert.throws(() => j.markAuthenticated(next.id, { residentRef: 'RES-0002', serial: cancelled.serial!, issuer: 'kokurakita' }), reused);
    j.close();
  });

  test('a serial an older sale recorded before reservations existed is refused too', () => {
    const t = fresh();
    let j = t.open();
    const old = driveTo(j, 'selected');
    j.markAuthenticated(old.id, { residentRef: 'RES-0001' });
    j.close();
    const raw = new Database(t.path);
    raw.prepare("UPDATE transactions SET serial = 'SER-LEGACY-1' WHERE id = ?").run(old.id);
    raw.close();
    j = t.open();
    const next = j.begin({ certificateType: 'juminhyo', copies: 1, amountYen: 300 });
    assert.throws(() => j.markAuthenticated(next.id, { residentRef: 'RES-0002', serial: 'SER-LEGACY-1' }), reused);
    j.close();
  });

  test('the sale prints its own reserved serial once; after a void it needs a new one', () => {
    const j = fresh().open();
    const sale = driveTo(j, 'paid');
    assert.equal(j.markPrinting(sale.id, { serial: sale.serial! }).printAttempts, 1);
    j.markVoided(sale.id, { reason: 'print-failed', backendConfirmed: true });
    assert.throws(() => j.markPrinting(sale.id, { serial: sale.serial! }), reused);
    assert.equal(j.markPrinting(sale.id, { serial: 'SER-REISSUED-1' }).printAttempts, 2);
    j.close();
  });
});
