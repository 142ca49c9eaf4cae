/**
 * Turns a form template's A4 layout (millimetres) and a filled form into a DocumentPlan of
 * drawing operations (points), using the shared pdf-kit primitives. Labels are set in the UD
 * gothic, citizen data in IPAmj Mincho; a value too long for its box shrinks, then wraps, then
 * stops the document with TextOverflowError (official data is never cut off).
 */
import type { AnswerValue, FilledForm } from '../../../contract/applications';
import type { WardId } from '../../../contract/ward-api';
import { toWareki } from '../../../contract/japanese-calendar';
import type { FormTemplate, LayoutElement, TemplateField } from '../../applications/form-template-schema';
import { formatValue } from '../../applications/format-value';
import type { DocumentFonts } from '../fonts';
import type { DocumentPlan, DrawOp, TextOp } from '../pdf-kit/plan';
import { textWidth } from '../pdf-kit/measure';
import { qrPath } from '../pdf-kit/qr';
import { fitText, TextOverflowError, type FitOptions } from '../pdf-kit/text';
import { A4, mm, PT_PER_MM, type Box } from '../pdf-kit/units';
import { FORM_QR_INFO_KEY, formQrText } from './form-qr';

const RULE = 0.6;
const LABEL_FILL = '#e6ede9';
const SECTION_FILL = '#d4ded8';

/**
 * Legibility floors of citizen data in points: a value shrinks on one line down to LINE_FLOOR,
 * then wraps at the largest size that fits, down to DATA_FLOOR; below that it is an error.
 * フリガナ is small by convention and has its own floor.
 */
export const DATA_FLOOR = 7;
export const LINE_FLOOR = 8;
export const FURIGANA_FLOOR = 6;

/** Lines a value of each field type may wrap over. */
const MAX_LINES: Partial<Record<TemplateField['type'], number>> = { address: 3, text: 2, kana: 2 };

/** A form cannot be drawn truthfully from this template and value. Carries the field, never the value. */
export class FormLayoutError extends Error {
  constructor(
    /** `era-not-on-form`: the date's era has no checkbox on the form, so the date would be ambiguous. */
    readonly code: 'era-not-on-form',
    /** The field id. */
    readonly field: string,
  ) {
    super(`form layout error ${code} for field ${field}`);
    this.name = 'FormLayoutError';
  }
}

// The QR text lives in form-qr.ts; re-exported for the callers that import it from here.
export { FORM_QR_INFO_KEY, formQrText, parseFormQrText, type FormQrErrorCode, type FormQrParse } from './form-qr';

function box(x: number, y: number, w: number, h: number): Box {
  return { x: mm(x), y: mm(y), w: mm(w), h: mm(h) };
}

/** A tick drawn as a path (no dependence on a ✓ glyph in the fonts). */
function tick(x: number, y: number, s: number): DrawOp {
  const p = (fx: number, fy: number) => `${(mm(x) + fx * mm(s)).toFixed(2)} ${(mm(y) + fy * mm(s)).toFixed(2)}`;
  return { kind: 'path', d: `M${p(0.15, 0.5)}L${p(0.42, 0.8)}L${p(0.9, 0.12)}`, stroke: { width: 1.2 } };
}

function checkboxOps(fonts: DocumentFonts, x: number, y: number, label: string, checked: boolean, size: number, field: string, labelW = 60): DrawOp[] {
  const s = 3.2;
  const ops: DrawOp[] = [{ kind: 'rect', x: mm(x), y: mm(y + 0.4), w: mm(s), h: mm(s), stroke: { width: 0.6 } }];
  if (checked) ops.push(tick(x, y + 0.4, s));
  ops.push(...fitText(fonts, label, box(x + s + 0.6, y - 0.6, labelW, 5.2), { font: 'gothic', size, minSize: size * 0.8, field, padding: 0.5 }));
  return ops;
}

interface Ctx {
  readonly fonts: DocumentFonts;
  readonly template: FormTemplate;
  readonly fields: ReadonlyMap<string, TemplateField>;
  readonly values: Readonly<Record<string, AnswerValue>>;
  readonly receiptNumber: string;
  /** The ward the application was sent to (in the QR); absent: a format-1 QR without it. */
  readonly ward?: WardId;
}

function valueText(ctx: Ctx, fieldId: string, format?: string): string {
  const field = ctx.fields.get(fieldId);
  const v = ctx.values[fieldId];
  if (!field || v === undefined) return '';
  if (format === 'number' || format === 'plain') return String(v);
  return formatValue(field, v);
}

function fit(ctx: Ctx, text: string, b: Box, o: Partial<FitOptions> & { field: string }): TextOp[] {
  if (text === '') return [];
  return fitText(ctx.fonts, text, b, { font: 'mincho', size: 11, minSize: 7, maxLines: 1, padding: 1.5, ...o });
}

