/**
 * Text primitives: a single line, a line fitted into a box (shrinking), and wrapped text.
 *
 * Official data is never cut off: when text cannot fit even at the smallest allowed size over
 * the lines the box allows, a typed {@link TextOverflowError} stops the document.
 */
import type { DocumentFonts, FontKey } from '../fonts';
import { isVariationSelector } from '../variation-sequences';
import { lineHeight, textWidth } from './measure';
import type { Color, DrawOp, TextOp } from './plan';
import type { Box } from './units';

/** Text did not fit its box even at the minimum size. Carries the field, never the text. */
export class TextOverflowError extends Error {
  readonly code = 'text-overflow' as const;
  constructor(
    /** Field path of the text, e.g. `address`. */
    readonly field: string,
  ) {
    super(`text of field ${field} does not fit its box`);
    this.name = 'TextOverflowError';
  }
}

/** Common options of the text primitives. */
export interface TextStyle {
  font: FontKey;
  /** Preferred size in points. */
  size: number;
  /** Field path for glyph and overflow errors. */
  field: string;
  color?: Color;
  /** Letter spacing in points. */
  charSpacing?: number;
}

/** One line of text with its left edge at x and its top at y. */
export function textLine(text: string, x: number, y: number, style: TextStyle): TextOp {
  const op: TextOp = { kind: 'text', font: style.font, size: style.size, x, y, text, field: style.field };
  if (style.color) op.color = style.color;
  if (style.charSpacing) op.charSpacing = style.charSpacing;
  return op;
}

/**
 * The two ways a slip or receipt sets a line into its plan's `ops`: at x, or centred on a page
 * `pageWidth` wide. Each answers the y below the line.
 */
export function lineWriter(
  ops: DrawOp[],
  fonts: DocumentFonts,
  pageWidth: number,
): { line: (text: string, x: number, y: number, style: TextStyle) => number; centred: (text: string, y: number, style: TextStyle) => number } {
  const line = (text: string, x: number, y: number, style: TextStyle): number => {
    ops.push(textLine(text, x, y, style));
    return y + lineHeight(fonts, style.font, style.size);
  };
  const centred = (text: string, y: number, style: TextStyle): number =>
    line(text, (pageWidth - textWidth(fonts, style.font, text, style.size, style.charSpacing)) / 2, y, style);
  return { line, centred };
}

// Characters that must not start a line (JIS X 4051 line-start prohibition, the common subset).
const NO_LINE_START = new Set(Array.from('、。，．・：；？！ー）」』】〕〉》’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ)]},.'));

/** Breaks `text` into lines no wider than `width`, by code point, honouring basic kinsoku. */
export function wrapText(fonts: DocumentFonts, text: string, width: number, style: Pick<TextStyle, 'font' | 'size' | 'charSpacing'>): string[] {
  const chars = Array.from(text);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i]!;
    // keep an ideographic variation selector with its base character
    const next = chars[i + 1];
    if (next !== undefined && isVariationSelector(next.codePointAt(0)!)) {
      ch += next;
      i++;
    }
    const candidate = line + ch;
    if (line.length > 0 && textWidth(fonts, style.font, candidate, style.size, style.charSpacing) > width && !NO_LINE_START.has(ch)) {
      lines.push(line);
      line = ch;
    } else {
      line = candidate;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines.map((l) => l.trimEnd()).filter((l) => l.length > 0);
}

/** Options of {@link fitText}. */
export interface FitOptions extends TextStyle {
  /** Smallest size allowed before wrapping (default 70% of size). */
  minSize?: number;
  /**
   * Smallest size for the text on ONE line (default minSize): below it, wrapping at a larger
   * size is preferred to a single line too small to read.
   */
  lineMinSize?: number;
  /** Lines allowed at minSize (default 1: shrink only). */
  maxLines?: number;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle';
  /** Inner padding in points (default 2). */
  padding?: number;
}

/**
 * Sets `text` inside `box`: at `size` if it fits, else shrunk down to `minSize`, else wrapped
 * over up to `maxLines` lines at the largest size that fits. Throws {@link TextOverflowError}.
 */
export function fitText(fonts: DocumentFonts, text: string, box: Box, o: FitOptions): TextOp[] {
  const pad = o.padding ?? 2;
  const w = box.w - 2 * pad;
  const h = box.h - 2 * pad;
  const minSize = o.minSize ?? o.size * 0.7;
  const maxLines = o.maxLines ?? 1;
  const place = (lines: string[], size: number): TextOp[] => {
    const lh = lineHeight(fonts, o.font, size) * 1.15;
    const blockH = lineHeight(fonts, o.font, size) + lh * (lines.length - 1);
    const top = box.y + pad + ((o.valign ?? 'middle') === 'middle' ? (h - blockH) / 2 : 0);
    return lines.map((line, i) => {
      const lw = textWidth(fonts, o.font, line, size, o.charSpacing);
      const x = o.align === 'center' ? box.x + (box.w - lw) / 2 : o.align === 'right' ? box.x + box.w - pad - lw : box.x + pad;
      return textLine(line, x, top + i * lh, { ...o, size });
    });
  };
  // One line: width grows linearly with size, so the fitting size is computed, not searched.
  const unit = textWidth(fonts, o.font, text, 1, 0);
  const spacing = textWidth(fonts, o.font, text, 0, o.charSpacing ?? 0);
  const oneLine = Math.min(o.size, unit > 0 ? (w - spacing) / unit : o.size, h / lineHeight(fonts, o.font, 1));
  if (oneLine >= Math.max(minSize, o.lineMinSize ?? minSize) - 1e-6) return place([text], Math.floor(oneLine * 100) / 100);
  for (let size = o.size; size >= minSize - 1e-6 && maxLines > 1; size -= 0.25) {
    const lines = wrapText(fonts, text, w, { font: o.font, size, charSpacing: o.charSpacing });
    if (lines.length === 0 || lines.length > maxLines) continue;
    // kinsoku keeps a character such as ー or ッ on the line before, which may then be too wide
    if (lines.some((l) => textWidth(fonts, o.font, l, size, o.charSpacing) > w + 1e-6)) continue;
    const lh = lineHeight(fonts, o.font, size) * 1.15;
    if (lineHeight(fonts, o.font, size) + lh * (lines.length - 1) > h + 1e-6) continue;
    return place(lines, size);
  }
  if (oneLine >= minSize - 1e-6) return place([text], Math.floor(oneLine * 100) / 100);
  throw new TextOverflowError(o.field);
}
