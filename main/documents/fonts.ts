/**
 * The fonts certificates and forms are set in, loaded ONCE per process.
 *
 * - `mincho`: IPAmj Mincho, the MJ character set (58,000+ kanji incl. IVS variants) that resident
 *   and 戸籍 records use; every name, address and record value is set in it.
 * - `gothic` / `gothicBold`: BIZ UDGothic, a universal-design face for labels and small print.
 *
 * The files are read once into memory and parsed by fontkit once; pdfkit accepts the parsed
 * fontkit objects and subsets only the glyphs a document uses, so each PDF stays small. Each
 * font maps variation sequences (葛 + U+E0102) to their variant glyph (variation-sequences.ts).
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { createLogger } from '../../platform/log';
import { shapeVariationSequences } from './variation-sequences';

const log = createLogger('documents.fonts');

/** The font roles a page may use. */
export type FontKey = 'mincho' | 'gothic' | 'gothicBold';

/** Where each font comes from (Debian paths) and which package provides it. */
export const FONT_SOURCES: Readonly<Record<FontKey, { file: string; debianPackage: string }>> = {
  mincho: { file: '/usr/share/fonts/truetype/ipamj/ipamjm.ttf', debianPackage: 'fonts-ipamj-mincho' },
  gothic: { file: '/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf', debianPackage: 'fonts-morisawa-bizud-gothic' },
  gothicBold: { file: '/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Bold.ttf', debianPackage: 'fonts-morisawa-bizud-gothic' },
};

/** The parsed fonts, by role. */
export type DocumentFonts = Readonly<Record<FontKey, Font>>;

/** A font file is missing or unreadable: names the file and the Debian package to install. */
export class FontUnavailableError extends Error {
  readonly code = 'font-unavailable' as const;
  constructor(
    /** The role that could not be loaded. */
    readonly font: FontKey,
    /** The file that was tried. */
    readonly file: string,
    /** The Debian package that provides it. */
    readonly debianPackage: string,
    reason: string,
  ) {
    super(`font ${font} unavailable: ${file} (${reason}); install the Debian package ${debianPackage}`);
    this.name = 'FontUnavailableError';
  }
}

function loadOne(key: FontKey, file: string, debianPackage: string): Font {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new FontUnavailableError(key, file, debianPackage, (e as NodeJS.ErrnoException).code ?? 'unreadable');
  }
  let parsed: ReturnType<typeof fontkit.create>;
  try {
    parsed = fontkit.create(bytes);
  } catch {
    throw new FontUnavailableError(key, file, debianPackage, 'not a font file');
  }
  if (!('layout' in parsed)) throw new FontUnavailableError(key, file, debianPackage, 'a font collection, not a single font');
  // Names address MJ variants through variation sequences: measure and draw them as the glyph check reads them.
  return shapeVariationSequences(parsed);
}

/** Loads the fonts from explicit files (tests, other installs); not cached. */
export function loadFontsFrom(sources: Readonly<Record<FontKey, { file: string; debianPackage: string }>>): DocumentFonts {
  const out = {} as Record<FontKey, Font>;
  for (const key of Object.keys(sources) as FontKey[]) {
    const s = sources[key];
    out[key] = loadOne(key, s.file, s.debianPackage);
  }
  return Object.freeze(out);
}

let cached: DocumentFonts | undefined;

/** The process-wide fonts from {@link FONT_SOURCES}; the first call reads and parses them. */
export function documentFonts(): DocumentFonts {
  if (!cached) {
    const started = Date.now();
    cached = loadFontsFrom(FONT_SOURCES);
    log.info({ ms: Date.now() - started }, 'document fonts loaded');
  }
  return cached;
}
