/**
 * What a sale owes when the session ends with money in the machine (JournaledSale.atSessionEnd),
 * against the real journal: every yen the citizen put in and did not get back is on exactly one
 * refund voucher, never on none and never on two.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { JournaledSale } from '../../../main/certificates/journaled-sale';
import { TransactionJournal } from '../../../main/journal/transaction-journal';
import type { StaffAlert } from '../../../main/staff/staff-alert';

const dir = mkdtempSync(join(tmpdir(), 'madoguchi-sale-end-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function openSale() {
  n += 1;
  const journal = TransactionJournal.open({ path: join(dir, `journal-${n}.db`), kioskId: 'TEST01' });
  const alerts: StaffAlert[] = [];
  const sale = JournaledSale.open(journal, (a) => alerts.push(a), {
    certificateType: 'juminhyo',
    copies: 1,
    amountYen: 300,
    residentRef: 'ref-test',
    serial: `SER-${n}`,
    issuer: 'kokurakita',
  });
  assert.ok(sale instanceof JournaledSale);
  const vouchers = () => journal.vouchers.list(0, Number.MAX_SAFE_INTEGER).filter((v) => v.txId === sale.id);
  return { journal, sale, alerts, vouchers };
}

describe('a sale at the end of its session', () => {
  test('a cash fee the unit completed as the idle timeout ended the session (the journal never saw it paid) is owed by voucher', () => {
    const { journal, sale, alerts, vouchers } = openSale();
    // The wipe kept the 300 yen in the machine (nobody at the tray); the sale is still authenticated.
    sale.atSessionEnd({ refunded: 0, owed: 0, method: 'cash' }, 300);
    assert.deepEqual(
      vouchers().map((v) => v.amountYen),
      [300],
    );
    assert.equal(journal.get(sale.id)?.state, 'cancelled');
    assert.ok(alerts.some((a) => a.code === 'refund-voucher'));
  });

  test('before payment with nothing kept: cancelled, no voucher', () => {
    const { journal, sale, vouchers } = openSale();
    sale.atSessionEnd({ refunded: 0, owed: 0, method: 'cash' }, 0);
    assert.deepEqual(vouchers(), []);
    assert.equal(journal.get(sale.id)?.state, 'cancelled');
  });

  test('change already owed on a voucher at payment is not owed again when the session times out', () => {
    const { journal, sale, vouchers } = openSale();
    assert.ok(sale.paid({ method: 'cash', reference: 'pay-1', amountYen: 300 }));
    // 500 yen in for a 300 yen fee; the unit could not pay the 200 yen change.
    assert.ok(sale.changeVoucher(200));
    // Idle timeout at 「カードをお取りください」: the fee is kept (unattended), the change still counted as owed.
    sale.atSessionEnd({ refunded: 0, owed: 200, method: 'cash' }, 300, 200);
    assert.deepEqual(
      vouchers()
        .map((v) => v.amountYen)
        .sort((a, b) => a - b),
      [200, 300],
      'the change voucher and one voucher for the fee: 500 yen, what was put in',
    );
    assert.equal(journal.get(sale.id)?.state, 'refunded');
  });
});
