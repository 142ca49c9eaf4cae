import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnswerValue, FilledForm } from '../../../contract/applications';
import { formRegistry } from '../../../main/applications/form-templates';
import type { TemplateField } from '../../../main/applications/form-template-schema';
import { FormRenderError, renderFormPdf } from '../../../main/documents/forms/render-form';
import { formQrText } from '../../../main/documents/forms/form-plan';

/** A plausible long value for every field type (fictional data). */
function sample(f: TemplateField): AnswerValue {
  switch (f.type) {
    case 'kana':
      return 'キタキュウシュウ　ハナコ';
    case 'date':
    case 'era-date':
      return '1989-01-08';
    case 'postal':
      return '8020001';
    case 'address':
      return '福岡県北九州市小倉北区浅野三丁目8番1号　リバーサイドマンション小倉1205号';
    case 'choice':
      return f.options![f.options!.length - 1]!.value;
    case 'checkbox':
      return true;
    case 'number':
      return 3;
    case 'phone':
      return '093-582-0000';
    default:
      return f.id === 'myNumber' ? '123456789018' : f.validation.pattern === '\\d{7}' ? '1234567' : '北九州　花子';
  }
}

describe('form PDFs', () => {
  const reg = formRegistry();
  test('every template renders fully filled on one A4 page, with receipt number and name as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-forms-pdf-'));
    try {
      for (const t of reg.templates.values()) {
        const values = Object.fromEntries(t.fields.map((f) => [f.id, sample(f)]));
        const form: FilledForm = { templateId: t.id, procedureId: 'p', title: t.title, filledOn: '2025-06-10', values };
        const pdf = await renderFormPdf(form, { receiptNumber: 'KK-20250610-0042', creationDate: new Date('2025-06-10T00:00:00Z') });
        assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
        const file = join(dir, `${t.id}.pdf`);
        writeFileSync(file, pdf);
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        assert.match(info, /Pages:\s+1\b/);
        assert.match(info, /A4/);
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        assert.ok(text.includes('KK-20250610-0042'), `${t.id}: receipt number`);
        assert.ok(text.includes('平成元年') || text.includes('元'), `${t.id}: era date`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('the QR carries only the template and receipt number', () => {
    assert.equal(formQrText('jumin-ido-todoke', 'KK-1'), 'MADOGUCHI-FORM:jumin-ido-todoke:KK-1');
  });
  test('bad input is a typed error', async () => {
    const t = reg.templates.get('inkan-toroku')!;
    const form: FilledForm = { templateId: t.id, procedureId: 'p', title: t.title, filledOn: '2025-06-10', values: {} };
    await assert.rejects(renderFormPdf(form, { receiptNumber: 'bad number' }), (e: unknown) => e instanceof FormRenderError && e.code === 'bad-receipt-number');
    await assert.rejects(
      renderFormPdf({ ...form, templateId: 'nope' }, { receiptNumber: 'KK-0001' }),
      (e: unknown) => e instanceof FormRenderError && e.code === 'unknown-template',
    );
    await assert.rejects(
      renderFormPdf({ ...form, values: { x: {} as never } }, { receiptNumber: 'KK-0001' }),
      (e: unknown) => e instanceof FormRenderError && e.code === 'invalid-form',
    );
  });
});
