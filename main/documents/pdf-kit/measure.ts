/**
 * Text measurement with the same fontkit fonts (and shaping) pdfkit will use to draw, so a
 * layout knows widths before any page exists.
 */
import type { Font } from 'fontkit';
import type { DocumentFonts, FontKey } from '../fonts';
import { widthCache } from './shaped-text-cache';

/** A shaped run's advance (font units) and glyph count: all a width needs. */
interface RunMetrics {
  advance: number;
  glyphs: number;
}

function runMetrics(f: Font, text: string): RunMetrics {
  // Shaping is most of a layout's time and always gives the same run for the same font and text;
  // labels and names are measured again and again (fitting tries several sizes).
  const byText = widthCache(f) as Map<string, RunMetrics>;
  let m = byText.get(text);
  if (!m) {
    const run = f.layout(text);
    m = { advance: run.advanceWidth, glyphs: run.glyphs.length };
    byText.set(text, m);
  }
  return m;
}

/** Width in points of `text` set in `font` at `size`, plus `charSpacing` after each glyph but the last. */
export function textWidth(fonts: DocumentFonts, font: FontKey, text: string, size: number, charSpacing = 0): number {
  if (text.length === 0) return 0;
  const f = fonts[font];
  const run = runMetrics(f, text);
  return (run.advance / f.unitsPerEm) * size + charSpacing * Math.max(0, run.glyphs - 1);
}

/** Height of one line box (ascent to descent) in points for `font` at `size`. */
export function lineHeight(fonts: DocumentFonts, font: FontKey, size: number): number {
  const f = fonts[font];
  return ((f.ascent - f.descent) / f.unitsPerEm) * size;
}
