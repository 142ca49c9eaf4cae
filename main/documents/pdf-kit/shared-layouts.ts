/**
 * pdfkit shapes every word it draws (fontkit layout: GSUB, kerning) and caches the result per
 * document only, so each certificate shaped its labels and names again. A shaped run depends
 * only on the font and the text (pdfkit never changes a cached run: it copies a position before
 * adjusting it), so the documents of a process share one cache per font (shaped-text-cache.ts,
 * which the session wipe empties).
 */
import type { Font } from 'fontkit';
import { pdfkitRunCache } from './shaped-text-cache';

/** pdfkit's EmbeddedFont, as far as this module uses it. */
interface EmbeddedFont {
  font: Font;
  layoutCache?: Record<string, unknown>;
}

const done = new WeakSet<object>();

/** Gives the document's current font (just selected with `doc.font`) the process-wide layouts. */
export function shareLayouts(doc: PDFKit.PDFDocument): void {
  const embedded = (doc as unknown as { _font?: EmbeddedFont })._font;
  // pdfkit leaves layoutCache undefined when a document turns the cache off: respect that
  if (!embedded || done.has(embedded) || embedded.layoutCache === undefined) return;
  embedded.layoutCache = pdfkitRunCache(embedded.font);
  done.add(embedded);
}
