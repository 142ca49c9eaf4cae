import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { documentFonts, FontUnavailableError, loadFontsFrom, FONT_SOURCES } from '../../../main/documents/fonts';
import { assertGlyphs, missingCharacters, missingGlyphFacts, MissingGlyphError } from '../../../main/documents/glyph-check';

const fonts = documentFonts();

describe('glyph check', () => {
  test('names with 𠮷 (outside the BMP), 髙 and 﨑 pass in IPAmj Mincho', () => {
    assert.deepEqual(missingCharacters(fonts.mincho, '𠮷田 髙﨑 太郎'), []);
  });
  test('a code point no font has is reported once, by code point', () => {
    assert.deepEqual(missingCharacters(fonts.mincho, '山\u{10FFFD}田\u{10FFFD}'), [[0x10fffd]]);
    assert.deepEqual(missingCharacters(fonts.gothic, 'A\u{10FFFD}'), [[0x10fffd]]);
  });
  test('iterates by code point: a missing astral character is one code point, not two halves', () => {
    // BIZ UDGothic has no 𠮷 (it is not in JIS X 0213)
    assert.deepEqual(missingCharacters(fonts.gothic, '𠮷田'), [[0x20bb7]]);
  });
  test('ideographic variation sequences pass only when the font registers them, and are named whole', () => {
    assert.deepEqual(missingCharacters(fonts.mincho, '葛\u{E0102}田'), []); // registered in IPAmj (MJ variant)
    // Adobe-Japan1's 葛 (E0100) is not in IPAmj: no silent fallback to the base glyph
    assert.deepEqual(missingCharacters(fonts.mincho, '葛\u{E0100}'), [[0x845b, 0xe0100]]);
    assert.deepEqual(missingCharacters(fonts.mincho, '葛\u{E01EF}城葛\u{E01EF}'), [[0x845b, 0xe01ef]]);
    assert.deepEqual(missingCharacters(fonts.mincho, '\u{E0100}'), [[0xe0100]]); // selector alone
    assert.deepEqual(missingCharacters(fonts.mincho, '\u{10FFFD}\u{E0100}'), [[0x10fffd]]); // the base itself is missing
  });
  test('assertGlyphs checks every string and names fields, never text', () => {
    const err = (() => {
      try {
        assertGlyphs(
          [
            { font: 'mincho', text: '𠮷田 太郎', field: 'members[0].name' },
            { font: 'mincho', text: '佐藤\u{10FFFD}', field: 'members[1].name' },
            { font: 'gothic', text: '𠮷', field: 'label.x' },
          ],
          fonts,
        );
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.ok(err instanceof MissingGlyphError);
    assert.equal(err.field, 'members[1].name');
    assert.deepEqual(err.codePoints, [0x10fffd]);
    assert.deepEqual(err.fields, ['members[1].name', 'label.x']);
    assert.ok(!err.message.includes('佐藤'));
    assert.match(err.message, /U\+10FFFD/);
    assert.doesNotThrow(() => assertGlyphs([{ font: 'mincho', text: '髙﨑', field: 'x' }], fonts));
  });
  test('what a log may say: fields, a count and the selectors, never the text nor a character of it', () => {
    const err = new MissingGlyphError([[0x845b, 0xe0100], [0x10fffd]], 'members[1].name', 'mincho', ['members[1].name', 'address']);
    assert.deepEqual(missingGlyphFacts(err), { fields: ['members[1].name', 'address'], missingCount: 2, selectors: ['U+E0100'] });
    assert.ok(!JSON.stringify(missingGlyphFacts(err)).includes('845B'), 'no character of the name itself');
    assert.match(err.message, /^missing glyph U\+845B U\+E0100, U\+10FFFD in font mincho for field members\[1\]\.name$/);
    assert.deepEqual(missingGlyphFacts(new Error('other')), {});
  });
  test('fonts load once; a missing font file names the Debian package', () => {
    assert.equal(documentFonts(), fonts);
    assert.throws(
      () => loadFontsFrom({ ...FONT_SOURCES, mincho: { file: '/nonexistent/ipamjm.ttf', debianPackage: 'fonts-ipamj-mincho' } }),
      (e: unknown) => e instanceof FontUnavailableError && e.debianPackage === 'fonts-ipamj-mincho' && /fonts-ipamj-mincho/.test(e.message),
    );
  });
});
