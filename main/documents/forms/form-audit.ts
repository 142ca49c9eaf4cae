/**
 * Checks a laid-out form the way a ward clerk looks at it, before it is printed: every text
 * inside its own box, no text over another text, a ruled line or the QR, citizen data no
 * smaller than the legibility floors, everything inside the printable area of an A4 sheet,
 * and the receipt number, its QR and the citizen's signature box present.
 *
 * Pure geometry over the plan (points, origin top-left), with the same font metrics pdfkit uses.
 */
import type { DocumentFonts } from '../fonts';
import { lineHeight, textWidth } from '../pdf-kit/measure';
import type { DrawOp, TextOp } from '../pdf-kit/plan';
import { A4, mm, type Box } from '../pdf-kit/units';
import { DATA_FLOOR, FURIGANA_FLOOR, type FormLayout, type Placement } from './form-plan';

/** Smallest margin printers guarantee to print in (mm). */
export const PRINTABLE_MARGIN_MM = 5;

/** One thing a clerk would reject. Names elements and fields, never values. */
export interface FormAuditIssue {
  /** What is wrong. */
  readonly code:
    | 'not-a4'
    | 'not-one-page'
    | 'outside-printable-area'
    | 'text-outside-box'
    | 'text-overlap'
    | 'text-crosses-rule'
    | 'text-too-small'
    | 'missing-receipt'
    | 'missing-qr'
    | 'missing-signature';
  /** Layout element index (and field) concerned, for the template author. */
  readonly element?: number;
  readonly field?: string;
}

const EPS = 0.25; // points of tolerance: rounding, and a glyph touching its own cell is fine

/** The em box of a text op. */
export function textRect(fonts: DocumentFonts, op: TextOp): Box {
  return { x: op.x, y: op.y, w: textWidth(fonts, op.font, op.text, op.size, op.charSpacing), h: lineHeight(fonts, op.font, op.size) };
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - EPS && inner.y >= outer.y - EPS && inner.x + inner.w <= outer.x + outer.w + EPS && inner.y + inner.h <= outer.y + outer.h + EPS;
}

function intersects(a: Box, b: Box): boolean {
  return a.x + EPS < b.x + b.w && b.x + EPS < a.x + a.w && a.y + EPS < b.y + b.h && b.y + EPS < a.y + a.h;
}

type Segment = { x1: number; y1: number; x2: number; y2: number };

/** Ruled lines (rect edges and lines; all axis-aligned in forms) of a list of ops. */
function rules(ops: readonly DrawOp[]): Segment[] {
  const out: Segment[] = [];
  for (const op of ops) {
    if (op.kind === 'line') out.push(op);
    else if (op.kind === 'rect' && op.stroke) {
      const { x, y, w, h } = op;
      out.push(
        { x1: x, y1: y, x2: x + w, y2: y },
        { x1: x, y1: y + h, x2: x + w, y2: y + h },
        { x1: x, y1: y, x2: x, y2: y + h },
        { x1: x + w, y1: y, x2: x + w, y2: y + h },
      );
    }
  }
  return out;
}

function crosses(s: Segment, r: Box): boolean {
  const minX = Math.min(s.x1, s.x2);
  const maxX = Math.max(s.x1, s.x2);
  const minY = Math.min(s.y1, s.y2);
  const maxY = Math.max(s.y1, s.y2);
  // an axis-aligned segment crosses the rectangle's interior (shrunk by EPS)
  return maxX > r.x + EPS && minX < r.x + r.w - EPS && maxY > r.y + EPS && minY < r.y + r.h - EPS;
}

function texts(p: Placement): TextOp[] {
  return p.ops.filter((o): o is TextOp => o.kind === 'text');
}

/** Every issue of a laid-out form (empty: a clerk would accept the sheet). */
export function auditForm(layout: FormLayout, fonts: DocumentFonts, receiptNumber: string): FormAuditIssue[] {
  const issues: FormAuditIssue[] = [];
  const { plan, placements } = layout;
  if (Math.abs(plan.size.width - A4.width) > 0.01 || Math.abs(plan.size.height - A4.height) > 0.01) issues.push({ code: 'not-a4' });
  // a form is one sheet the citizen signs; several pages would need "page x of y" and a signature on each
  if (plan.pages.length !== 1) issues.push({ code: 'not-one-page' });
  const m = mm(PRINTABLE_MARGIN_MM);
  const printable: Box = { x: m, y: m, w: A4.width - 2 * m, h: A4.height - 2 * m };
  const allRules = placements.map((p) => rules(p.ops));
  const qrBoxes = placements.filter((p) => p.kind === 'qr' && p.box).map((p) => p.box!);
  const placed = placements.flatMap((p) => texts(p).map((op) => ({ p, op, r: textRect(fonts, op) })));

  for (const p of placements) {
    const at = { element: p.index, ...(p.field ? { field: p.field } : {}) };
    if (p.box && !inside(p.box, printable)) issues.push({ code: 'outside-printable-area', ...at });
    for (const op of texts(p)) {
      const r = textRect(fonts, op);
      if (!inside(r, printable)) issues.push({ code: 'outside-printable-area', ...at });
      if (p.box && !inside(r, p.box)) issues.push({ code: 'text-outside-box', ...at });
      const data = !op.field.startsWith('label.') && op.field !== 'receiptNumber';
      const floor = p.kind === 'furigana' ? FURIGANA_FLOOR : DATA_FLOOR;
      if (data && op.size < floor - 1e-6) issues.push({ code: 'text-too-small', ...at });
      if (allRules.some((segs) => segs.some((s) => crosses(s, r))) || qrBoxes.some((q) => intersects(q, r))) {
        issues.push({ code: 'text-crosses-rule', ...at });
      }
    }
  }
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i]!;
      const b = placed[j]!;
      if (intersects(a.r, b.r)) issues.push({ code: 'text-overlap', element: a.p.index, ...(b.p.field ? { field: b.p.field } : {}) });
    }
  }
  const receipt = placements.find((p) => p.kind === 'receipt');
  if (!receipt || !texts(receipt).some((t) => t.text === receiptNumber)) issues.push({ code: 'missing-receipt' });
  if (!placements.some((p) => p.kind === 'qr' && p.ops.some((o) => o.kind === 'path'))) issues.push({ code: 'missing-qr' });
  const signs = placements.filter((p) => p.kind === 'signature' && texts(p).some((t) => t.text.includes('署名')));
  if (!signs.some((p) => p.box && p.box.w >= mm(60) && p.box.h >= mm(15))) issues.push({ code: 'missing-signature' });
  return issues;
}
