/**
 * Paints a {@link DocumentPlan} with pdfkit. Fonts are the process-wide fontkit objects; pdfkit
 * embeds a subset of each with only the glyphs used. Images are decoded once per process
 * (prepared-image.ts) and stamps compiled once (stamp.ts): only what differs is painted anew.
 *
 * Callers check glyphs BEFORE calling this (see glyph-check.ts): painting itself never decides
 * whether a document may be printed.
 */
import PDFDocument from 'pdfkit';
import type { DocumentFonts, FontKey } from '../fonts';
import { hasVariationSelector } from '../variation-sequences';
import type { DocumentPlan, DrawOp, TextOp } from './plan';
import { imageFor, preparedImage, type PreparedImage } from './prepared-image';
import { shareLayouts } from './shared-layouts';
import { paintStamp } from './stamp';

const FONT_KEYS: FontKey[] = ['mincho', 'gothic', 'gothicBold'];

/** Thrown when a custom Info entry is not plain printable ASCII (it must survive as-is). */
export class PdfInfoError extends Error {
  readonly code = 'pdf-info-invalid' as const;
  constructor(readonly key: string) {
    super(`custom PDF info entry ${key} must be printable ASCII without parentheses or backslashes`);
    this.name = 'PdfInfoError';
  }
}

function paintText(doc: PDFKit.PDFDocument, op: TextOp): void {
  doc.font(op.font);
  shareLayouts(doc);
  doc
    .fontSize(op.size)
    .fillColor(op.color ?? '#000000')
    .text(op.text, op.x, op.y, { lineBreak: false, characterSpacing: op.charSpacing ?? 0 });
}

/**
 * Draws a run that carries its exact text as ActualText. A variant glyph may be shared with its
 * base character (葛+U+E0103 is 葛's own glyph in IPAmj) or with another sequence, and a PDF
 * maps each glyph to one text: the span gives copying and extraction the registered character,
 * selectors included.
 *
 * The span is opened just before pdfkit's BT and closed just after its ET, inside pdfkit's own
 * `q <flip> cm ... Q`: readers such as poppler place the ActualText with the matrix and font in
 * force at EMC, and outside that q/Q they are the page's (the text is then read upside down, at
 * zero size). pdfkit's content calls are watched for that one text object only.
 */
function paintWithActualText(doc: PDFKit.PDFDocument, actual: string, paint: () => void): void {
  const addContent = doc.addContent.bind(doc);
  let opened = 0;
  let closed = 0;
  doc.addContent = (data: string) => {
    if (data === 'BT' && opened++ === 0) doc.markContent('Span', { actual });
    addContent(data);
    if (data === 'ET' && closed++ === 0) doc.endMarkedContent();
    return doc;
  };
  try {
    paint();
  } finally {
    doc.addContent = addContent;
  }
  if (opened !== 1 || closed !== 1) throw new Error(`pdfkit drew ${opened} text objects for one run: cannot attach its ActualText`);
}

type Images = ReadonlyMap<Buffer, PreparedImage>;

function paintOps(doc: PDFKit.PDFDocument, ops: readonly DrawOp[], images: Images): void {
  for (const op of ops) {
    switch (op.kind) {
      case 'text':
        if (hasVariationSelector(op.text)) paintWithActualText(doc, op.text, () => paintText(doc, op));
        else paintText(doc, op);
        break;
      case 'line':
        doc
          .save()
          .lineWidth(op.width)
          .strokeColor(op.color ?? '#000000');
        if (op.dash) doc.dash(op.dash[0], { space: op.dash[1] });
        doc.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke().restore();
        break;
      case 'rect':
      case 'path': {
        doc.save();
        if (op.kind === 'rect') doc.rect(op.x, op.y, op.w, op.h);
        else doc.path(op.d);
        const rule = op.kind === 'path' && op.rule === 'even-odd' ? 'even-odd' : 'non-zero';
        if (op.fill && op.stroke) doc.lineWidth(op.stroke.width).fillAndStroke(op.fill, op.stroke.color ?? '#000000', rule);
        else if (op.fill) doc.fill(op.fill, rule);
        else if (op.stroke) doc.lineWidth(op.stroke.width).stroke(op.stroke.color ?? '#000000');
        doc.restore();
        break;
      }
      case 'image': {
        const prepared = images.get(op.data);
        if (!prepared) throw new Error('image not prepared');
        doc.image(imageFor(doc, prepared) as unknown as PDFKit.Mixins.ImageSrc, op.x, op.y, { width: op.w, height: op.h });
        break;
      }
      case 'group':
        doc.save();
        if (op.opacity !== undefined) doc.opacity(op.opacity);
        if (op.clip) doc.path(op.clip.d).clip(op.clip.rule === 'even-odd' ? 'even-odd' : 'non-zero');
        paintOps(doc, op.ops, images);
        doc.restore();
        break;
      case 'stamp':
        paintStamp(doc, op, (d, o) => paintOps(d, o, images));
        break;
    }
  }
}

function imagesOf(ops: readonly DrawOp[], out: Set<Buffer>): Set<Buffer> {
  for (const op of ops) {
    if (op.kind === 'image') out.add(op.data);
    else if (op.kind === 'group' || op.kind === 'stamp') imagesOf(op.ops, out);
  }
  return out;
}

/** Renders the plan to PDF bytes. `creationDate` fixes the Info date (default: now). */
export async function paintPdf(plan: DocumentPlan, fonts: DocumentFonts, creationDate: Date = new Date()): Promise<Buffer> {
  for (const [k, v] of Object.entries(plan.custom ?? {})) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/u.test(k) || !/^[\x20-\x7e]*$/u.test(v) || /[()\\]/u.test(v)) throw new PdfInfoError(k);
  }
  const images = new Map<Buffer, PreparedImage>();
  for (const data of imagesOf(
    plan.pages.flatMap((p) => p.ops),
    new Set(),
  ))
    images.set(data, await preparedImage(data));
  const doc = new PDFDocument({
    size: [plan.size.width, plan.size.height],
    margin: 0,
    autoFirstPage: false,
    bufferPages: false,
    pdfVersion: '1.7',
    info: {
      Title: plan.info.title,
      ...(plan.info.subject ? { Subject: plan.info.subject } : {}),
      ...(plan.info.author ? { Author: plan.info.author } : {}),
      Creator: plan.info.creator ?? 'Madoguchi',
      Producer: 'Madoguchi (pdfkit)',
      CreationDate: creationDate,
    },
  });
  for (const k of FONT_KEYS) doc.registerFont(k, fonts[k] as unknown as Buffer);
  const info = doc.info as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(plan.custom ?? {})) info[k] = v;
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      for (const page of plan.pages) {
        doc.addPage({ size: [plan.size.width, plan.size.height], margin: 0 });
        paintOps(doc, page.ops, images);
      }
      doc.end();
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
