/**
 * A refund the payment device refuses outright (busy, disconnected: refundAll throws) gave nothing
 * back, so what it kept is owed by voucher and journaled; before, the sale was shown as ¥0 back with
 * no voucher and no alert, and the money waited for start-up recovery.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JournaledSale } from '../../../main/certificates/journaled-sale';
import { returnMoney } from '../../../main/certificates/money-return';
import type { StaffAlert } from '../../../main/staff/staff-alert';
import { tempJournalDir } from '../journal/journal-test-helpers';

test('a cash refund the unit refuses is owed in full by a journaled voucher, and staff are told', async () => {
  const tmp = tempJournalDir();
  const journal = tmp.open();
  try {
    const alerts: StaffAlert[] = [];
    const sale = JournaledSale.open(journal, (a) => alerts.push(a), {
      certificateType: 'juminhyo',
      copies: 1,
      amountYen: 300,
      residentRef: 'RES-TEST',
      serial: '40106-2026-0000042',
      issuer: 'kokurakita',
    });
    assert.ok(sale instanceof JournaledSale);
    assert.ok(sale.paid({ method: 'cash', reference: 'tx-refused', amountYen: 300 }));
    const record = { method: 'cash', kept: 300, refunded: 0, owed: 0, unverified: 0 };
    const result = await returnMoney({
      payment: {
        refundAll: () => Promise.reject(Object.assign(new Error('busy'), { code: 'device-busy' })),
        get: () => record as never,
      },
      txId: 'tx-refused',
      sales: [{ sale, shareYen: 300 }],
      voidSaleSerial: true,
      changeOwedYen: 0,
      ward: { voidIssued: () => Promise.resolve({ serial: '40106-2026-0000042', status: 'voided' }) as never },
      journal,
      voidReason: 'cancelled',
      cause: 'cancelled',
      printerAtFault: false,
      citizenStillHere: () => false,
      alertStaff: (a) => alerts.push(a),
      printVoucherSlip: undefined,
    });
    assert.equal(result.refundedYen, 0);
    assert.equal(result.owedYen, 300, 'nothing came back, so all of it is owed');
    assert.ok(result.voucher, 'under a journaled voucher');
    assert.equal(journal.get(sale.id)?.state, 'refunded');
    assert.ok(alerts.some((a) => a.code === 'refund-voucher' && a.reference === result.voucher));
  } finally {
    journal.close();
    tmp.cleanup();
  }
});
