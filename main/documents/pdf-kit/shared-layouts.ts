/**
 * pdfkit shapes every word it draws (fontkit layout: GSUB, kerning) and caches the result per
 * document only, so each certificate shaped its labels and names again. A shaped run depends
 * only on the font and the text (pdfkit never changes a cached run: it copies a position before
 * adjusting it), so the documents of a process share one cache per font.
 */
import type { Font } from 'fontkit';

/** pdfkit's EmbeddedFont, as far as this module uses it. */
interface EmbeddedFont {
  font: Font;
  layoutCache?: Record<string, unknown>;
}

/** Words kept per font before the cache starts again (names would otherwise grow it forever). */
const WORDS_PER_FONT = 8192;

const shared = new WeakMap<Font, Record<string, unknown>>();
const done = new WeakSet<object>();

function cacheFor(font: Font): Record<string, unknown> {
  let cache = shared.get(font);
  if (!cache || Object.keys(cache).length > WORDS_PER_FONT) {
    cache = Object.create(null) as Record<string, unknown>;
    shared.set(font, cache);
  }
  return cache;
}

/** Gives the document's current font (just selected with `doc.font`) the process-wide layouts. */
export function shareLayouts(doc: PDFKit.PDFDocument): void {
  const embedded = (doc as unknown as { _font?: EmbeddedFont })._font;
  // pdfkit leaves layoutCache undefined when a document turns the cache off: respect that
  if (!embedded || done.has(embedded) || embedded.layoutCache === undefined) return;
  embedded.layoutCache = cacheFor(embedded.font);
  done.add(embedded);
}
