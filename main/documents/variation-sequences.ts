/**
 * Ideographic variation sequences (IVS, base + U+E0100..E01EF) and standardized variation
 * sequences (base + U+FE00..FE0F): which glyph a font draws for a sequence, read from its cmap
 * format 14 subtable, and the shaping that makes fontkit (and so pdfkit) draw that glyph.
 *
 * Resident records address the MJ variants of a name's kanji (葛, 辻, 邉...) through IVS, and a
 * different glyph is a different registered character. fontkit's own lookup is wrong for a
 * selector that has both a default and a non-default table (it consults the non-default table
 * only when the base is ALSO in the default ranges), so BIZ UDGothic drew the base glyph for
 * 葛+U+E0101 without a word. The glyph check and the drawing both use {@link variantGlyphId}: what
 * the check accepts is exactly what is drawn.
 */
import type { Font, Glyph } from 'fontkit';

/** True for U+FE00..FE0F and U+E0100..E01EF. */
export function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/** True when `text` holds any variation selector. */
export function hasVariationSelector(text: string): boolean {
  return /[\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/u.test(text);
}

/** fontkit's parsed cmap format 14 record of one selector (not part of its public types). */
interface UvsSelectorRecord {
  varSelector: number;
  defaultUVS?: { startUnicodeValue: number; additionalCount: number }[] | null;
  nonDefaultUVS?: { unicodeValue: number; glyphID: number }[] | null;
}

interface SelectorTable {
  /** Default UVS ranges as [first, last]: the sequence draws the base character's own glyph. */
  defaults: [number, number][];
  /** Non-default UVS: base code point → the variant's glyph id. */
  variants: Map<number, number>;
}

function selectorRecords(font: Font): UvsSelectorRecord[] {
  const proc = (font as unknown as { _cmapProcessor?: { uvs?: { varSelectors?: { toArray(): UvsSelectorRecord[] } } | null } })._cmapProcessor;
  return proc?.uvs?.varSelectors?.toArray() ?? [];
}

const tables = new WeakMap<Font, Map<number, SelectorTable>>();

function selectorTables(font: Font): Map<number, SelectorTable> {
  let bySelector = tables.get(font);
  if (!bySelector) {
    bySelector = new Map();
    for (const r of selectorRecords(font)) {
      bySelector.set(r.varSelector, {
        defaults: (r.defaultUVS ?? []).map((d) => [d.startUnicodeValue, d.startUnicodeValue + d.additionalCount]),
        variants: new Map((r.nonDefaultUVS ?? []).map((u) => [u.unicodeValue, u.glyphID])),
      });
    }
    tables.set(font, bySelector);
  }
  return bySelector;
}

/**
 * The glyph id `font` maps the sequence base + selector to, or undefined when the font does not
 * list the sequence (then no glyph may stand in for it). A non-default record names its glyph; a
 * default record means the base character's own glyph, which the font must have.
 */
export function variantGlyphId(font: Font, base: number, selector: number): number | undefined {
  const table = selectorTables(font).get(selector);
  if (!table) return undefined;
  const variant = table.variants.get(base);
  if (variant !== undefined && variant !== 0) return variant;
  if (!table.defaults.some(([first, last]) => base >= first && base <= last)) return undefined;
  return font.hasGlyphForCodePoint(base) ? font.glyphForCodePoint(base).id : undefined;
}

/**
 * The glyph object for a variant. fontkit caches one glyph object per id, with the code points
 * it was first asked for, and pdfkit writes those into the PDF's ToUnicode map. A variant glyph
 * that a plain code point also maps to (葛+U+E0103 in IPAmj is 葛's own glyph; 隆+U+FE00 is
 * U+F9DC's) is therefore created through that code point, so plain text keeps extracting as
 * itself (the cache is process-wide: one citizen's 葛+U+E0103 must not turn the next citizen's
 * plain 葛 into a variant in the text layer); paint-pdf.ts gives variant runs their exact text
 * as ActualText.
 */
function variantGlyph(font: Font, gid: number, base: number, selector: number): Glyph {
  const own = font.glyphForCodePoint(base);
  if (own.id === gid) return own;
  // fontkit caches this scan per glyph id (a few ms, once per variant and process)
  const proc = (font as unknown as { _cmapProcessor: { codePointsForGlyph(gid: number): number[] } })._cmapProcessor;
  const plain = proc.codePointsForGlyph(gid);
  if (plain.length > 0) return font.glyphForCodePoint(plain[0]!);
  return font.getGlyph(gid, [base, selector]);
}

/**
 * One glyph per character of `text`, a base + selector pair being one character: the variant
 * glyph when the font maps the sequence, else the base glyph (the glyph check has refused such
 * text before anything is drawn). A selector with no base draws nothing, as in fontkit.
 */
export function glyphsForText(font: Font, text: string): Glyph[] {
  const cps = Array.from(text, (ch) => ch.codePointAt(0)!);
  const glyphs: Glyph[] = [];
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    if (isVariationSelector(cp)) continue;
    const next = cps[i + 1];
    if (next !== undefined && isVariationSelector(next)) {
      i++;
      const gid = variantGlyphId(font, cp, next);
      if (gid !== undefined) {
        glyphs.push(variantGlyph(font, gid, cp, next));
        continue;
      }
    }
    glyphs.push(font.glyphForCodePoint(cp));
  }
  return glyphs;
}

/**
 * Makes `font.layout` (used by measure.ts and by pdfkit to draw) map characters with
 * {@link glyphsForText}: fontkit's layout engine asks the font for `glyphsForString`, so the
 * instance's own method replaces fontkit's. Done once, when the font is loaded.
 */
export function shapeVariationSequences(font: Font): Font {
  font.glyphsForString = (text: string) => glyphsForText(font, text);
  return font;
}
