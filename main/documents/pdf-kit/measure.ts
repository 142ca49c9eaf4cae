/**
 * Text measurement with the same fontkit fonts (and shaping) pdfkit will use to draw, so a
 * layout knows widths before any page exists.
 */
import type { DocumentFonts, FontKey } from '../fonts';

/** Width in points of `text` set in `font` at `size`, plus `charSpacing` after each glyph but the last. */
export function textWidth(fonts: DocumentFonts, font: FontKey, text: string, size: number, charSpacing = 0): number {
  if (text.length === 0) return 0;
  const f = fonts[font];
  const run = f.layout(text);
  return (run.advanceWidth / f.unitsPerEm) * size + charSpacing * Math.max(0, run.glyphs.length - 1);
}

/** Height of one line box (ascent to descent) in points for `font` at `size`. */
export function lineHeight(fonts: DocumentFonts, font: FontKey, size: number): number {
  const f = fonts[font];
  return ((f.ascent - f.descent) / f.unitsPerEm) * size;
}
