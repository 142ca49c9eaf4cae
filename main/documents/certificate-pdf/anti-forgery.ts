/**
 * Anti-forgery printing, all as fine vector art (no images, so it prints at full printer
 * resolution and cannot be lifted as a bitmap):
 *
 * - Latent 「複写」 (copy-void pantograph): the whole sheet carries a pale tint of hair-lines
 *   (0.22 pt, every 1.2 pt). Inside the outline of 「複写」 the same tint is made of heavier
 *   lines (0.75 pt, every 4.6 pt). Both average ~16-18% coverage, so on the original the word
 *   hardly shows; a copier drops the hair-lines but keeps the heavy ones, and 「複写」 appears.
 * - Guilloche band: interlaced sine waves in a border band, hard to redraw exactly.
 * - Microtext: 「KITAKYUSHU CITY」 repeated at 1.1 pt along the inner border; a copy or scan
 *   turns it into a grey line.
 */
import type { DocumentFonts } from '../fonts';
import type { Color, DrawOp } from '../pdf-kit/plan';
import { textWidth } from '../pdf-kit/measure';
import type { Box } from '../pdf-kit/units';

const TINT: Color = '#a9cbb8';
const GUILLOCHE: Color = '#7fb09a';

function n(v: number): string {
  return (Math.round(v * 100) / 100).toString();
}

/** Lines at 45° covering `box`, `spacing` apart (measured perpendicular to the lines). */
function diagonalHatch(box: Box, spacing: number): string {
  const step = spacing * Math.SQRT2; // horizontal distance between 45° lines
  const parts: string[] = [];
  for (let c = box.x - box.h; c < box.x + box.w; c += step) {
    // line from (c, bottom) going up-right to (c + h, top), clipped to the box
    let x1 = c,
      y1 = box.y + box.h,
      x2 = c + box.h,
      y2 = box.y;
    if (x1 < box.x) {
      y1 -= box.x - x1;
      x1 = box.x;
    }
    if (x2 > box.x + box.w) {
      y2 += x2 - (box.x + box.w);
      x2 = box.x + box.w;
    }
    if (x2 <= x1) continue;
    parts.push(`M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}`);
  }
  return parts.join('');
}

/** SVG path of 「複写」 outlines set at `size` with the top-left of its em box at (x, y). */
function latentWordPath(fonts: DocumentFonts, x: number, y: number, size: number): string {
  const font = fonts.gothicBold;
  const run = font.layout('複写');
  const s = size / font.unitsPerEm;
  const baseline = y + (font.ascent / font.unitsPerEm) * size;
  let pen = x;
  const parts: string[] = [];
  run.glyphs.forEach((g, i) => {
    parts.push(g.path.transform(s, 0, 0, -s, pen, baseline).toSVG());
    pen += (run.positions[i]?.xAdvance ?? g.advanceWidth) * s;
  });
  return parts.join('');
}

/** The copy-void background for `area` (the printable area inside the border). */
export function latentCopyPattern(fonts: DocumentFonts, area: Box): DrawOp[] {
  const wordSize = Math.min(area.w / 2.6, 150);
  const wordW = wordSize * 2;
  const words: string[] = [];
  // three words down the page, alternating left and right, so any part of a copy shows one
  for (let i = 0; i < 3; i++) {
    const wx = area.x + (i % 2 === 0 ? area.w * 0.12 : area.w * 0.88 - wordW);
    const wy = area.y + area.h * (0.08 + i * 0.31);
    words.push(latentWordPath(fonts, wx, wy, wordSize));
  }
  const wordsPath = words.join('');
  const rectPath = `M${n(area.x)} ${n(area.y)}H${n(area.x + area.w)}V${n(area.y + area.h)}H${n(area.x)}Z`;
  return [
    {
      kind: 'group',
      clip: { d: rectPath + wordsPath, rule: 'even-odd' },
      ops: [{ kind: 'path', d: diagonalHatch(area, 1.2), stroke: { width: 0.22, color: TINT } }],
    },
    {
      kind: 'group',
      clip: { d: wordsPath, rule: 'nonzero' },
      ops: [{ kind: 'path', d: diagonalHatch(area, 4.6), stroke: { width: 0.75, color: TINT } }],
    },
  ];
}

/** Interlaced sine waves filling a horizontal band (top/bottom border). */
function waveBand(box: Box, strands: number): string {
  const parts: string[] = [];
  const wavelength = 9;
  for (let k = 0; k < strands; k++) {
    const phase = (k / strands) * Math.PI * 2;
    const amp = box.h / 2 - 0.5;
    const mid = box.y + box.h / 2;
    const pts: string[] = [];
    for (let x = box.x; x <= box.x + box.w + 0.01; x += 1.5) {
      const y = mid + amp * Math.sin(((x - box.x) / wavelength) * Math.PI * 2 + phase) * Math.cos(((x - box.x) / (wavelength * 7)) * Math.PI + phase / 3);
      pts.push(`${n(x)} ${n(y)}`);
    }
    parts.push(`M${pts.join('L')}`);
  }
  return parts.join('');
}

/** Guilloche border bands and the ruled frame around `frame`; `band` is the band height. */
export function guillocheFrame(frame: Box, band: number): DrawOp[] {
  const top: Box = { x: frame.x, y: frame.y, w: frame.w, h: band };
  const bottom: Box = { x: frame.x, y: frame.y + frame.h - band, w: frame.w, h: band };
  return [
    { kind: 'path', d: waveBand(top, 6) + waveBand(bottom, 6), stroke: { width: 0.3, color: GUILLOCHE } },
    { kind: 'rect', x: frame.x, y: frame.y, w: frame.w, h: frame.h, stroke: { width: 0.8, color: GUILLOCHE } },
    { kind: 'rect', x: frame.x + 1.6, y: frame.y + band, w: frame.w - 3.2, h: frame.h - 2 * band, stroke: { width: 0.3, color: GUILLOCHE } },
  ];
}

/** A line of microtext exactly `width` long (repeated phrase) with its top at (x, y). */
export function microtextLine(fonts: DocumentFonts, x: number, y: number, width: number, field: string): DrawOp {
  const size = 1.1;
  const unit = 'KITAKYUSHU CITY \u30FB ';
  const per = textWidth(fonts, 'gothic', unit, size);
  const repeat = Math.max(1, Math.floor(width / per));
  return { kind: 'text', font: 'gothic', size, x, y, text: unit.repeat(repeat).trimEnd(), field, color: '#3d6b57' };
}
