/**
 * The basket's rules (main/certificates/basket.ts): what may go in, the running total, refused
 * items leaving before payment, and the money rule after it: a failure refunds exactly the items
 * not printed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { certificateChoiceSchema, type CertificateOptionsView } from '../../../contract/certificate-journey';
import {
  addToBasket,
  basketTotalYen,
  dropRefused,
  itemTotalYen,
  MAX_BASKET_ITEMS,
  moneyAccountedFor,
  refundDue,
  removeFromBasket,
  shareOutPayment,
  splitMoneyBack,
  type BasketItem,
} from '../../../main/certificates/basket';

const offers = [
  { type: 'juminhyo' as const, available: true, unitFeeYen: 300 },
  { type: 'kazei' as const, available: true, unitFeeYen: 300 },
  { type: 'koseki-zenbu' as const, available: true, unitFeeYen: 450 },
  { type: 'inkan' as const, available: false, reasonKey: 'certificate.refusal.no-seal-registration', unitFeeYen: 300 },
];
const options: CertificateOptionsView = {
  juminhyoScopes: ['self', 'household', 'partial'],
  household: [
    { id: 'res-001', name: '高橋　健太', relationship: '世帯主', self: true, honseki: true },
    { id: 'ward-102', name: '高橋　陽菜', relationship: '子', self: false, honseki: true },
  ],
  register: [],
  taxYears: [2025, 2024],
};
const partial = certificateChoiceSchema.parse({ type: 'juminhyo', copies: 2, scope: 'partial', memberIds: ['res-001', 'ward-102'] });
const kazei = certificateChoiceSchema.parse({ type: 'kazei', copies: 1, fiscalYear: 2024 });
const koseki = certificateChoiceSchema.parse({ type: 'koseki-zenbu', copies: 1 });

function fill(...choices: (typeof partial)[]): BasketItem[] {
  return choices.reduce<BasketItem[]>((items, c) => {
    const r = addToBasket(items, c, offers, options);
    assert.ok(r.ok, JSON.stringify(c));
    return r.items;
  }, []);
}

describe('the basket before payment', () => {
  test('items add up to a running total (fee × copies each)', () => {
    const items = fill(partial, kazei, koseki);
    assert.equal(basketTotalYen(items), 600 + 300 + 450);
    assert.equal(basketTotalYen(removeFromBasket(items, 1)), 1050);
  });

  test('a type not offered, options the back end would refuse and a full basket are not added, and say why', () => {
    assert.deepEqual(addToBasket([], certificateChoiceSchema.parse({ type: 'inkan', copies: 1 }), offers, options), {
      ok: false,
      errorKey: 'certificate.refusal.no-seal-registration',
    });
    assert.deepEqual(addToBasket([], certificateChoiceSchema.parse({ type: 'kazei', copies: 1, fiscalYear: 2019 }), offers, options), {
      ok: false,
      errorKey: 'certificate.refusal.no-tax-record',
    });
    const full = fill(...Array.from({ length: MAX_BASKET_ITEMS }, () => kazei));
    assert.deepEqual(addToBasket(full, kazei, offers, options), { ok: false, errorKey: 'certificate.basket.full' });
  });

  test('items the back end refuses leave the basket with their reason; the others stay in order', () => {
    const items = fill(partial, kazei, koseki);
    const { kept, removed } = dropRefused(items, new Map([[1, 'no-tax-record' as const]]));
    assert.deepEqual(
      kept.map((i) => i.choice.type),
      ['juminhyo', 'koseki-zenbu'],
    );
    assert.deepEqual(removed, [{ type: 'kazei', reasonKey: 'certificate.refusal.no-tax-record' }]);
    assert.equal(basketTotalYen(kept), 1050);
  });
});

describe('the money rule after payment', () => {
  test('the payment is shared out over the items exactly, or not at all', () => {
    const items = fill(partial, kazei);
    assert.deepEqual(shareOutPayment(items.map(itemTotalYen), 900), [600, 300]);
    assert.equal(shareOutPayment(items.map(itemTotalYen), 800), null);
  });

  test('a failure refunds exactly the items not printed', () => {
    const paid = [
      { serial: 'S-1', paidYen: 600, printed: true },
      { serial: 'S-2', paidYen: 300, printed: false },
      { serial: 'S-3', paidYen: 450, printed: false },
    ];
    const due = refundDue(paid);
    assert.deepEqual(due, { serials: ['S-2', 'S-3'], amountYen: 750 });
    assert.ok(moneyAccountedFor({ keptYen: 1350, items: paid, givenBackYen: 500, voucheredYen: 250 }));
    assert.ok(!moneyAccountedFor({ keptYen: 1350, items: paid, givenBackYen: 500, voucheredYen: 0 }), 'money unaccounted for');
    assert.ok(!moneyAccountedFor({ keptYen: 1350, items: paid, givenBackYen: 1350, voucheredYen: 0 }), 'a printed item refunded too');
  });

  test('nothing printed: the whole payment back; everything printed: nothing back', () => {
    const items = [
      { serial: 'S-1', paidYen: 600, printed: false },
      { serial: 'S-2', paidYen: 300, printed: false },
    ];
    assert.equal(refundDue(items).amountYen, 900);
    assert.deepEqual(refundDue(items.map((i) => ({ ...i, printed: true }))), { serials: [], amountYen: 0 });
  });

  test('money given back for several items is split so each item is refunded exactly its own share, given back first', () => {
    // The device gave back 500 of 1,350 and owes 850: item 1 is given back whole, item 2 in part, item 3 owed whole.
    assert.deepEqual(splitMoneyBack([600, 300, 450], 500, 850), [
      { refundedYen: 500, owedYen: 100 },
      { refundedYen: 0, owedYen: 300 },
      { refundedYen: 0, owedYen: 450 },
    ]);
    assert.deepEqual(splitMoneyBack([600, 300], 900, 0), [
      { refundedYen: 600, owedYen: 0 },
      { refundedYen: 300, owedYen: 0 },
    ]);
    assert.deepEqual(splitMoneyBack([600, 300], 0, 900), [
      { refundedYen: 0, owedYen: 600 },
      { refundedYen: 0, owedYen: 300 },
    ]);
  });

  test('money back that does not add up to the items (change owed counted twice, or a yen missing) is not split', () => {
    // 200 yen of change already on its own voucher, counted again here: refused, never journaled twice.
    assert.equal(splitMoneyBack([600, 300], 900, 200), null);
    assert.equal(splitMoneyBack([600, 300], 800, 0), null);
    assert.equal(splitMoneyBack([600, 300], -100, 1000), null);
  });
});
