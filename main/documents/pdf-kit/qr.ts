/**
 * A QR code as one vector path (each dark module a square), so it prints razor-sharp at any
 * printer resolution and adds no image to the PDF.
 */
import QRCode from 'qrcode';
import type { PathOp } from './plan';

/** Error-correction level: M (15%) survives smudges and folds on paper at moderate size. */
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

/**
 * How the text is split into QR segments. `optimal` searches the mix of numeric, alphanumeric and
 * byte segments that gives the smallest code; `byte` skips that search (half the time) and suits
 * text such as base64url, which is lowercase and so mostly byte mode anyway.
 */
export type QrSegmentMode = 'optimal' | 'byte';

/** The QR for `text` as a filled path in a `size` x `size` point square at (x, y), quiet zone included. */
export function qrPath(
  text: string,
  x: number,
  y: number,
  size: number,
  level: QrErrorLevel = 'M',
  mode: QrSegmentMode = 'optimal',
): { op: PathOp; version: number } {
  const qr = QRCode.create(mode === 'byte' ? [{ data: Buffer.from(text, 'utf8'), mode: 'byte' }] : text, { errorCorrectionLevel: level });
  const n = qr.modules.size;
  const quiet = 4; // modules of white border the standard requires
  const cell = size / (n + 2 * quiet);
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      // merge runs of dark modules in a row into one rectangle: smaller PDF, same look
      let end = col;
      while (end + 1 < n && qr.modules.get(row, end + 1)) end++;
      const px = x + (col + quiet) * cell;
      const py = y + (row + quiet) * cell;
      const w = (end - col + 1) * cell;
      parts.push(`M${r(px)} ${r(py)}h${r(w)}v${r(cell)}h${r(-w)}z`);
      col = end + 1;
    }
  }
  return { op: { kind: 'path', d: parts.join(''), fill: '#000000' }, version: qr.version };
}

function r(v: number): string {
  return (Math.round(v * 1000) / 1000).toString();
}
