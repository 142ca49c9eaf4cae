/**
 * A basket's sales at the session wipe (main/certificates/basket-session-end.ts), against the real
 * journal: one payment record shared by several sales is counted once, each sale journaled at its
 * own share; change already on a voucher is not owed again; printed sales are done.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { basketAtSessionEnd } from '../../../main/certificates/basket-session-end';
import { journaledBasket } from './basket-sales';

const dir = mkdtempSync(join(tmpdir(), 'madoguchi-basket-end-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function basket(opts: { paid: boolean }) {
  const { journal, alerts, alertStaff, items } = journaledBasket(dir, opts);
  const states = () => items.map((i) => journal.get(i.sale.id)?.state);
  const refunds = () => items.map((i) => journal.get(i.sale.id)?.refund?.amountYen);
  const vouchered = () => journal.vouchers.list(0, Number.MAX_SAFE_INTEGER).reduce((sum, v) => sum + v.amountYen, 0);
  return { journal, alerts, alertStaff, items, states, refunds, vouchered };
}

describe('a basket at the session wipe', () => {
  test('paid, then the citizen left: each sale refunded at its own share, the unit owing 850 and 200 of change on its own voucher, counted once', () => {
    const b = basket({ paid: true });
    // 1,350 kept with 10,000 inserted: 200 of the change could not be paid out (its voucher issued at payment).
    const change = b.items[0]!.sale.changeVoucher(200);
    assert.ok(change);
    // At the wipe the unit gave back 500 of the fee; it owes 850 more (and still counts the 200 of change).
    basketAtSessionEnd(b.items, { refunded: 500, owed: 1050, method: 'cash' }, 0, 200, b.alertStaff);
    assert.deepEqual(b.states(), ['refunded', 'refunded', 'refunded']);
    assert.deepEqual(b.refunds(), [600, 300, 450]);
    assert.equal(b.vouchered(), 200 + 850, 'change once, the fee owed once');
  });

  test('one sale printed, the other two refunded in cash: the printed fee is kept', () => {
    const b = basket({ paid: true });
    assert.ok(b.items[0]!.sale.printing());
    b.items[0]!.sale.printed();
    basketAtSessionEnd(b.items.slice(0), { refunded: 750, owed: 0, method: 'cash' }, 0, 0, b.alertStaff);
    assert.deepEqual(b.states(), ['done', 'refunded', 'refunded']);
    assert.deepEqual(b.refunds(), [undefined, 300, 450]);
    assert.equal(b.vouchered(), 0);
  });

  test('mid-payment (nothing journaled paid): the 1,000 yen the unit kept is owed once, on one voucher, every sale cancelled', () => {
    const b = basket({ paid: false });
    basketAtSessionEnd(b.items, { refunded: 0, owed: 0, method: 'cash' }, 1000, 0, b.alertStaff);
    assert.deepEqual(b.states(), ['cancelled', 'cancelled', 'cancelled']);
    assert.equal(b.vouchered(), 1000);
    assert.equal(b.journal.vouchers.list(0, Number.MAX_SAFE_INTEGER).length, 1);
  });

  test('money that does not add up is not guessed into the journal: staff are told', () => {
    const b = basket({ paid: true });
    basketAtSessionEnd(b.items, { refunded: 1350, owed: 200, method: 'cash' }, 0, 0, b.alertStaff);
    assert.deepEqual(b.states(), ['paid', 'paid', 'paid']);
    assert.ok(b.alerts.some((a) => a.code === 'basket-money-mismatch'));
  });
});
