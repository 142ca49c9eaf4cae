/**
 * Which code points the bundled fonts can draw, read the way the browser reads them: an
 * @fontsource face is split into files by `unicode-range`, so a character is drawn by a font
 * only when a file's range names it AND that file's cmap has a glyph for it. Only the files a
 * character needs are decoded (the CJK faces have over a hundred each).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { BUNDLED_FONTS, type BundledFont } from '../../../renderer/i18n/font-stacks';

type Face = { file: string; ranges: [number, number][]; font?: Font };

const require = createRequire(import.meta.url);

/** The package folder of an npm font (where the lead's `npm install` put it). */
export function packageDir(npm: string): string {
  return dirname(require.resolve(`${npm}/package.json`));
}

/** The faces of one @fontsource weight stylesheet: file and unicode-range of each. */
export function parseFaces(css: string, dir: string): Face[] {
  const faces: Face[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1];
    if (!file) continue;
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    const ranges: [number, number][] = range
      ? range.split(',').map((part) => {
          const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
          return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)];
        })
      : [[0, 0x10ffff]];
    faces.push({ file: join(dir, file), ranges });
  }
  return faces;
}

/** The code point coverage of the bundled fonts, per font and weight, loaded on demand. */
export class FontCoverage {
  private readonly faces = new Map<string, Face[]>();

  private facesOf(font: BundledFont, weight: number): Face[] {
    const key = `${font}/${weight}`;
    let faces = this.faces.get(key);
    if (!faces) {
      const dir = packageDir(BUNDLED_FONTS[font].npm);
      faces = parseFaces(readFileSync(join(dir, `${weight}.css`), 'utf8'), dir);
      this.faces.set(key, faces);
    }
    return faces;
  }

  /** True when `font` at `weight` draws `cp`. */
  draws(font: BundledFont, weight: number, cp: number): boolean {
    return this.facesOf(font, weight).some((face) => {
      if (!face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)) return false;
      face.font ??= fontkit.create(readFileSync(face.file)) as Font;
      return face.font.hasGlyphForCodePoint(cp);
    });
  }
}

// Line breaks and the zero-width space lay out text; they are never drawn.
const NOT_DRAWN = new Set([0x0a, 0x0d, 0x09, 0x200b]);

/** The code points of `text` no font of `stack` draws at `weight`, in order of first appearance. */
export function undrawable(coverage: FontCoverage, stack: readonly BundledFont[], weight: number, text: string): number[] {
  const missing: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (NOT_DRAWN.has(cp) || missing.includes(cp)) continue;
    if (!stack.some((font) => coverage.draws(font, weight, cp))) missing.push(cp);
  }
  return missing;
}
