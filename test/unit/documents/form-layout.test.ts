/**
 * The printed application forms as a ward clerk sees them: for every template and every sample
 * person (card-001 髙橋, card-008 with the 通称, and a person whose every value is as long as the
 * validation allows), the sheet is one A4 page, every text stays inside its box and off the
 * rules, citizen data is no smaller than the floors, and it carries the receipt number, a QR
 * that decodes to the form's look-up text and a signature box. The PDF itself is checked with
 * pdftotext -bbox (the painted words lie where the plan put them) and zbarimg (the QR scans).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERAS } from '../../../contract/japanese-calendar';
import { formRegistry } from '../../../main/applications/form-templates';
import type { FormTemplate, TemplateField } from '../../../main/applications/form-template-schema';
import { documentFonts } from '../../../main/documents/fonts';
import { auditForm, textRect } from '../../../main/documents/forms/form-audit';
import { DATA_FLOOR, FORM_QR_INFO_KEY, FormLayoutError, formQrText, layoutForm, parseFormQrText } from '../../../main/documents/forms/form-plan';
import { extractInfoFromPdf } from '../../../main/documents/seal-from-pdf';
import { FormRenderError, renderFormPdf } from '../../../main/documents/forms/render-form';
import { textsOf } from '../../../main/documents/pdf-kit/plan';
import { TextOverflowError } from '../../../main/documents/pdf-kit/text';
import { PT_PER_MM } from '../../../main/documents/pdf-kit/units';
import { resolveBound, SAMPLE_PEOPLE, SAMPLE_RECEIPT, sampleForm, stressPerson } from '../../support/form-samples';

const fonts = documentFonts();
const templates = [...formRegistry().templates.values()];
const people = { ...SAMPLE_PEOPLE, stress: stressPerson(templates) };
const fixed = { receiptNumber: SAMPLE_RECEIPT, creationDate: new Date('2026-11-28T00:00:00Z') };

/** pdftotext -bbox words in points (its coordinates are PDF points, origin top-left). */
function words(file: string): { text: string; x0: number; y0: number; x1: number; y1: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    text: m[5]!,
  }));
}

function withTemplate(t: FormTemplate, edit: (els: FormTemplate['layout']['elements']) => void): FormTemplate {
  const copy = structuredClone(t);
  edit(copy.layout.elements);
  return copy;
}

const jumin = formRegistry().templates.get('jumin-ido-todoke')!;

