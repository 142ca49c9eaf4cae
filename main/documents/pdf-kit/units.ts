/** Page units: PDF points, and millimetres for layouts written against paper measurements. */

/** Points per millimetre (72 pt per inch / 25.4 mm per inch). */
export const PT_PER_MM = 72 / 25.4;

/** Millimetres to points. */
export function mm(v: number): number {
  return v * PT_PER_MM;
}

/** ISO A4 portrait in points (595.28 x 841.89), as pdfkit's 'A4'. */
export const A4 = Object.freeze({ width: 595.28, height: 841.89 });

/** A rectangle in points, origin top-left. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
