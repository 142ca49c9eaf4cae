import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Font } from 'fontkit';
import { documentFonts, FONT_SOURCES, loadFontsFrom, type DocumentFonts, type FontKey } from '../../../main/documents/fonts';
import { assertGlyphs, missingCharacters, MissingGlyphError } from '../../../main/documents/glyph-check';
import { variantGlyphId } from '../../../main/documents/variation-sequences';
import { paintPdf, type DocumentPlan } from '../../../main/documents/pdf-kit';
import { pdfText } from '../../support/pdf-text';
import { crop, differingPixels, inkedPixels, rasterisePage } from '../../support/pdf-raster';

const fonts = documentFonts();

/** Fictional names whose first kanji is an MJ variant IPAmj addresses through IVS (Moji_Joho). */
const IVS_NAMES = [
  { name: '葛\u{E0102}城　太郎', base: 0x845b, selector: 0xe0102 },
  { name: '辻\u{E0102}本　花子', base: 0x8fbb, selector: 0xe0102 },
  { name: '邉\u{E0110}見　一郎', base: 0x9089, selector: 0xe0110 },
  { name: '齋\u{E0103}木　次郎', base: 0x9f4b, selector: 0xe0103 },
] as const;

/** The font's own cmap format 14 records for a selector (read here, not through the code under test). */
function records(font: Font, selector: number): { defaults: [number, number][]; variants: Map<number, number> } {
  type Rec = {
    varSelector: number;
    defaultUVS?: { startUnicodeValue: number; additionalCount: number }[] | null;
    nonDefaultUVS?: { unicodeValue: number; glyphID: number }[] | null;
  };
  const recs = (font as unknown as { _cmapProcessor: { uvs: { varSelectors: { toArray(): Rec[] } } } })._cmapProcessor.uvs.varSelectors.toArray();
  const r = recs.find((x) => x.varSelector === selector)!;
  return {
    defaults: (r.defaultUVS ?? []).map((d) => [d.startUnicodeValue, d.startUnicodeValue + d.additionalCount]),
    variants: new Map((r.nonDefaultUVS ?? []).map((u) => [u.unicodeValue, u.glyphID])),
  };
}

function plan(lines: readonly { font: FontKey; text: string; x: number; y: number; size: number }[]): DocumentPlan {
  return {
    size: { width: 420, height: Math.max(...lines.map((l) => l.y + 1.5 * l.size)) + 20 },
    info: { title: 'IVS test' },
    pages: [{ ops: lines.map((l, i) => ({ kind: 'text' as const, font: l.font, size: l.size, x: l.x, y: l.y, text: l.text, field: `line[${i}]` })) }],
  };
}

/** The glyph ids pdfkit asks `font` for while painting (it lays text out through the font object it was given). */
async function paintRecordingGlyphs(p: DocumentPlan, f: DocumentFonts, key: FontKey): Promise<{ pdf: Buffer; drawn: number[] }> {
  const font = f[key];
  const layout = font.layout.bind(font);
  const drawn: number[] = [];
  font.layout = ((...args: Parameters<Font['layout']>) => {
    const run = layout(...args);
    drawn.push(...run.glyphs.map((g) => g.id));
    return run;
  }) as Font['layout'];
  try {
    return { pdf: await paintPdf(p, f, new Date(0)), drawn };
  } finally {
    font.layout = layout;
  }
}

