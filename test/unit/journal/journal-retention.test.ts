/**
 * Journal retention: finished sales past the cut-off go with everything of theirs; nothing
 * unresolved goes, whatever its age, and the database itself refuses to delete it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pruneJournal } from '../../../main/journal/journal-retention';
import type { TransactionJournal } from '../../../main/journal/transaction-journal';
import { cleanedAfterFile } from '../../support/cleaned-after';
import { driveTo, nextSerial, tempJournalDir } from './journal-test-helpers';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);
const fresh = cleanedAfterFile(tempJournalDir);

function journalAt() {
  let now = T0;
  const journal = fresh().open({ now: () => now });
  return { journal, setNow: (t: number) => void (now = t) };
}

const count = (j: TransactionJournal, table: string): number => (j.stmt(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('journal retention', () => {
  test('finished sales older than the cut-off are deleted with their events, serials and settled vouchers; newer ones stay', () => {
    const { journal, setNow } = journalAt();
    const done = driveTo(journal, 'done');
    const cancelled = driveTo(journal, 'cancelled');
    const refunded = driveTo(journal, 'refunded');
    const voucher = journal.nextVoucherNumber();
    const byVoucher = driveTo(journal, 'paid');
    journal.markRefunded(byVoucher.id, { method: 'voucher', amountYen: 300, reason: 'printer-jam', voucherNumber: voucher });
    journal.vouchers.settle({ number: voucher, amountYen: 300, reason: 'cash-at-counter' });
    setNow(T0 + 30 * DAY);
    const recent = driveTo(journal, 'done');

    const result = pruneJournal(journal, T0 + 10 * DAY);
    assert.equal(result.transactions, 4);
    for (const tx of [done, cancelled, refunded, byVoucher]) assert.equal(journal.get(tx.id), undefined, tx.state);
    assert.equal(journal.get(recent.id)?.state, 'done');
    assert.equal(count(journal, 'vouchers'), 0);
    assert.equal(count(journal, 'events'), journal.events(recent.id).length, "only the kept sale's events remain");
    journal.close();
  });

  test('unresolved sales and unsettled vouchers are kept whatever their age', () => {
    const { journal } = journalAt();
    const open = ['authenticated', 'paid', 'printing', 'printed', 'voided', 'card_returned'] as const;
    const kept = open.map((state) => driveTo(journal, state));
    const voucher = journal.nextVoucherNumber();
    const unsettled = driveTo(journal, 'paid');
    journal.markRefunded(unsettled.id, { method: 'voucher', amountYen: 300, reason: 'printer-jam', voucherNumber: voucher });

    assert.equal(pruneJournal(journal, T0 + 3650 * DAY).transactions, 0);
    for (const tx of kept) assert.equal(journal.get(tx.id)?.state, tx.state);
    assert.equal(journal.get(unsettled.id)?.state, 'refunded', 'a refund by an unsettled voucher is kept');
    assert.equal(journal.vouchers.get(voucher)?.settledAt, undefined);
    journal.close();
  });

  test('the database refuses to delete an unfinished sale or an unsettled voucher, even outside the pruner', () => {
    const { journal } = journalAt();
    const paid = driveTo(journal, 'paid');
    assert.throws(() => journal.stmt('DELETE FROM events WHERE tx_id = ?').run(paid.id), /unfinished sale/);
    assert.throws(() => journal.stmt('DELETE FROM transactions WHERE id = ?').run(paid.id), /unfinished sale/);
    const voucher = journal.nextVoucherNumber();
    const refunded = driveTo(journal, 'paid');
    journal.markRefunded(refunded.id, { method: 'voucher', amountYen: 300, reason: 'printer-jam', voucherNumber: voucher });
    assert.throws(() => journal.stmt('DELETE FROM vouchers WHERE number = ?').run(voucher), /unsettled voucher/);
    journal.close();
  });

  test("a pruned sale's serial can never be printed again", () => {
    const { journal } = journalAt();
    const done = driveTo(journal, 'done');
    const serial = done.serial!;
    pruneJournal(journal, T0 + DAY);
    assert.equal(journal.get(done.id), undefined);
    const again = driveTo(journal, 'paid');
    assert.throws(
      () => journal.markPrinting(again.id, { serial }),
      (e: unknown) => (e as { code?: string }).code === 'serial-reused',
    );
    assert.doesNotThrow(() => journal.markPrinting(again.id, { serial: nextSerial() }));
    journal.close();
  });

  test('a sale whose serial has an open pending void is kept; once resolved it goes', () => {
    const { journal, setNow } = journalAt();
    const cancelled = driveTo(journal, 'done');
    journal.pendingVoids.record({ serial: cancelled.serial!, issuer: 'kokurakita', reason: 'cancelled' });
    assert.equal(pruneJournal(journal, T0 + DAY).transactions, 0);
    setNow(T0 + 2 * DAY);
    journal.pendingVoids.resolve(cancelled.serial!, 'voided');
    assert.equal(pruneJournal(journal, T0 + DAY).transactions, 1);
    assert.equal(count(journal, 'pending_voids'), 0);
    journal.close();
  });
});
