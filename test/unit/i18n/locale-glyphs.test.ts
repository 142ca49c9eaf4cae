/**
 * Every string of every language can be drawn by that language's bundled fonts, regular and bold:
 * no tofu box on a kiosk whose visitor cannot ask anyone what it said. The fonts are read from
 * node_modules (@fontsource packages), the same files the renderer bundles.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { formatCodePoint } from '../../../main/documents/glyph-check';
import { BUNDLED_FONTS, FONT_STACKS, type BundledFont } from '../../../renderer/i18n/font-stacks';
import { LANGUAGE_NAMES } from '../../../renderer/i18n/languages';
import { FontCoverage, undrawable } from './font-coverage';
import { LANGUAGES, readLanguage } from './locale-strings';

const coverage = new FontCoverage();
const WEIGHTS = [400, 700];

/** Strings the screen shows with their {{variables}} taken out (those are checked where filled). */
function shownText(text: string): string {
  return text.replace(/\{\{[^}]*\}\}/g, '');
}

describe('every string of every language has a glyph in its bundled fonts', () => {
  for (const language of LANGUAGES) {
    test(`${language}: ${FONT_STACKS[language].join(', ')}`, () => {
      const problems: string[] = [];
      const strings = [...readLanguage(language), ['language name', LANGUAGE_NAMES[language]] as const];
      for (const weight of WEIGHTS) {
        for (const [key, text] of strings) {
          const missing = undrawable(coverage, FONT_STACKS[language], weight, shownText(text));
          if (missing.length > 0) problems.push(`${key} (${weight}): ${missing.map(formatCodePoint).join(' ')}`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }

  test('a character no bundled font has is found, and so is a script missing from a stack', () => {
    const all = Object.keys(BUNDLED_FONTS) as BundledFont[];
    assert.deepEqual(undrawable(coverage, all, 400, 'はい\u{10FFFD}'), [0x10fffd]);
    assert.deepEqual(undrawable(coverage, FONT_STACKS.ja, 400, '한국어'), [0xd55c, 0xad6d, 0xc5b4]);
    assert.deepEqual(undrawable(coverage, FONT_STACKS.ko, 400, '한국어\n'), []);
  });
});

describe('the stylesheet draws each language with the stack the check uses', () => {
  const css = readFileSync(join(import.meta.dirname, '../../../renderer/styles/fonts.css'), 'utf8');
  const byFamily = new Map<string, BundledFont>(Object.entries(BUNDLED_FONTS).map(([key, f]) => [f.family, key as BundledFont]));

  test('every language has a :lang rule with the same fonts in the same order', () => {
    const stacks = new Map<string, BundledFont[]>();
    for (const m of css.matchAll(/\/\* font-stack ([^*]+) \*\/[^{]*\{\s*font-family:([^;]+);/g)) {
      const families = m[2]!
        .split(',')
        .map((f) => f.trim().replace(/^'|'$/g, ''))
        .filter((f) => f !== 'sans-serif');
      for (const language of m[1]!.trim().split(/\s+/))
        stacks.set(
          language,
          families.map((f) => byFamily.get(f)!),
        );
    }
    for (const language of LANGUAGES) assert.deepEqual(stacks.get(language), [...FONT_STACKS[language]], language);
  });

  test('every bundled font is imported in both weights', () => {
    for (const { npm } of Object.values(BUNDLED_FONTS)) {
      for (const weight of WEIGHTS) assert.ok(css.includes(`@import '${npm}/${weight}.css';`), `${npm} ${weight}`);
    }
  });
});
