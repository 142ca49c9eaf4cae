/**
 * Paints a {@link StampOp} as a Form XObject. The certificate background (hatching of the
 * latent 「複写」 and the guilloche) is ~80 KB of path operators: parsing its SVG paths and
 * deflating them again for every certificate cost more than the rest of the page. Its content
 * is therefore produced by pdfkit's own painting once per stamp object, deflated once, and each
 * document only embeds those bytes (once, however many pages draw it).
 */
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { DrawOp, StampOp } from './plan';

/** A stamp contained what a resource-free form cannot carry. */
export class StampContentError extends Error {
  readonly code = 'stamp-content' as const;
  constructor(readonly kind: string) {
    super(`a stamp may not contain ${kind} ops`);
    this.name = 'StampContentError';
  }
}

type Painter = (doc: PDFKit.PDFDocument, ops: readonly DrawOp[]) => void;

const compiled = new WeakMap<StampOp, Buffer>();
const embedded = new WeakMap<PDFKit.PDFDocument, Map<StampOp, { name: string; form: PDFKit.PDFKitReference }>>();

function assertResourceFree(ops: readonly DrawOp[]): void {
  for (const op of ops) {
    if (op.kind === 'text' || op.kind === 'image' || op.kind === 'stamp') throw new StampContentError(op.kind);
    if (op.kind === 'group') {
      if (op.opacity !== undefined) throw new StampContentError('opacity');
      assertResourceFree(op.ops);
    }
  }
}

/** The deflated content stream of `stamp`, painted by `paint` on a scratch document once. */
function compile(stamp: StampOp, paint: Painter): Buffer {
  const done = compiled.get(stamp);
  if (done) return done;
  assertResourceFree(stamp.ops);
  const scratch = new PDFDocument({ autoFirstPage: false });
  const parts: string[] = [];
  // pdfkit writes every operator through addContent (one line each); resource-free ops touch
  // nothing else, so capturing it yields exactly what painting them on a page would write.
  scratch.addContent = (data: string) => {
    parts.push(data);
    return scratch;
  };
  paint(scratch, stamp.ops);
  const bytes = deflateSync(Buffer.from(parts.map((p) => `${p}\n`).join(''), 'latin1'));
  compiled.set(stamp, bytes);
  return bytes;
}

/** Draws `stamp` on the current page of `doc`, embedding its form the first time in `doc`. */
export function paintStamp(doc: PDFKit.PDFDocument, stamp: StampOp, paint: Painter): void {
  let names = embedded.get(doc);
  if (!names) {
    names = new Map();
    embedded.set(doc, names);
  }
  const page = doc.page;
  let entry = names.get(stamp);
  if (!entry) {
    // The form inherits the page's y-down user space, so its box is the page in those units.
    const form = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [0, 0, page.width, page.height], Resources: {}, Filter: 'FlateDecode' });
    form.end(compile(stamp, paint));
    entry = { name: `Stamp${names.size + 1}`, form };
    names.set(stamp, entry);
  }
  (page.xobjects as Record<string, PDFKit.PDFKitReference>)[entry.name] = entry.form;
  doc.addContent(`q /${entry.name} Do Q`);
}
