/**
 * A document as data: pages of drawing operations in PDF points, origin top-left, y down.
 *
 * Layouts build a plan first and paint it afterwards, so that every string can be checked for
 * glyphs (and the page count known for "page x of y") before anything is drawn.
 */
import type { FontKey } from '../fonts';

/** A colour as `#rrggbb`. */
export type Color = `#${string}`;

/** Set one line of text; `y` is the top of the em box (as pdfkit places text). */
export interface TextOp {
  kind: 'text';
  /** Font role. */
  font: FontKey;
  /** Size in points. */
  size: number;
  /** Left edge in points. */
  x: number;
  /** Top of the line in points. */
  y: number;
  /** The exact string (one line, no control characters). */
  text: string;
  /** Field path for glyph errors, e.g. `members[0].name`; never the value. */
  field: string;
  /** Fill colour, default black. */
  color?: Color;
  /** Extra space after each character in points (title letter-spacing). */
  charSpacing?: number;
}

/** A straight line. */
export interface LineOp {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width in points. */
  width: number;
  color?: Color;
  /** Dash pattern [on, off] in points. */
  dash?: [number, number];
}

/** A rectangle, stroked and/or filled. */
export interface RectOp {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  stroke?: { width: number; color?: Color };
  fill?: Color;
}

/** An SVG-syntax path (absolute commands) stroked and/or filled. */
export interface PathOp {
  kind: 'path';
  d: string;
  stroke?: { width: number; color?: Color };
  fill?: Color;
  /** Fill rule, default nonzero. */
  rule?: 'nonzero' | 'even-odd';
}

/** A PNG or JPEG image scaled into a box. */
export interface ImageOp {
  kind: 'image';
  data: Buffer;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Operations drawn under a clip path and/or with reduced opacity. */
export interface GroupOp {
  kind: 'group';
  /** Clip to this SVG path; `even-odd` lets a rectangle minus a shape clip "outside". */
  clip?: { d: string; rule: 'nonzero' | 'even-odd' };
  /** 0..1, default 1. */
  opacity?: number;
  ops: DrawOp[];
}

/**
 * Vector art that is the same on every page of every document (a certificate's security
 * background): painted as one Form XObject per document, whose compressed content is built once
 * per process for this object (stamp.ts). Its ops must never change after the first paint, so
 * a stamp is made once and frozen; only lines, rects, paths and clip groups without opacity
 * (no text, no images: the form carries no resources).
 */
export interface StampOp {
  kind: 'stamp';
  ops: readonly DrawOp[];
}

export type DrawOp = TextOp | LineOp | RectOp | PathOp | ImageOp | GroupOp | StampOp;

/** One page of a plan. */
export interface PagePlan {
  ops: DrawOp[];
}

/** A whole document ready to paint. */
export interface DocumentPlan {
  /** Page size in points (all pages alike). */
  size: { width: number; height: number };
  pages: PagePlan[];
  /** PDF Info entries. Never personal data: the title names the document type only. */
  info: { title: string; subject?: string; author?: string; creator?: string };
  /** Extra PDF Info entries (ASCII keys, ASCII values), e.g. the seal payload. */
  custom?: Record<string, string>;
}

/** Every text op of a plan (descending into groups), for the glyph check. */
export function* textsOf(plan: DocumentPlan): Generator<TextOp> {
  function* walk(ops: readonly DrawOp[]): Generator<TextOp> {
    for (const op of ops) {
      if (op.kind === 'text') yield op;
      else if (op.kind === 'group' || op.kind === 'stamp') yield* walk(op.ops);
    }
  }
  for (const p of plan.pages) yield* walk(p.ops);
}
