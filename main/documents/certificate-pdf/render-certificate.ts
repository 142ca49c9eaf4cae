/**
 * renderCertificatePdf: content + seal → A4 PDF bytes, or a typed error and no PDF.
 *
 * Order matters: validate the content, check the QR text belongs to this content, lay out
 * every page as data, check EVERY string against its font, and only then paint. A missing
 * glyph therefore never yields a partial or wrong certificate.
 */
import { certificateContentSchema, contentHash, decodeSealPayload, type CertificateContent } from '../../../platform/certificate-seal';
import { createLogger } from '../../../platform/log';
import { documentFonts, type DocumentFonts } from '../fonts';
import { assertGlyphs, missingGlyphFacts } from '../glyph-check';
import { flowBlocks } from '../pdf-kit/flow';
import { paintPdf } from '../pdf-kit/paint-pdf';
import { textsOf, type DocumentPlan } from '../pdf-kit/plan';
import { A4 } from '../pdf-kit/units';
import { closingBlock, endOfRecords, PAGE, pageBackground, pageChrome } from './frame';
import { fuhyoLayout } from './fuhyo-layout';
import { inkanLayout } from './inkan-layout';
import { juminhyoLayout } from './juminhyo-layout';
import { kazeiLayout } from './kazei-layout';
import { kosekiLayout } from './koseki-layout';
import type { CertificateLayout } from './layout-kit';

const log = createLogger('documents.certificate');

/** The PDF Info key that carries the QR text, so `npm run verify` needs no image decoding. */
export const SEAL_INFO_KEY = 'MadoguchiSeal';

/** What the back end and the office provide besides the content. */
export interface CertificateSeal {
  /** The signed QR text from `sealCertificate` (`MDG1....`). */
  qrText: string;
  /** The office seal image (PNG), printed beside the issuing authority. */
  sealImagePng: Buffer;
}

/** Content or seal unusable: nothing is printed. */
export class CertificateRenderError extends Error {
  constructor(
    /** `invalid-content`: failed the schema; `seal-mismatch`: the QR is not for this content. */
    readonly code: 'invalid-content' | 'seal-mismatch',
    /** Field paths of the problem (never values). */
    readonly fields: string[] = [],
  ) {
    super(`certificate not rendered: ${code}${fields.length ? ` (${fields.join(', ')})` : ''}`);
    this.name = 'CertificateRenderError';
  }
}

function layoutFor(c: CertificateContent, fonts: DocumentFonts): CertificateLayout {
  switch (c.type) {
    case 'juminhyo':
      return juminhyoLayout(c, fonts);
    case 'inkan':
      return inkanLayout(c, fonts);
    case 'koseki-zenbu':
    case 'koseki-kojin':
      return kosekiLayout(c, fonts);
    case 'fuhyo':
      return fuhyoLayout(c, fonts);
    case 'kazei':
      return kazeiLayout(c, fonts);
  }
}

/** Builds the full plan of a certificate (exported for tests and previews). */
export function planCertificate(content: CertificateContent, seal: CertificateSeal, fonts: DocumentFonts): DocumentPlan {
  const layout = layoutFor(content, fonts);
  const flow = flowBlocks(layout.blocks, {
    x: PAGE.bodyX,
    top: PAGE.bodyTop,
    bottom: PAGE.bodyBottom - 14,
    lastBottom: PAGE.lastBodyBottom,
    gap: 0,
  });
  const bodies = flow.pages;
  const background = pageBackground(fonts);
  const pages = bodies.map((body, i) => {
    const ops = [background, ...body, ...pageChrome(fonts, content, layout, i, bodies.length)];
    if (i === bodies.length - 1) {
      ops.push(endOfRecords(flow.endY));
      ops.push(...closingBlock(fonts, content, layout, seal.qrText, seal.sealImagePng));
    }
    return { ops };
  });
  return {
    size: A4,
    pages,
    info: { title: layout.infoTitle, subject: `交付番号 ${content.serialNumber}`, author: content.issuingAuthority.title, creator: 'Madoguchi kiosk' },
    custom: { [SEAL_INFO_KEY]: seal.qrText },
  };
}

/**
 * Renders a certificate to PDF bytes. Throws {@link CertificateRenderError},
 * `MissingGlyphError` (glyph-check.ts) or `TextOverflowError` (pdf-kit/text.ts); never
 * returns a partial document.
 */
export async function renderCertificatePdf(content: CertificateContent, seal: CertificateSeal, fonts: DocumentFonts = documentFonts()): Promise<Buffer> {
  const parsed = certificateContentSchema.safeParse(content);
  if (!parsed.success)
    throw new CertificateRenderError(
      'invalid-content',
      parsed.error.issues.map((i) => i.path.join('.')),
    );
  const summary = decodeSealPayload(seal.qrText);
  if (!summary || summary.contentHash !== contentHash(parsed.data) || summary.serialNumber !== parsed.data.serialNumber) {
    throw new CertificateRenderError('seal-mismatch');
  }
  const plan = planCertificate(parsed.data, seal, fonts);
  try {
    assertGlyphs(textsOf(plan), fonts);
  } catch (e) {
    log.warn(
      { serial: parsed.data.serialNumber, type: parsed.data.type, code: 'missing-glyph', ...missingGlyphFacts(e) },
      'certificate refused before printing',
    );
    throw e;
  }
  const pdf = await paintPdf(plan, fonts, new Date(parsed.data.issuedAt));
  log.info({ serial: parsed.data.serialNumber, type: parsed.data.type, pages: plan.pages.length, bytes: pdf.length }, 'certificate rendered');
  return pdf;
}
