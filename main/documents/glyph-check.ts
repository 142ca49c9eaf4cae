/**
 * Glyph check: which characters of a string a font cannot draw.
 *
 * A certificate must never print a tofu box or a look-alike in place of a registered
 * character, so every string is checked before any page is drawn (see {@link assertGlyphs}).
 * Strings are walked by code point (U+20BB7 𠮷 is one character, two UTF-16 units), and an
 * ideographic variation sequence (base + U+E0100..E01EF, or + U+FE00..FE0F) passes only when
 * the font's cmap format 14 lists that exact sequence: falling back to the base glyph would
 * print a different registered character without anyone noticing.
 */
import type { Font } from 'fontkit';
import type { DocumentFonts, FontKey } from './fonts';

/** A string could not be set: nothing was printed. Carries code points only, no text. */
export class MissingGlyphError extends Error {
  readonly code = 'missing-glyph' as const;
  constructor(
    /** The code points (or sequence parts) the font lacks, e.g. [0x10FFFD]. */
    readonly codePoints: readonly number[],
    /** Which field of the document needed them, e.g. `members[1].name` (never its value). */
    readonly field: string,
    /** The font that lacked them. */
    readonly font: FontKey,
    /** Every failing field when more than one did. */
    readonly fields: readonly string[] = [field],
  ) {
    super(`missing glyph ${codePoints.map(formatCodePoint).join(' ')} in font ${font} for field ${field}`);
    this.name = 'MissingGlyphError';
  }
}

/** `U+20BB7` style. */
export function formatCodePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

// Code points that are layout-only and never need a glyph of their own.
function isLayoutOnly(cp: number): boolean {
  return cp === 0x200b; // zero-width space (an allowed break point)
}

interface UvsSelector {
  varSelector: number;
  defaultUVS?: { startUnicodeValue: number; additionalCount: number }[] | null;
  nonDefaultUVS?: { unicodeValue: number; glyphID: number }[] | null;
}

/** Reads fontkit's parsed cmap format 14 (not part of its public types). */
function uvsSelectors(font: Font): UvsSelector[] {
  const proc = (font as unknown as { _cmapProcessor?: { uvs?: { varSelectors?: { toArray(): UvsSelector[] } } } })._cmapProcessor;
  return proc?.uvs?.varSelectors?.toArray() ?? [];
}

const uvsCache = new WeakMap<Font, Map<number, UvsSelector>>();

/** True when `font` maps the exact sequence base + selector (default or non-default UVS). */
export function hasVariationSequence(font: Font, base: number, selector: number): boolean {
  let bySelector = uvsCache.get(font);
  if (!bySelector) {
    bySelector = new Map(uvsSelectors(font).map((s) => [s.varSelector, s]));
    uvsCache.set(font, bySelector);
  }
  const sel = bySelector.get(selector);
  if (!sel) return false;
  if (sel.nonDefaultUVS?.some((u) => u.unicodeValue === base)) return true;
  return (sel.defaultUVS ?? []).some((r) => base >= r.startUnicodeValue && base <= r.startUnicodeValue + r.additionalCount) && font.hasGlyphForCodePoint(base);
}

/** The code points in `text` that `font` cannot draw, in order of first appearance. */
export function missingCodePoints(font: Font, text: string): number[] {
  const cps = Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
  const missing: number[] = [];
  const add = (cp: number) => {
    if (!missing.includes(cp)) missing.push(cp);
  };
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    const next = cps[i + 1];
    if (next !== undefined && isVariationSelector(next) && !isVariationSelector(cp)) {
      if (!font.hasGlyphForCodePoint(cp)) add(cp);
      else if (!hasVariationSequence(font, cp, next)) add(next);
      i++;
      continue;
    }
    if (isVariationSelector(cp)) {
      add(cp);
      continue;
    } // a selector with nothing to select
    if (isLayoutOnly(cp)) continue;
    if (!font.hasGlyphForCodePoint(cp)) add(cp);
  }
  return missing;
}

/** One string that will be set: the font, the text, and the field it comes from. */
export interface TextToSet {
  /** Font role the text is set in. */
  font: FontKey;
  /** The exact string that will be drawn. */
  text: string;
  /** Field path for error reports, e.g. `members[0].name` or `label.title`. */
  field: string;
}

/** Throws {@link MissingGlyphError} when any string lacks a glyph; checks all before throwing. */
export function assertGlyphs(texts: Iterable<TextToSet>, fonts: DocumentFonts): void {
  let first: MissingGlyphError | undefined;
  const fields: string[] = [];
  for (const t of texts) {
    const missing = missingCodePoints(fonts[t.font], t.text);
    if (missing.length === 0) continue;
    fields.push(t.field);
    first ??= new MissingGlyphError(missing, t.field, t.font);
  }
  if (first) throw new MissingGlyphError(first.codePoints, first.field, first.font, fields);
}