describe('printed forms: every template, every sample person', () => {
  test('the layout audit finds nothing a clerk would reject, and the stress person really is long', () => {
    for (const t of templates) {
      for (const [who, person] of Object.entries(people)) {
        const layout = layoutForm(t, sampleForm(t, person), SAMPLE_RECEIPT, fonts);
        assert.deepEqual(auditForm(layout, fonts, SAMPLE_RECEIPT), [], `${t.id} / ${who}`);
        const data = [...textsOf(layout.plan)].filter((o) => !o.field.startsWith('label.') && o.font === 'mincho');
        assert.ok(
          data.some((o) => o.field === 'name'),
          `${t.id} / ${who}: the name is printed`,
        );
        assert.ok(
          data.every((o) => o.size >= DATA_FLOOR),
          `${t.id} / ${who}: citizen data at ${DATA_FLOOR} pt or more`,
        );
      }
      // the worst case needs the fitting: some value of the stress person shrank or wrapped
      const stress = layoutForm(t, sampleForm(t, people.stress), SAMPLE_RECEIPT, fonts);
      const fitted = stress.placements.filter((p) => {
        const el = t.layout.elements[p.index]!;
        const texts = p.ops.filter((o) => o.kind === 'text');
        return el.kind === 'field' && (texts.length > 1 || texts.some((o) => o.size < (el.size ?? 11)));
      });
      assert.ok(fitted.length > 0, `${t.id}: some stress value had to shrink or wrap`);
    }
  });

  test("the PDFs: one A4 page, painted words inside the plan's text boxes and the printable area, the QR scans", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-form-layout-'));
    try {
      for (const t of templates) {
        for (const [who, person] of Object.entries(people)) {
          const form = sampleForm(t, person);
          const file = join(dir, `${t.id}.${who}.pdf`);
          writeFileSync(file, await renderFormPdf(form, fixed));
          const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
          assert.match(info, /Pages:\s+1\n/, `${t.id}/${who}: one page`);
          assert.match(info, /Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/, `${t.id}/${who}: A4 portrait`);
          const rects = [...textsOf(layoutForm(t, form, SAMPLE_RECEIPT, fonts).plan)].map((op) => textRect(fonts, op));
          const ws = words(file);
          assert.ok(
            ws.some((w) => w.text === SAMPLE_RECEIPT),
            `${t.id}/${who}: receipt number as text`,
          );
          const margin = 5 * PT_PER_MM;
          for (const w of ws) {
            assert.ok(
              w.x0 >= margin && w.y0 >= margin && w.x1 <= 595.28 - margin && w.y1 <= 841.89 - margin,
              `${t.id}/${who}: a word outside the printable area`,
            );
            // every painted word lies within a text box of the plan (1 pt for pdftotext's rounding)
            const home = rects.some((r) => w.x0 >= r.x - 1 && w.x1 <= r.x + r.w + 1 && w.y0 >= r.y - 1 && w.y1 <= r.y + r.h + 1);
            assert.ok(home, `${t.id}/${who}: a painted word is not where the plan put it`);
          }
          if (who === 'takahashi') {
            execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', file, join(dir, t.id)]);
            const scanned = execFileSync('zbarimg', ['-q', '--raw', join(dir, `${t.id}-1.png`)], {
              encoding: 'utf8',
              stdio: ['ignore', 'pipe', 'ignore'],
            }).trim();
            assert.equal(scanned, formQrText(t.id, SAMPLE_RECEIPT), `${t.id}: the printed QR scans to its look-up text`);
          }
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("every date box offers every era its field's validation allows (no year printed without its era)", () => {
    const eraOf = (iso: string) => [...ERAS].reverse().find((e) => iso >= e.start)!.name;
    for (const t of templates) {
      const byId = new Map(t.fields.map((f) => [f.id, f]));
      const range = (f: TemplateField): string[] => {
        if (f.validation.minDate) return [resolveBound(f.validation.minDate), resolveBound(f.validation.maxDate ?? 'today')];
        // derived: the union of the date fields it may take its value from
        const src = (f.args ?? []).map((a) => byId.get(a.slice(a.indexOf(':') + 1))).filter((x): x is TemplateField => x?.type === 'era-date');
        const all = src.flatMap(range).sort();
        return all.length ? [all[0]!, all[all.length - 1]!] : [];
      };
      for (const el of t.layout.elements) {
        if (el.kind !== 'eraDate') continue;
        const [lo, hi] = range(byId.get(el.field)!);
        assert.ok(lo && hi, `${t.id}.${el.field}: a date range`);
        // every era whose span [start, next start) meets [lo, hi]
        const needed = ERAS.filter((e, i) => e.start <= hi && (ERAS[i + 1] === undefined || ERAS[i + 1]!.start > lo)).map((e) => e.name);
        assert.ok(needed.includes(eraOf(lo)) && needed.includes(eraOf(hi)));
        for (const era of needed) assert.ok(el.eras.includes(era), `${t.id}.${el.field} lacks ${era}`);
      }
    }
  });
});

describe('the renderer reports what it cannot print, never clips', () => {
  test('a value longer than its box allows is TextOverflowError naming the field', async () => {
    const form = sampleForm(jumin, { ...people.stress, name: '髙'.repeat(200) });
    await assert.rejects(renderFormPdf(form, fixed), (e: unknown) => e instanceof TextOverflowError && e.field === 'name');
    const digits = sampleForm(jumin, { ...people.takahashi, newPostal: '80209711' });
    await assert.rejects(renderFormPdf(digits, fixed), (e: unknown) => e instanceof TextOverflowError && e.field === 'newPostal');
  });

  test('a box made too small for the longest valid address fails the stress person', async () => {
    const t = withTemplate(jumin, (els) => {
      const f = els.find((e) => e.kind === 'field' && e.field === 'currentAddress') as { h: number };
      f.h = 5;
    });
    await assert.rejects(
      renderFormPdf(sampleForm(t, people.stress), { ...fixed, template: t }),
      (e: unknown) => e instanceof TextOverflowError && e.field === 'currentAddress',
    );
  });

  test('a date in an era the form does not offer is FormLayoutError, not a bare year', async () => {
    const t = withTemplate(jumin, (els) => {
      const d = els.find((e) => e.kind === 'eraDate' && e.field === 'birthDate') as { eras: string[] };
      d.eras = ['令和', '平成', '昭和'];
    });
    const form = sampleForm(t, { ...people.takahashi, birthDate: '1925-03-01' });
    await assert.rejects(renderFormPdf(form, { ...fixed, template: t }), (e: unknown) => e instanceof FormLayoutError && e.field === 'birthDate');
  });

  test('overlapping checkboxes, text over a rule, an element in the margin, no signature box: refused with the issue named', async () => {
    const cases: [string, (els: FormTemplate['layout']['elements']) => void, string][] = [
      [
        'overlap',
        (els) => {
          (els.find((e) => e.kind === 'checkbox' && e.value === 'tenkyo') as { x: number }).x = 45;
        },
        'text-overlap',
      ],
      [
        'rule',
        (els) => {
          els.push({ kind: 'label', x: 35, y: 44, w: 20, h: 5, text: '横断する注記' });
        },
        'text-crosses-rule',
      ],
      [
        'margin',
        (els) => {
          (els.find((e) => e.kind === 'receipt') as { y: number }).y = 2;
        },
        'outside-printable-area',
      ],
      [
        'signature',
        (els) => {
          els.splice(
            els.findIndex((e) => e.kind === 'signature' && e.label.includes('署名')),
            1,
          );
        },
        'missing-signature',
      ],
      [
        'qr',
        (els) => {
          els.splice(
            els.findIndex((e) => e.kind === 'qr'),
            1,
          );
        },
        'missing-qr',
      ],
      [
        'receipt',
        (els) => {
          els.splice(
            els.findIndex((e) => e.kind === 'receipt'),
            1,
          );
        },
        'missing-receipt',
      ],
    ];
    for (const [name, edit, code] of cases) {
      const t = withTemplate(jumin, edit);
      await assert.rejects(
        renderFormPdf(sampleForm(t, people.takahashi), { ...fixed, template: t }),
        (e: unknown) => e instanceof FormRenderError && e.code === 'layout-check-failed' && e.issues.some((i) => i.code === code),
        name,
      );
    }
  });

  test('the audit sees a text outside its own box and citizen data under the floor', () => {
    const layout = layoutForm(jumin, sampleForm(jumin, people.takahashi), SAMPLE_RECEIPT, fonts);
    const i = layout.placements.findIndex((p) => p.field === 'phone');
    const moved = layout.placements.map((p, k) =>
      k !== i
        ? p
        : {
            ...p,
            ops: p.ops.map((o) => (o.kind === 'text' ? { ...o, x: o.x + 200 } : o)),
          },
    );
    assert.ok(auditForm({ ...layout, placements: moved }, fonts, SAMPLE_RECEIPT).some((x) => x.code === 'text-outside-box' && x.field === 'phone'));
    const tiny = layout.placements.map((p, k) =>
      k !== i
        ? p
        : {
            ...p,
            ops: p.ops.map((o) => (o.kind === 'text' ? { ...o, size: 5 } : o)),
          },
    );
    assert.ok(auditForm({ ...layout, placements: tiny }, fonts, SAMPLE_RECEIPT).some((x) => x.code === 'text-too-small' && x.field === 'phone'));
  });
});

describe('the form QR text', () => {
  test('parses back what formQrText makes; anything else is a code, never a throw', () => {
    const old = { ok: true, templateId: 'kokuho-ido', receiptNumber: SAMPLE_RECEIPT, ward: null, format: 1 };
    assert.deepEqual(parseFormQrText(formQrText('kokuho-ido', SAMPLE_RECEIPT)), old);
    assert.deepEqual(parseFormQrText(` ${formQrText('kokuho-ido', SAMPLE_RECEIPT)}\n`), old);
    for (const bad of [
      'MADOGUCHI-FORM:',
      'MADOGUCHI-FORM:x:y',
      'MADOGUCHI-FORM:Kokuho:4010601-1',
      'MADOGUCHI-FORM:a:b:c',
      `MADOGUCHI-FORM:a:${'A'.repeat(40)}`,
    ]) {
      assert.deepEqual(parseFormQrText(bad), { ok: false, code: 'malformed' }, bad);
    }
    for (const other of ['MDG1.abc', '', 'https://example.invalid/']) assert.deepEqual(parseFormQrText(other), { ok: false, code: 'not-a-form-qr' });
    assert.deepEqual(parseFormQrText(42), { ok: false, code: 'malformed' });
  });

  test('the form PDF carries the QR text in its Info, for a PDF sent by mail', async () => {
    const pdf = await renderFormPdf(sampleForm(jumin, people.takahashi), fixed);
    assert.equal(extractInfoFromPdf(pdf, FORM_QR_INFO_KEY), formQrText('jumin-ido-todoke', SAMPLE_RECEIPT));
    assert.equal(extractInfoFromPdf(pdf, 'MadoguchiSeal'), undefined);
  });
});