/** Width in mm a checkbox with `label` takes at `size`, with the gap before the next one. */
function checkboxWidth(fonts: DocumentFonts, label: string, size: number): number {
  return 3.2 + 0.6 + (textWidth(fonts, 'gothic', label, size) + 1) / PT_PER_MM + 1.2;
}

function eraDateOps(ctx: Ctx, el: Extract<LayoutElement, { kind: 'eraDate' }>): DrawOp[] {
  const ops: DrawOp[] = [];
  const iso = ctx.values[el.field];
  const w = typeof iso === 'string' ? toWareki(iso) : null;
  const era = w?.ok ? w.value : null;
  // A year without its era ticked is ambiguous: refuse rather than print it.
  if (era && !el.eras.includes(era.era)) throw new FormLayoutError('era-not-on-form', el.field);
  const eraW = Math.min(13, (el.w * 0.55) / el.eras.length);
  // Where the full names do not fit, the usual 明・大・昭・平・令 of printed forms.
  const full = Math.max(...el.eras.map((n) => checkboxWidth(ctx.fonts, n, 8.5))) <= eraW;
  const cy = el.y + (el.h - 4.2) / 2;
  el.eras.forEach((name, i) => {
    ops.push(...checkboxOps(ctx.fonts, el.x + 1 + i * eraW, cy, full ? name : name.slice(0, 1), era?.era === name, 8.5, `label.${el.field}.era`, eraW - 4));
  });
  // 年 月 日 with the numbers in mincho, units in gothic.
  const start = el.x + 3 + el.eras.length * eraW;
  // Units close together as on paper, whatever the box width.
  const unitW = Math.min(16, (el.x + el.w - start) / 3);
  const parts: [string, string][] = [
    [era ? (era.year === 1 ? '元' : String(era.year)) : '', '年'],
    [era ? String(era.month) : '', '月'],
    [era ? String(era.day) : '', '日'],
  ];
  parts.forEach(([num, unit], i) => {
    const ux = start + i * unitW;
    ops.push(...fit(ctx, num, box(ux, el.y, unitW - 5, el.h), { field: el.field, align: 'right', size: 11, minSize: DATA_FLOOR }));
    ops.push(...fit(ctx, unit, box(ux + unitW - 5, el.y, 5, el.h), { field: `label.${el.field}.unit`, font: 'gothic', size: 9 }));
  });
  return ops;
}

function elementOps(ctx: Ctx, el: LayoutElement): DrawOp[] {
  switch (el.kind) {
    case 'title':
      return fit(ctx, el.text, box(el.x, el.y, el.w, el.h), { field: 'label.title', font: 'gothicBold', size: el.size ?? 17, align: 'center', charSpacing: 1 });
    case 'label':
      return fit(ctx, el.text, box(el.x, el.y, el.w, el.h), {
        field: 'label.text',
        font: 'gothic',
        size: el.size ?? 9,
        minSize: (el.size ?? 9) * 0.7,
        maxLines: 2,
        align: el.align ?? 'left',
        padding: 0.5,
      });
    case 'box': {
      const ops: DrawOp[] = [];
      if (el.bold) ops.push({ kind: 'rect', ...box(el.x, el.y, el.w, el.h), fill: SECTION_FILL, stroke: { width: RULE } });
      else ops.push({ kind: 'rect', ...box(el.x, el.y, el.w, el.h), stroke: { width: RULE } });
      if (el.label) {
        const lw = el.labelWidth ?? 30;
        ops.push({ kind: 'rect', ...box(el.x, el.y, lw, el.h), fill: LABEL_FILL, stroke: { width: RULE } });
        ops.push(...fit(ctx, el.label, box(el.x, el.y, lw, el.h), { field: 'label.box', font: 'gothic', size: 9, minSize: 6.5, maxLines: 2, align: 'center' }));
      }
      return ops;
    }
    case 'field': {
      const field = ctx.fields.get(el.field);
      return fit(ctx, valueText(ctx, el.field, el.format), box(el.x, el.y, el.w, el.h), {
        field: el.field,
        size: el.size ?? 11,
        align: el.align ?? 'left',
        maxLines: (field && MAX_LINES[field.type]) ?? 1,
        minSize: DATA_FLOOR,
        lineMinSize: LINE_FLOOR,
      });
    }
    case 'furigana':
      return fit(ctx, valueText(ctx, el.field), box(el.x, el.y, el.w, el.h), { field: el.field, font: 'gothic', size: 8, minSize: FURIGANA_FLOOR });
    case 'eraDate':
      return eraDateOps(ctx, el);
    case 'checkbox': {
      const v = ctx.values[el.field];
      const checked = el.value === undefined ? v === true : v === el.value;
      return checkboxOps(ctx.fonts, el.x, el.y, el.label, checked, el.size ?? 9, `label.${el.field}`);
    }
    case 'digits': {
      const ops: DrawOp[] = [];
      const text = Array.from(String(ctx.values[el.field] ?? ''));
      const cw = el.w / el.count;
      for (let i = 0; i < el.count; i++) {
        ops.push({ kind: 'rect', ...box(el.x + i * cw, el.y, cw, el.h), stroke: { width: 0.5 } });
        const ch = text[i];
        if (ch)
          ops.push(...fit(ctx, ch, box(el.x + i * cw, el.y, cw, el.h), { field: el.field, align: 'center', size: 11, minSize: DATA_FLOOR, padding: 0.3 }));
      }
      // more characters than boxes would silently drop the rest
      if (text.length > el.count) throw new TextOverflowError(el.field);
      return ops;
    }
    case 'signature':
      return [
        { kind: 'rect', ...box(el.x, el.y, el.w, el.h), stroke: { width: RULE } },
        ...fit(ctx, el.label, box(el.x + 0.5, el.y + 0.3, el.w - 1, 4.5), { field: 'label.signature', font: 'gothic', size: 7, minSize: 5.5 }),
      ];
    case 'receipt':
      return [
        { kind: 'rect', ...box(el.x, el.y, el.w, el.h), stroke: { width: RULE } },
        { kind: 'rect', ...box(el.x, el.y, 15, el.h), fill: LABEL_FILL, stroke: { width: RULE } },
        ...fit(ctx, '受付番号', box(el.x, el.y, 15, el.h), { field: 'label.receipt', font: 'gothic', size: 7.5, align: 'center' }),
        // the clerk reads it aloud and types it: never below 9 pt
        ...fit(ctx, ctx.receiptNumber, box(el.x + 15, el.y, el.w - 15, el.h), {
          field: 'receiptNumber',
          font: 'gothicBold',
          size: 11,
          minSize: 9,
          align: 'center',
          padding: 2.5,
        }),
      ];
    case 'qr':
      return [qrPath(formQrText(ctx.template.id, ctx.receiptNumber, ctx.ward), mm(el.x), mm(el.y), mm(el.size)).op];
    case 'line':
      return [{ kind: 'line', x1: mm(el.x1), y1: mm(el.y1), x2: mm(el.x2), y2: mm(el.y2), width: 0.4 }];
  }
}

