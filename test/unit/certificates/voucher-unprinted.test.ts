/**
 * A basket's print run stopped part-way (main/certificates/voucher-unprinted.ts), against the real
 * journal: exactly the items not printed are refunded, each by its own voucher at its own share,
 * their serials voided; the printed item's fee is kept; a second settlement refunds nothing again.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { certificateChoiceSchema } from '../../../contract/certificate-journey';
import { moneyAccountedFor } from '../../../main/certificates/basket';
import { voucherUnprinted, type PaidBasketItem } from '../../../main/certificates/voucher-unprinted';
import { journaledBasket } from './basket-sales';

const dir = mkdtempSync(join(tmpdir(), 'madoguchi-basket-vouchers-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const choice = certificateChoiceSchema.parse({ type: 'juminhyo', copies: 1 });

/** Three items paid by one payment: the first printed, the second failed at the printer, the third never sent. */
function paidBasket() {
  const { journal, alerts, alertStaff, items: sales } = journaledBasket(dir, { paid: true });
  const voided: string[] = [];
  const ward = {
    voidIssued: async (_ward: string, serial: string) => {
      voided.push(serial);
      return {} as never;
    },
  };
  const deps = { ward: ward as never, alertStaff, journal };
  const items: PaidBasketItem[] = sales.map(({ sale, paidYen }) => ({
    sale,
    paidYen,
    prepared: { serial: sale.serial, pdf: Buffer.from('%PDF-fake'), dueYen: paidYen, choice, printed: false },
  }));
  assert.ok(items[0]!.sale.printing());
  items[0]!.sale.printed();
  items[0]!.prepared.printed = true;
  assert.ok(items[1]!.sale.printing());
  return { journal, alerts, voided, deps, items };
}

describe('a basket whose print run stopped part-way', () => {
  test('exactly the unprinted items are refunded, each by its own voucher at its own share; the printed fee is kept', async () => {
    const { journal, alerts, voided, deps, items } = paidBasket();
    const refund = await voucherUnprinted(deps, items, 'print-failed');
    assert.deepEqual(
      refund.vouchers.map((v) => v.amountYen),
      [300, 450],
    );
    assert.equal(refund.unrecordedYen, 0);
    assert.deepEqual(voided, [items[1]!.sale.serial, items[2]!.sale.serial], 'the printed serial is never voided');
    assert.deepEqual(
      items.map((i) => journal.get(i.sale.id)?.state),
      ['card_returned', 'refunded', 'refunded'],
    );
    assert.deepEqual(
      items.map((i) => journal.get(i.sale.id)?.refund?.amountYen),
      [undefined, 300, 450],
    );
    const ledger = journal.vouchers.list(0, Number.MAX_SAFE_INTEGER);
    assert.deepEqual(
      ledger.map((v) => [v.txId, v.amountYen]),
      [
        [items[1]!.sale.id, 300],
        [items[2]!.sale.id, 450],
      ],
    );
    assert.ok(
      moneyAccountedFor({
        keptYen: 1350,
        items: items.map((i) => ({ serial: i.sale.serial, paidYen: i.paidYen, printed: i.prepared.printed })),
        givenBackYen: 0,
        voucheredYen: ledger.reduce((sum, v) => sum + v.amountYen, 0),
      }),
    );
    assert.deepEqual(
      alerts.map((a) => a.code),
      ['refund-voucher', 'refund-voucher'],
    );
    assert.ok(
      items[2]!.prepared.pdf.every((b) => b === 0),
      'the unprinted PDF is wiped',
    );
  });

  test('settled twice (the wipe after the failure screen): nothing is refunded or vouchered again', async () => {
    const { journal, alerts, deps, items } = paidBasket();
    await voucherUnprinted(deps, items, 'print-failed');
    const again = await voucherUnprinted(deps, items, 'session-ended');
    assert.deepEqual(again, { vouchers: [], unrecordedYen: 0 });
    assert.equal(journal.vouchers.list(0, Number.MAX_SAFE_INTEGER).length, 2);
    assert.ok(!alerts.some((a) => a.code === 'refund-voucher-unrecorded'));
  });

  test("an item the printer completed but the journal could not mark printed is not refunded: it is in the citizen's hands", async () => {
    const { journal, deps, items, voided } = paidBasket();
    items[1]!.prepared.printed = true; // the printer said completed; the journal still says printing
    const refund = await voucherUnprinted(deps, items, 'print-failed');
    assert.deepEqual(
      refund.vouchers.map((v) => v.amountYen),
      [450],
    );
    assert.deepEqual(voided, [items[2]!.sale.serial]);
    assert.equal(journal.get(items[1]!.sale.id)?.state, 'printing', 'left to start-up recovery, which asks the printer');
  });
});
