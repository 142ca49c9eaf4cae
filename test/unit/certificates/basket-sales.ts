/** Test fixture: a basket of three sales (600, 300 and 450 yen) journaled on a fresh journal, optionally paid by one payment. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { JournaledSale } from '../../../main/certificates/journaled-sale';
import { TransactionJournal } from '../../../main/journal/transaction-journal';
import type { StaffAlert } from '../../../main/staff/staff-alert';

let n = 0;

export function journaledBasket(dir: string, opts: { paid: boolean }) {
  n += 1;
  const journal = TransactionJournal.open({ path: join(dir, `journal-${n}.db`), kioskId: 'TEST01' });
  const alerts: StaffAlert[] = [];
  const alertStaff = (a: StaffAlert) => alerts.push(a);
  const items = [600, 300, 450].map((paidYen, i) => {
    const sale = JournaledSale.open(journal, alertStaff, {
      certificateType: 'juminhyo',
      copies: 1,
      amountYen: paidYen,
      residentRef: 'ref-test',
      serial: `KK-${n}-${i + 1}`,
      issuer: 'kokurakita',
    });
    assert.ok(sale instanceof JournaledSale);
    return { sale, paidYen };
  });
  // One payment for all three: the reference is the first sale's id, each journaled with its own share.
  if (opts.paid) for (const item of items) assert.ok(item.sale.paid({ method: 'cash', reference: items[0]!.sale.id, amountYen: item.paidYen }));
  return { journal, alerts, alertStaff, items };
}
