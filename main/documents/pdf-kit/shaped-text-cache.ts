/**
 * The process-wide caches of shaped text (fontkit layout: GSUB, kerning), keyed by font and text:
 * run widths for layout (measure.ts) and pdfkit's shaped runs for drawing (shared-layouts.ts).
 * Shaping is most of a render's layout time, so labels are shaped once per process, not once per
 * certificate.
 *
 * A key is the text itself, and a citizen's name or address is text: the session wipe calls
 * `forgetShapedText()` so nothing a citizen printed stays in memory for the next one. Labels are
 * shaped again on the next render (a few milliseconds, once).
 */
import type { Font } from 'fontkit';

/** Entries kept per font and cache before it starts again (bounded even without a wipe). */
const ENTRIES_PER_FONT = 8192;

interface FontCaches {
  /** Run widths (measure.ts). */
  widths: Map<string, unknown>;
  /** pdfkit's own layout cache object (a plain object, as pdfkit indexes it). */
  runs: Record<string, unknown>;
}

let caches = new WeakMap<Font, FontCaches>();
/** The fonts with caches, so the wipe can empty them (a WeakMap cannot be walked). */
const fonts = new Set<WeakRef<Font>>();

function cachesOf(font: Font): FontCaches {
  let c = caches.get(font);
  if (!c) {
    c = { widths: new Map(), runs: Object.create(null) as Record<string, unknown> };
    caches.set(font, c);
    fonts.add(new WeakRef(font));
  }
  return c;
}

/** This font's cache of run widths (emptied when it grows past the bound). */
export function widthCache(font: Font): Map<string, unknown> {
  const { widths } = cachesOf(font);
  if (widths.size >= ENTRIES_PER_FONT) widths.clear();
  return widths;
}

/** This font's cache of pdfkit runs, for a new document (a fresh one once it grew past the bound). */
export function pdfkitRunCache(font: Font): Record<string, unknown> {
  const c = cachesOf(font);
  if (Object.keys(c.runs).length > ENTRIES_PER_FONT) c.runs = Object.create(null) as Record<string, unknown>;
  return c.runs;
}

/** The session wipe's part: every shaped text of every font is forgotten. */
export function forgetShapedText(): void {
  for (const ref of fonts) {
    const font = ref.deref();
    const c = font ? caches.get(font) : undefined;
    if (!c) continue;
    c.widths.clear();
    // A document still drawing keeps this object: empty it rather than only dropping it.
    for (const key of Object.keys(c.runs)) delete c.runs[key];
  }
  caches = new WeakMap();
  fonts.clear();
}

/** True when some font's cache holds a key containing `text` (tests: a name must not outlive its session). */
export function shapedTextCached(text: string): boolean {
  for (const ref of fonts) {
    const font = ref.deref();
    const c = font ? caches.get(font) : undefined;
    if (c && [...c.widths.keys(), ...Object.keys(c.runs)].some((key) => key.includes(text))) return true;
  }
  return false;
}