describe('ideographic variation sequences', () => {
  test('IPAmj: each MJ sequence has its own glyph, and layout (what pdfkit draws) uses it', () => {
    for (const { name, base, selector } of IVS_NAMES) {
      const want = records(fonts.mincho, selector).variants.get(base);
      assert.ok(want !== undefined, `${base.toString(16)} ${selector.toString(16)} is a non-default record of IPAmj`);
      const baseGlyph = fonts.mincho.glyphForCodePoint(base).id;
      assert.notEqual(want, baseGlyph, 'a variant glyph of its own');
      assert.equal(variantGlyphId(fonts.mincho, base, selector), want);
      const glyphs = fonts.mincho.layout(name).glyphs;
      assert.equal(glyphs.length, Array.from(name).length - 1, 'the selector draws nothing of its own');
      assert.equal(glyphs[0]!.id, want);
      assert.deepEqual(missingCharacters(fonts.mincho, name), []);
    }
  });

  test('BIZ UDGothic (Adobe-Japan1): a selector with both default and non-default records draws each right', () => {
    const e0100 = records(fonts.gothic, 0xe0100);
    const e0101 = records(fonts.gothic, 0xe0101);
    // 葛+E0100 is a non-default record of a selector that ALSO has default ranges (fontkit's own lookup draws 葛 for it)
    assert.ok(e0100.defaults.length > 0 && e0100.variants.get(0x845b) !== undefined);
    const base = fonts.gothic.glyphForCodePoint(0x845b).id;
    assert.notEqual(e0100.variants.get(0x845b), base);
    assert.equal(fonts.gothic.layout('葛\u{E0100}').glyphs[0]!.id, e0100.variants.get(0x845b));
    // 葛+E0101 is a default record: the base character's own glyph, and the check accepts it
    assert.ok(e0101.defaults.some(([a, b]) => 0x845b >= a && 0x845b <= b) && !e0101.variants.has(0x845b));
    assert.equal(variantGlyphId(fonts.gothic, 0x845b, 0xe0101), base);
    assert.equal(fonts.gothic.layout('葛\u{E0101}').glyphs[0]!.id, base);
    assert.deepEqual(missingCharacters(fonts.gothic, '葛\u{E0100}城 葛\u{E0101}城'), []);
    // and neither list holds 葛+E0102 for this font
    assert.deepEqual(missingCharacters(fonts.gothic, '葛\u{E0102}'), [[0x845b, 0xe0102]]);
  });

  test('a sequence the font lacks is refused, named whole, without the name', () => {
    // IPAmj has no Adobe-Japan1 葛 (U+845B U+E0100): it must not print as plain 葛
    assert.equal(variantGlyphId(fonts.mincho, 0x845b, 0xe0100), undefined);
    const names = [
      { font: 'mincho' as const, text: IVS_NAMES[0].name, field: 'members[0].name' },
      { font: 'mincho' as const, text: '葛\u{E0100}城　太郎', field: 'members[1].name' },
    ];
    assert.throws(
      () => assertGlyphs(names, fonts),
      (err: unknown) => {
        assert.ok(err instanceof MissingGlyphError);
        assert.deepEqual(err.missing, [[0x845b, 0xe0100]]);
        assert.deepEqual(err.codePoints, [0x845b, 0xe0100]);
        assert.equal(err.field, 'members[1].name');
        assert.match(err.message, /missing glyph U\+845B U\+E0100 in font mincho for field members\[1\]\.name/);
        assert.ok(!/[葛城太郎]/u.test(err.message));
        return true;
      },
    );
  });

  test('the PDF draws the variant glyphs and its text gives every sequence back', async () => {
    const own = loadFontsFrom(FONT_SOURCES); // fresh glyph caches: the order below is the first use in this process
    const lines = [
      // 葛+E0103 is 葛's own glyph in IPAmj, drawn here BEFORE any plain 葛: its text must still be exact
      '葛\u{E0103}西　三郎',
      '葛西　四郎',
      ...IVS_NAMES.map((n) => n.name),
      '隆\u{FE00}',
      '\u{F9DC}', // CJK compatibility 隆: the same glyph as 隆+FE00
    ];
    const { pdf, drawn } = await paintRecordingGlyphs(plan(lines.map((text, i) => ({ font: 'mincho', text, x: 20, y: 20 + 40 * i, size: 20 }))), own, 'mincho');
    for (const { base, selector } of IVS_NAMES) {
      assert.ok(drawn.includes(variantGlyphId(own.mincho, base, selector)!), 'the variant glyph was drawn');
      // (葛 itself is on the page, in 葛西)
      if (base !== 0x845b) assert.ok(!drawn.includes(own.mincho.glyphForCodePoint(base).id), 'the base glyph was not drawn in its place');
    }
    // pdftotext -layout writes a drawn U+3000 as spaces: compare with any run of spaces as one
    const spaced = (l: string) => l.replace(/[\s\u3000]+/gu, ' ').trim();
    const text = pdfText(pdf)
      .split('\n')
      .map(spaced)
      .filter((l) => l.length > 0);
    assert.deepEqual(text, lines.map(spaced));
  });

  test('the same names on a page rasterise differently from their base characters', async () => {
    // per row: base, variant, variant again (the control: identical pixels), at whole-pixel positions
    const rows = IVS_NAMES.slice(0, 3).map(({ base, selector }) => [String.fromCodePoint(base), String.fromCodePoint(base, selector)]);
    const lines = rows.flatMap(([plain, variant], r) =>
      [plain!, variant!, variant!].map((text, c) => ({ font: 'mincho' as const, text, x: 20 + 130 * c, y: 20 + 70 * r, size: 48 })),
    );
    const pdf = await paintPdf(plan(lines), fonts, new Date(0));
    const dpi = 144;
    const px = dpi / 72;
    const page = rasterisePage(pdf, dpi);
    const cell = (r: number, c: number) => crop(page, (20 + 130 * c) * px, (20 + 70 * r) * px, 60 * px, 66 * px);
    for (let r = 0; r < rows.length; r++) {
      const [plain, variant, again] = [cell(r, 0), cell(r, 1), cell(r, 2)];
      assert.ok(inkedPixels(plain) > 200 && inkedPixels(variant) > 200, `row ${r}: both glyphs inked`);
      assert.equal(differingPixels(variant, again), 0, `row ${r}: the same glyph paints the same pixels`);
      const diff = differingPixels(plain, variant);
      assert.ok(diff > 100, `row ${r}: the variant differs from its base (${diff} pixels)`);
    }
  });
});
