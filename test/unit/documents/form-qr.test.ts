/**
 * The form QR text: format 2 names the ward (its 5-digit code), format 1 (forms printed before)
 * still parses with no ward, and anything else is a typed code, never a throw. The rendered PDF
 * carries the ward when it is given.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { wardIds, wardInfo } from '../../../contract/ward-api';
import { formRegistry } from '../../../main/applications/form-templates';
import { FORM_QR_INFO_KEY, formQrText, parseFormQrText } from '../../../main/documents/forms/form-qr';
import { FormRenderError, renderFormPdf } from '../../../main/documents/forms/render-form';
import { extractInfoFromPdf } from '../../../main/documents/seal-from-pdf';
import { SAMPLE_PEOPLE, SAMPLE_RECEIPT, sampleForm } from '../../support/form-samples';

describe('form QR text', () => {
  test('format 2 carries the ward code and parses back to the ward, for every ward', () => {
    for (const ward of wardIds) {
      const text = formQrText('jumin-ido-todoke', SAMPLE_RECEIPT, ward);
      assert.equal(text, `MADOGUCHI-FORM:jumin-ido-todoke:${SAMPLE_RECEIPT}:${wardInfo[ward].code}`);
      assert.deepEqual(parseFormQrText(text), { ok: true, templateId: 'jumin-ido-todoke', receiptNumber: SAMPLE_RECEIPT, ward, format: 2 });
    }
    assert.deepEqual(parseFormQrText(`MADOGUCHI-FORM:kokuho-ido:${SAMPLE_RECEIPT}:40107\r\n`), {
      ok: true,
      templateId: 'kokuho-ido',
      receiptNumber: SAMPLE_RECEIPT,
      ward: 'kokuraminami',
      format: 2,
    });
  });

  test('format 1 (printed before the ward was added) still parses, with no ward', () => {
    assert.equal(formQrText('jumin-ido-todoke', SAMPLE_RECEIPT), `MADOGUCHI-FORM:jumin-ido-todoke:${SAMPLE_RECEIPT}`);
    assert.deepEqual(parseFormQrText(`MADOGUCHI-FORM:jumin-ido-todoke:${SAMPLE_RECEIPT}`), {
      ok: true,
      templateId: 'jumin-ido-todoke',
      receiptNumber: SAMPLE_RECEIPT,
      ward: null,
      format: 1,
    });
  });

  test('garbage is a typed code: not-a-form-qr, malformed or unknown-ward', () => {
    const r = SAMPLE_RECEIPT;
    const cases: Array<[unknown, string]> = [
      ['', 'not-a-form-qr'],
      ['hello', 'not-a-form-qr'],
      [r, 'not-a-form-qr'],
      ['madoguchi-form:a:KK-0001', 'not-a-form-qr'],
      [null, 'malformed'],
      [42, 'malformed'],
      [{ toString: () => 'MADOGUCHI-FORM:a:KK-0001' }, 'malformed'],
      [`MADOGUCHI-FORM:a:${r}:40107:x`, 'malformed'],
      [`MADOGUCHI-FORM:a:${r}:`, 'malformed'],
      [`MADOGUCHI-FORM:a:${r}:4010`, 'malformed'],
      [`MADOGUCHI-FORM:a:${r}:401070`, 'malformed'],
      [`MADOGUCHI-FORM:a:${r}:kokuraminami`, 'malformed'],
      [`MADOGUCHI-FORM:a:${r}: 40107`, 'malformed'],
      [`MADOGUCHI-FORM:A:${r}:40107`, 'malformed'],
      [`MADOGUCHI-FORM:a:kk-0001:40107`, 'malformed'],
      [`MADOGUCHI-FORM:a:${r}\u0000:40107`, 'malformed'],
      [`MADOGUCHI-FORM:a:${r}:４０１０７`, 'malformed'],
      [`MADOGUCHI-FORM:${'a'.repeat(200)}:${r}`, 'malformed'],
      [`MADOGUCHI-FORM:a:${r}:13101`, 'unknown-ward'],
      [`MADOGUCHI-FORM:a:${r}:00000`, 'unknown-ward'],
    ];
    for (const [input, code] of cases) assert.deepEqual(parseFormQrText(input), { ok: false, code }, JSON.stringify(input));
  });

  test('total: any string gives a value or a typed code, and every value round-trips', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `MADOGUCHI-FORM:${s}`),
          fc.anything(),
        ),
        (input) => {
          const r = parseFormQrText(input);
          if (!r.ok) return ['not-a-form-qr', 'malformed', 'unknown-ward'].includes(r.code);
          return parseFormQrText(formQrText(r.templateId, r.receiptNumber, r.ward ?? undefined)).ok;
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('the formatter refuses what the parser would refuse', () => {
    assert.throws(() => formQrText('Bad Id', SAMPLE_RECEIPT), RangeError);
    assert.throws(() => formQrText('jumin-ido-todoke', 'x'), RangeError);
    assert.throws(() => formQrText('jumin-ido-todoke', SAMPLE_RECEIPT, 'atlantis' as never), RangeError);
  });

  test('a rendered form carries the ward in its PDF Info; an unknown ward is refused, typed', async () => {
    const jumin = formRegistry().templates.get('jumin-ido-todoke')!;
    const form = sampleForm(jumin, SAMPLE_PEOPLE.takahashi);
    const pdf = await renderFormPdf(form, { receiptNumber: SAMPLE_RECEIPT, ward: 'yahatanishi', creationDate: new Date('2026-11-28T00:00:00Z') });
    assert.equal(extractInfoFromPdf(pdf, FORM_QR_INFO_KEY), `MADOGUCHI-FORM:jumin-ido-todoke:${SAMPLE_RECEIPT}:40109`);
    await assert.rejects(
      renderFormPdf(form, { receiptNumber: SAMPLE_RECEIPT, ward: 'atlantis' as never }),
      (e: unknown) => e instanceof FormRenderError && e.code === 'unknown-ward',
    );
  });
});