/** What one layout element drew, and the box its text must stay inside. */
export interface Placement {
  /** Index of the element in `template.layout.elements`. */
  readonly index: number;
  readonly kind: LayoutElement['kind'];
  /** The field the element shows, if any. */
  readonly field?: string;
  /** The element's box in points; null where its text has no box of its own (checkbox, line). */
  readonly box: Box | null;
  /** The drawing operations of the element. */
  readonly ops: readonly DrawOp[];
}

/** A planned form with each element's drawing, for the layout audit (form-audit.ts). */
export interface FormLayout {
  readonly plan: DocumentPlan;
  readonly placements: readonly Placement[];
}

function placementBox(el: LayoutElement): Box | null {
  switch (el.kind) {
    case 'checkbox':
    case 'line':
      return null;
    case 'qr':
      return box(el.x, el.y, el.size, el.size);
    default:
      return box(el.x, el.y, el.w, el.h);
  }
}

/**
 * Lays out one filled form on one A4 page. `ward`, the ward the application was sent to, goes
 * into the QR (format 2) so the clerk's look-up asks that ward only. Throws TextOverflowError or
 * FormLayoutError.
 */
export function layoutForm(template: FormTemplate, form: FilledForm, receiptNumber: string, fonts: DocumentFonts, ward?: WardId): FormLayout {
  const ctx: Ctx = { fonts, template, fields: new Map(template.fields.map((f) => [f.id, f])), values: form.values, receiptNumber, ...(ward ? { ward } : {}) };
  const placements: Placement[] = template.layout.elements.map((el, index) => ({
    index,
    kind: el.kind,
    box: placementBox(el),
    ops: elementOps(ctx, el),
    ...('field' in el ? { field: el.field } : {}),
  }));
  const plan: DocumentPlan = {
    size: A4,
    pages: [{ ops: placements.flatMap((p) => p.ops) }],
    info: { title: template.title.ja, subject: `受付番号 ${receiptNumber}`, creator: 'Madoguchi kiosk' },
    // the QR text again, so a PDF sent by mail can be looked up without scanning (form:lookup)
    custom: { [FORM_QR_INFO_KEY]: formQrText(template.id, receiptNumber, ward) },
  };
  return { plan, placements };
}

/** The plan of one filled form on one A4 page. */
export function planForm(template: FormTemplate, form: FilledForm, receiptNumber: string, fonts: DocumentFonts, ward?: WardId): DocumentPlan {
  return layoutForm(template, form, receiptNumber, fonts, ward).plan;
}
