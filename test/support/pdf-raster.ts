/**
 * A PDF page as poppler's `pdftoppm` paints it, in 8-bit grey, for tests that compare what a
 * printed document looks like (a variant glyph against its base character). The PDF goes through
 * a temp dir that is always removed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A grey image: one byte a pixel (0 black, 255 white), rows top to bottom. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Rasterises page `page` (1-based) of `pdf` at `dpi`. */
export function rasterisePage(pdf: Uint8Array, dpi: number, page = 1): GreyImage {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-pdf-raster-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, 'page')]);
    return parsePgm(readFileSync(join(dir, 'page.pgm')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Parses a binary PGM (P5, maxval 255), as pdftoppm -gray writes it. */
function parsePgm(data: Buffer): GreyImage {
  // header: "P5", width, height, maxval, separated by whitespace, then one whitespace byte
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[at]!))) at++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(data[at]!))) token += String.fromCharCode(data[at++]!);
    fields.push(token);
  }
  const [magic, w, h, max] = fields;
  if (magic !== 'P5' || max !== '255') throw new Error(`not an 8-bit binary PGM (${magic}, ${max})`);
  const width = Number(w);
  const height = Number(h);
  const pixels = new Uint8Array(data.subarray(at + 1, at + 1 + width * height));
  if (pixels.length !== width * height) throw new Error('PGM shorter than its header says');
  return { width, height, pixels };
}

/** The pixels of a rectangle (in pixels) of `image`. */
export function crop(image: GreyImage, x: number, y: number, width: number, height: number): GreyImage {
  const pixels = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    const from = (y + row) * image.width + x;
    pixels.set(image.pixels.subarray(from, from + width), row * width);
  }
  return { width, height, pixels };
}

/** How many pixels of two same-sized images differ by more than `tolerance` grey levels. */
export function differingPixels(a: GreyImage, b: GreyImage, tolerance = 32): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images of different sizes');
  let n = 0;
  for (let i = 0; i < a.pixels.length; i++) if (Math.abs(a.pixels[i]! - b.pixels[i]!) > tolerance) n++;
  return n;
}

/** How many pixels are inked (darker than mid grey). */
export function inkedPixels(image: GreyImage): number {
  let n = 0;
  for (const p of image.pixels) if (p < 128) n++;
  return n;
}
