/**
 * Glyph check: which characters of a string a font cannot draw.
 *
 * A certificate must never print a tofu box or a look-alike in place of a registered
 * character, so every string is checked before any page is drawn (see {@link assertGlyphs}).
 * Strings are walked by code point (U+20BB7 𠮷 is one character, two UTF-16 units), and an
 * ideographic variation sequence (base + U+E0100..E01EF, or + U+FE00..FE0F) passes only when
 * the font's cmap format 14 lists that exact sequence (variation-sequences.ts, the same lookup
 * the drawing uses): falling back to the base glyph would print a different registered
 * character without anyone noticing.
 */
import type { Font } from 'fontkit';
import type { DocumentFonts, FontKey } from './fonts';
import { isVariationSelector, variantGlyphId } from './variation-sequences';

/** One character a font cannot draw, as its code points: [0x10FFFD], or a sequence [0x845B, 0xE0100]. */
export type MissingCharacter = readonly number[];

/**
 * A string could not be set: nothing was printed. Carries code points only, never text: a
 * variation sequence is named whole ("U+845B U+E0100"), since the base alone prints fine and the
 * selector alone means nothing to the person at the counter.
 */
export class MissingGlyphError extends Error {
  readonly code = 'missing-glyph' as const;
  /** Every code point of {@link missing}, in order (e.g. [0x845B, 0xE0100]). */
  readonly codePoints: readonly number[];
  constructor(
    /** The characters (code points or whole variation sequences) the font lacks. */
    readonly missing: readonly MissingCharacter[],
    /** Which field of the document needed them, e.g. `members[1].name` (never its value). */
    readonly field: string,
    /** The font that lacked them. */
    readonly font: FontKey,
    /** Every failing field when more than one did. */
    readonly fields: readonly string[] = [field],
  ) {
    super(`missing glyph ${missing.map(formatCharacter).join(', ')} in font ${font} for field ${field}`);
    this.name = 'MissingGlyphError';
    this.codePoints = missing.flat();
  }
}

/** `U+20BB7` style. */
export function formatCodePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `U+845B U+E0100` style: a character's code points, for logs and staff (no text). */
export function formatCharacter(character: MissingCharacter): string {
  return character.map(formatCodePoint).join(' ');
}

/**
 * What a log may say about a refused document: the fields, how many characters failed, and the
 * variation selectors among them (`U+E0100`: which collection of variants the font lacks). Never
 * the text, and not the base characters either: a character of a name is part of the name. Staff
 * see the whole sequence on the refused certificate at the back end, by its serial.
 */
export function missingGlyphFacts(err: unknown): { fields?: readonly string[]; missingCount?: number; selectors?: string[] } {
  if (!(err instanceof MissingGlyphError)) return {};
  const selectors = [...new Set(err.missing.flatMap((c) => c.slice(1).map(formatCodePoint)))];
  return { fields: err.fields, missingCount: err.missing.length, selectors };
}

// Code points that are layout-only and never need a glyph of their own.
function isLayoutOnly(cp: number): boolean {
  return cp === 0x200b; // zero-width space (an allowed break point)
}

/** True when `font` maps the exact sequence base + selector (default or non-default UVS). */
export function hasVariationSequence(font: Font, base: number, selector: number): boolean {
  return variantGlyphId(font, base, selector) !== undefined;
}

/**
 * The characters in `text` that `font` cannot draw, in order of first appearance. A base
 * followed by a selector is one character: it passes only when the font lists that exact
 * sequence, since falling back to the base glyph would print a different registered character.
 */
export function missingCharacters(font: Font, text: string): MissingCharacter[] {
  const cps = Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
  const missing: MissingCharacter[] = [];
  const add = (character: MissingCharacter) => {
    if (!missing.some((m) => m.length === character.length && m.every((cp, k) => cp === character[k]))) missing.push(character);
  };
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    const next = cps[i + 1];
    if (isVariationSelector(cp)) {
      add([cp]); // a selector with nothing to select
      continue;
    }
    if (next !== undefined && isVariationSelector(next)) {
      i++;
      if (!font.hasGlyphForCodePoint(cp)) add([cp]);
      else if (!hasVariationSequence(font, cp, next)) add([cp, next]);
      continue;
    }
    if (isLayoutOnly(cp)) continue;
    if (!font.hasGlyphForCodePoint(cp)) add([cp]);
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
    const missing = missingCharacters(fonts[t.font], t.text);
    if (missing.length === 0) continue;
    fields.push(t.field);
    first ??= new MissingGlyphError(missing, t.field, t.font);
  }
  if (first) throw new MissingGlyphError(first.missing, first.field, first.font, fields);
}
