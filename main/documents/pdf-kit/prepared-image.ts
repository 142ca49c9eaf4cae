/**
 * Images decoded once per process. For a PNG with an alpha channel (the office seal) pdfkit
 * inflates every pixel, splits colour from alpha and deflates both again, for every document:
 * a fifth of a certificate's render time, always with the same result. Here pdfkit's own image
 * code runs once per distinct image against a recorder, and each document gets the recorded
 * objects (same dictionaries, same bytes) written into it.
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';

/** An object pdfkit's image code asked for, with what it wrote into it. */
class RecordedRef {
  readonly chunks: Buffer[] = [];
  ended = false;
  onEnd: (() => void) | undefined;
  constructor(readonly data: Record<string, unknown>) {}
  write(chunk: Uint8Array | string): void {
    // as PDFReference.write: a string is written as a line of latin1 bytes
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(`${chunk}\n`, 'latin1') : Buffer.from(chunk));
  }
  end(chunk?: Uint8Array | string): void {
    if (chunk) this.write(chunk);
    this.ended = true;
    this.onEnd?.();
  }
}

/** What pdfkit's image objects expose and need (PNGImage and JPEG alike). */
interface PdfkitImage {
  width: number;
  height: number;
  obj: unknown;
  embed(doc: unknown): void;
}

/** An image ready to be written into any number of documents. */
export interface PreparedImage {
  readonly width: number;
  readonly height: number;
  readonly refs: readonly RecordedRef[];
  /** The image XObject itself (the others are its parameters, palette and soft mask). */
  readonly main: RecordedRef;
}

async function prepare(data: Buffer): Promise<PreparedImage> {
  const scratch = new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): PdfkitImage };
  const image = scratch.openImage(data);
  const refs: RecordedRef[] = [];
  const recorder = {
    ref(dict: Record<string, unknown> = {}) {
      const r = new RecordedRef(dict);
      refs.push(r);
      return r;
    },
  };
  // A PNG with alpha finishes asynchronously (pdfkit inflates its pixels with a callback).
  await new Promise<void>((resolve, reject) => {
    try {
      image.embed(recorder);
      const main = image.obj as RecordedRef;
      if (main.ended) resolve();
      else main.onEnd = resolve;
    } catch (e) {
      reject(e instanceof Error ? e : new Error('image-unreadable'));
    }
  });
  return { width: image.width, height: image.height, refs, main: image.obj as RecordedRef };
}

// By content, not by Buffer identity: a Buffer changed after a render cannot print a stale image.
const cache = new Map<string, Promise<PreparedImage>>();
const CACHE_LIMIT = 16;

/** The prepared form of `data` (PNG or JPEG); the first call for given bytes decodes them. */
export function preparedImage(data: Buffer): Promise<PreparedImage> {
  const key = createHash('sha256').update(data).digest('base64');
  let p = cache.get(key);
  if (!p) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    p = prepare(data);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

function replaceRefs(value: unknown, map: Map<RecordedRef, PDFKit.PDFKitReference>): unknown {
  if (value instanceof RecordedRef) return map.get(value);
  if (Array.isArray(value)) return value.map((v) => replaceRefs(v, map));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceRefs(v, map)]));
  }
  return value; // numbers, names, String objects, Buffers: written as they are
}

const labels = new WeakMap<PDFKit.PDFDocument, Map<PreparedImage, unknown>>();

/**
 * The object to pass to pdfkit's `doc.image()` for `image` in `doc`: pdfkit takes any object
 * with a width and height as an already opened image and calls its `embed` once.
 */
export function imageFor(doc: PDFKit.PDFDocument, image: PreparedImage): unknown {
  let perDoc = labels.get(doc);
  if (!perDoc) {
    perDoc = new Map();
    labels.set(doc, perDoc);
  }
  let handle = perDoc.get(image);
  if (!handle) {
    const h = {
      width: image.width,
      height: image.height,
      label: `Mi${perDoc.size + 1}`,
      obj: undefined as PDFKit.PDFKitReference | undefined,
      embed(target: PDFKit.PDFDocument) {
        const map = new Map<RecordedRef, PDFKit.PDFKitReference>();
        // a ref decides at creation whether to deflate: give it the recorded Filter up front
        for (const r of image.refs) map.set(r, target.ref(r.data.Filter === undefined ? {} : { Filter: r.data.Filter }));
        for (const r of image.refs) {
          const real = map.get(r)!;
          Object.assign(real.data, replaceRefs(r.data, map));
          real.end(r.chunks.length > 0 ? Buffer.concat(r.chunks) : undefined);
        }
        h.obj = map.get(image.main);
      },
    };
    handle = h;
    perDoc.set(image, handle);
  }
  return handle;
}
