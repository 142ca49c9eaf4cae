/**
 * Ruled table rows of label and value cells, the grid every official certificate and form uses.
 * Labels are set in the UD gothic on a light tint; values in IPAmj Mincho, fitted to the cell.
 */
import type { DocumentFonts, FontKey } from '../fonts';
import type { Color, DrawOp } from './plan';
import { fitText } from './text';

/** One cell of a row. */
export interface Cell {
  /** Width in points. */
  w: number;
  /** The text; empty string draws an empty cell. */
  text: string;
  /** Field path for glyph/overflow errors (`label.*` for fixed labels). */
  field: string;
  /** `label`: tinted, gothic, centred. `value`: white, mincho, left. */
  role: 'label' | 'value';
  /** Preferred size (default 8 for labels, 10.5 for values). */
  size?: number;
  /** Lines allowed before the text is an overflow (default 1 for labels, 2 for values). */
  maxLines?: number;
  align?: 'left' | 'center' | 'right';
  /** Smallest size before the text counts as overflowing (default 6.5 labels, 7 values). */
  minSize?: number;
  /** Override the font role. */
  font?: FontKey;
}

/** Row styling shared by all cells. */
export interface RowStyle {
  /** Rule width in points (default 0.5). */
  rule?: number;
  /** Label tint (default a pale grey-green that prints light on any printer). */
  labelFill?: Color;
  /** Value background: white by default so the security pattern does not cross the data. */
  valueFill?: Color | 'none';
}

/** Draws one row of cells starting at (x, y) with height h; returns the ops. */
export function tableRow(fonts: DocumentFonts, x: number, y: number, h: number, cells: Cell[], style: RowStyle = {}): DrawOp[] {
  const ops: DrawOp[] = [];
  const rule = style.rule ?? 0.5;
  let cx = x;
  for (const c of cells) {
    const fill = c.role === 'label' ? (style.labelFill ?? '#e6ede9') : (style.valueFill ?? 'none');
    ops.push(
      fill === 'none' ? { kind: 'rect', x: cx, y, w: c.w, h, stroke: { width: rule } } : { kind: 'rect', x: cx, y, w: c.w, h, fill, stroke: { width: rule } },
    );
    if (c.text.length > 0) {
      const label = c.role === 'label';
      ops.push(
        ...fitText(
          fonts,
          c.text,
          { x: cx, y, w: c.w, h },
          {
            font: c.font ?? (label ? 'gothic' : 'mincho'),
            size: c.size ?? (label ? 8 : 10.5),
            minSize: c.minSize ?? (label ? 6.5 : 7),
            maxLines: c.maxLines ?? (label ? 2 : 2),
            align: c.align ?? (label ? 'center' : 'left'),
            field: c.field,
            padding: 3,
          },
        ),
      );
    }
    cx += c.w;
  }
  return ops;
}

/** Splits `total` width into parts proportional to `weights` (last part absorbs rounding). */
export function columns(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.round(((total * w) / sum) * 100) / 100);
  const diff = total - out.reduce((a, b) => a + b, 0);
  out[out.length - 1]! += diff;
  return out;
}
