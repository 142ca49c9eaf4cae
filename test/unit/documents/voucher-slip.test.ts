import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFonts } from '../../../main/documents/fonts';
import { textsOf } from '../../../main/documents/pdf-kit/plan';
import { qrPath } from '../../../main/documents/pdf-kit/qr';
import {
  causeOfReason,
  planVoucherSlip,
  renderVoucherSlip,
  VOUCHER_CAUSES,
  voucherQrText,
  VoucherSlipError,
  type VoucherSlipInput,
} from '../../../main/documents/voucher';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'madoguchi-voucher-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const SLIP: VoucherSlipInput = {
  voucherNumber: 'RV-KOKURA01-20261128-0007',
  amountYen: 1200,
  checkCode: '9F3A0C7B',
  issuedAt: new Date('2026-11-28T03:15:00Z'),
  kioskId: 'kiosk-kokurakita-01',
  office: { name: '小倉北区役所', counter: '市民課 証明発行窓口' },
  cause: 'payment-failed',
};

function write(pdf: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return file;
}
const tool = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });

/** The fields a slip may print: ids, amount, times, places, fixed texts. Nothing about a person. */
const ALLOWED_FIELDS = new Set([
  'title',
  'titleEn',
  'amountLabel',
  'amount',
  'numberLabel',
  'number',
  'checkLabel',
  'checkCode',
  'issuedLabel',
  'issuedAt',
  'issuedAtWestern',
  'kioskLabel',
  'kioskId',
  'qrCaption',
  'whereTitle',
  'where',
  'whereEn',
  'whatTitle',
  'what',
  'whatEn',
  'notice',
  'privacy',
]);

describe('refund voucher slip (返金引換券)', () => {
  test('one A4 page in large type: title, number, amount, 照合コード, date and time (JST), kiosk, where to go, what happened', async () => {
    const file = write(await renderVoucherSlip(SLIP), 'slip.pdf');
    const info = tool('pdfinfo', [file]);
    assert.match(info, /Pages:\s+1/);
    assert.match(info, /Page size:\s+595\.28 x 841\.89 pts/);
    const text = tool('pdftotext', ['-layout', file, '-']);
    assert.match(text, /返\s*金\s*引\s*換\s*券/);
    assert.ok(text.includes('RV-KOKURA01-20261128-0007'));
    assert.match(text, /1,200 円/);
    assert.match(text, /9F3A 0C7B/);
    assert.match(text, /令和8年11月28日 12時15分/);
    assert.ok(text.includes('kiosk-kokurakita-01'));
    assert.match(text, /小倉北区役所 市民課 証明発行窓口 にお持ちくだ/);
    assert.match(text, /お金の受け付け中に機械の不具合/);
    assert.match(tool('pdfinfo', ['-custom', file]), /MadoguchiVoucher:\s*MDGRV1 RV-KOKURA01-20261128-0007 1200 kiosk-kokurakita-01 9F3A0C7B/);
  });

  test('no personal data: only id, amount, time, place and fixed-text fields; no 12-digit number; metadata names the document only', () => {
    const plan = planVoucherSlip(SLIP, documentFonts());
    const fields = new Set([...textsOf(plan)].map((t) => t.field));
    assert.deepEqual(
      [...fields].filter((f) => !ALLOWED_FIELDS.has(f)),
      [],
    );
    const all = [...textsOf(plan)].map((t) => t.text).join('\n');
    assert.doesNotMatch(all, /\d{12}/);
    assert.deepEqual(plan.info, { title: '返金引換券', subject: '引換番号 RV-KOKURA01-20261128-0007', author: '小倉北区役所', creator: 'Madoguchi kiosk' });
  });

  test('the QR carries exactly number, amount, kiosk and 照合コード', () => {
    const plan = planVoucherSlip(SLIP, documentFonts());
    const expected = qrPath(voucherQrText(SLIP), 0, 0, 150).op.d;
    const paths = plan.pages[0]!.ops.flatMap((o) => (o.kind === 'path' ? [o.d] : []));
    assert.equal(paths.length, 1);
    // Same modules, so the same path up to where it is placed: compare the module runs.
    assert.equal(paths[0]!.split('z').length, expected.split('z').length);
    assert.equal(voucherQrText(SLIP), 'MDGRV1 RV-KOKURA01-20261128-0007 1200 kiosk-kokurakita-01 9F3A0C7B');
  });

  test('every cause has plain words, and every journal reason maps to one', async () => {
    for (const cause of VOUCHER_CAUSES) {
      const text = tool('pdftotext', [write(await renderVoucherSlip({ ...SLIP, cause }), `${cause}.pdf`), '-']).replace(/\s+/g, '');
      assert.match(text, /窓口で現金でお返しします/, cause);
    }
    assert.equal(causeOfReason('print-failed'), 'print-failed');
    assert.equal(causeOfReason('payment-failed'), 'payment-failed');
    assert.equal(causeOfReason('print-outcome-unknown'), 'machine-stopped');
    assert.equal(causeOfReason('session-ended'), 'cancelled');
  });

  test('input it must not print is refused with the field names, never a partial slip', async () => {
    await assert.rejects(
      renderVoucherSlip({ ...SLIP, amountYen: 0, checkCode: '9f3a0c7b', voucherNumber: 'X', office: { name: '', counter: 'x' } }),
      (e: unknown) => e instanceof VoucherSlipError && e.fields.join() === 'voucherNumber,amountYen,checkCode,office.name',
    );
  });
});
