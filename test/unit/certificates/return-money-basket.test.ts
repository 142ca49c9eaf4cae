/**
 * returnMoney for a basket (several sales, one payment): what the device gave back and what it
 * owes are shared out so each sale is journaled with exactly its own part, one voucher per sale
 * that is owed something, every serial voided; before payment the first sale carries it all.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { returnMoney, type MoneyReturnInput } from '../../../main/certificates/money-return';
import { journaledBasket } from './basket-sales';
import { tempJournalDir } from '../journal/journal-test-helpers';

const tmp = tempJournalDir();
after(() => tmp.cleanup());

type Basket = ReturnType<typeof journaledBasket>;
type Tx = NonNullable<ReturnType<Basket['journal']['get']>>;

/** The payment device's record after refundAll: `refunded` came back, `owed` could not. */
function input(
  b: Basket,
  record: { kept: number; refunded: number; owed: number },
  voided: string[],
  overrides: Partial<MoneyReturnInput> = {},
): MoneyReturnInput {
  return {
    payment: { refundAll: () => Promise.resolve({ method: 'cash', unverified: 0, ...record }) as never, get: () => null },
    txId: b.items[0]!.sale.id,
    sales: b.items.map(({ sale, paidYen }) => ({ sale, shareYen: paidYen })),
    voidSaleSerial: true,
    changeOwedYen: 0,
    ward: {
      voidIssued: (_ward: string, serial: string) => {
        voided.push(serial);
        return Promise.resolve({ serial, status: 'voided' }) as never;
      },
    },
    journal: b.journal,
    voidReason: 'print-failed',
    cause: 'print-failed',
    printerAtFault: true,
    citizenStillHere: () => true,
    alertStaff: b.alertStaff,
    printVoucherSlip: undefined,
    ...overrides,
  };
}

describe('returnMoney over a basket', () => {
  test('after payment: given back covers the items in order, the rest is owed, one voucher per item owed', async () => {
    const b = journaledBasket(tmp.dir, { paid: true });
    const voided: string[] = [];
    // 1350 kept; the unit gave back 700 and owes 650: 600 (item 1) + 100 of item 2 back; 200 of item 2 and 450 owed.
    const r = await returnMoney(input(b, { kept: 1350, refunded: 700, owed: 650 }, voided));
    assert.equal(r.refundedYen, 700);
    assert.equal(r.owedYen, 650);
    assert.ok(r.voucher && r.moreVouchers.length === 1, 'items 2 and 3 each have their own voucher');
    const [first, second, third] = b.items.map(({ sale }) => b.journal.get(sale.id)!) as [Tx, Tx, Tx];
    assert.deepEqual([first.state, second.state, third.state], ['refunded', 'refunded', 'refunded']);
    assert.deepEqual([first.refund?.amountYen, second.refund?.amountYen, third.refund?.amountYen], [600, 300, 450], 'each exactly its own fee');
    assert.equal(first.refund?.method, 'cash', 'given back in full: no voucher');
    assert.equal(second.refund?.voucherNumber, r.voucher);
    assert.equal(b.journal.vouchers.get(r.voucher!)?.amountYen, 200, "item 2's voucher is what of it was not given back");
    assert.equal(third.refund?.voucherNumber, r.moreVouchers[0]);
    assert.equal(b.journal.vouchers.get(r.moreVouchers[0]!)?.amountYen, 450);
    assert.deepEqual(
      voided,
      b.items.map(({ sale }) => sale.serial),
      'every serial voided',
    );
    assert.equal(r.voucherPrinted, false, 'the printer was at fault: no slip tried');
  });

  test('after payment, amounts that do not add up: nothing guessed into the journal, staff told of the mismatch and what is owed', async () => {
    const b = journaledBasket(tmp.dir, { paid: true });
    const voided: string[] = [];
    const r = await returnMoney(input(b, { kept: 1350, refunded: 1000, owed: 0 }, voided));
    assert.deepEqual(
      voided,
      b.items.map(({ sale }) => sale.serial),
      'every serial voided all the same: the money went back, no certificate may print later',
    );
    assert.deepEqual(
      b.items.map(({ sale }) => b.journal.get(sale.id)?.state),
      ['paid', 'paid', 'paid'],
      'left for start-up recovery',
    );
    assert.equal(r.voucher, null);
    assert.ok(b.alerts.some((a) => a.code === 'basket-money-mismatch' && a.reference === b.items[0]!.sale.id));
  });

  test('before payment (the payment failed): the first sale carries what the unit owes, the others are only cancelled', async () => {
    const b = journaledBasket(tmp.dir, { paid: false });
    const r = await returnMoney(input(b, { kept: 0, refunded: 0, owed: 500 }, [], { cause: 'payment-failed', voidReason: 'cancelled' }));
    assert.equal(r.owedYen, 500);
    assert.ok(r.voucher);
    assert.deepEqual(r.moreVouchers, [], 'owed once, not once per item');
    assert.equal(b.journal.vouchers.get(r.voucher)?.txId, b.items[0]!.sale.id);
    assert.deepEqual(
      b.items.map(({ sale }) => b.journal.get(sale.id)?.state),
      ['cancelled', 'cancelled', 'cancelled'],
    );
  });

  test('a voucher slip per voucher for a citizen still here; voucherPrinted only when every slip came out', async () => {
    const b = journaledBasket(tmp.dir, { paid: true });
    const slips: string[] = [];
    const r = await returnMoney(
      input(b, { kept: 1350, refunded: 0, owed: 1350 }, [], {
        printerAtFault: false,
        printVoucherSlip: (voucher: string) => {
          slips.push(voucher);
          return Promise.resolve(slips.length !== 2);
        },
      }),
    );
    assert.deepEqual(slips, [r.voucher, ...r.moreVouchers]);
    assert.equal(slips.length, 3);
    assert.equal(r.voucherPrinted, false, 'the second slip did not come out: the screen asks for staff');
  });
});
