/**
 * The daily reconciliation (精算) counts each paid sale under what became of it: a refunded or a
 * voided sale is never counted as sold (「住民票の写し 現金 2件 900円」 with one refunded was wrong).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TransactionJournal } from '../../../main/journal/transaction-journal';
import { cleanedAfterFile } from '../../support/cleaned-after';
import { driveTo, tempJournalDir } from './journal-test-helpers';

const fresh = cleanedAfterFile(tempJournalDir);
const DAY = '20261128';
const NOON_JST = Date.UTC(2026, 10, 28, 3, 0, 0);

/** One printed sale beside the case under test, so each test shows the two are told apart. */
function withOneSold(): TransactionJournal {
  const j = fresh().open({ now: () => NOON_JST });
  driveTo(j, 'done');
  return j;
}

const sold = { certificateType: 'juminhyo', method: 'cash', outcome: 'sold', count: 1, yen: 300 } as const;

describe('reconciliation by outcome', () => {
  test('sold: a printed sale is a sale, and its money stays taken', () => {
    const j = withOneSold();
    const r = j.reconcile(DAY);
    assert.deepEqual(r.sales, [sold]);
    assert.equal(r.netYen, 300);
    j.close();
  });

  test('refunded: a sale whose money went back is counted apart from the sold ones', () => {
    const j = withOneSold();
    driveTo(j, 'refunded');
    const r = j.reconcile(DAY);
    assert.deepEqual(r.sales, [sold, { ...sold, outcome: 'refunded' }]);
    assert.deepEqual(r.refunds, [{ method: 'cash', count: 1, yen: 300 }]);
    assert.equal(r.netYen, 300, 'taken 600, given back 300');
    j.close();
  });

  test('voided: a sale whose serial was voided (no refund journaled yet) is not a sale either', () => {
    const j = withOneSold();
    driveTo(j, 'voided');
    const r = j.reconcile(DAY);
    assert.deepEqual(r.sales, [sold, { ...sold, outcome: 'voided' }]);
    assert.equal(r.voids, 1);
    j.close();
  });

  test('open: a sale paid and not printed yet is shown as open, not as sold', () => {
    const j = withOneSold();
    driveTo(j, 'printing');
    assert.deepEqual(j.reconcile(DAY).sales, [sold, { ...sold, outcome: 'open' }]);
    j.close();
  });
});
