/**
 * The receipt (領収書) as printed: its text read back from the PDF (poppler), with the amount,
 * every item and serial, the time, the kiosk and the office, and nothing about the person.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReceiptError, renderReceipt, type ReceiptInput } from '../../../main/documents/receipt/receipt';
import { pdfText } from '../../support/pdf-text';

const RECEIPT: ReceiptInput = {
  items: [
    { name: '住民票の写し', copies: 2, amountYen: 600, serial: 'KK-2026-000123' },
    { name: '所得・課税証明書', copies: 1, amountYen: 300, serial: 'KK-2026-000124' },
  ],
  totalYen: 900,
  method: 'cash',
  paidAt: new Date('2026-12-07T01:23:00Z'), // 10:23 in Japan
  kioskId: 'kiosk-kokurakita-01',
  office: '北九州市 小倉北区役所',
};

test('the printed receipt says what was paid, for what, when, where, and by which kiosk', async () => {
  const text = pdfText(await renderReceipt(RECEIPT));
  const flat = text.replace(/\s+/g, '');
  assert.match(flat, /領収書/);
  assert.match(flat, /金額900円/);
  assert.match(flat, /証明書交付手数料/);
  assert.match(flat, /住民票の写し2通600円KK-2026-000123/);
  assert.match(flat, /所得・課税証明書1通300円KK-2026-000124/);
  assert.match(flat, /合計900円/);
  assert.match(flat, /令和8年12月7日/);
  assert.match(flat, /10時23分|10:23/);
  assert.match(flat, /kiosk-kokurakita-01/);
  assert.match(flat, /小倉北区役所/);
  assert.match(flat, /お支払い方法：現金/);
});

test('a receipt whose total is not the sum of its items, or with a bad serial, is not printed', async () => {
  await assert.rejects(renderReceipt({ ...RECEIPT, totalYen: 1000 }), (e: unknown) => e instanceof ReceiptError && e.fields.includes('totalYen'));
  await assert.rejects(
    renderReceipt({ ...RECEIPT, items: [{ ...RECEIPT.items[0]!, serial: '山田 太郎' }], totalYen: 600 }),
    (e: unknown) => e instanceof ReceiptError && e.fields.includes('items[0].serial'),
  );
  await assert.rejects(renderReceipt({ ...RECEIPT, items: [], totalYen: 900 }), ReceiptError);
});
