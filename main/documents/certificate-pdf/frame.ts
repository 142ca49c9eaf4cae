/**
 * The parts every certificate page shares: security background, header (title, serial),
 * footer (issue date and time, page x of y, microtext) and, on the last page, the closing
 * block (attestation, date, issuing authority with the seal image, verification QR).
 */
import type { CertificateContent } from '../../../platform/certificate-seal';
import type { DocumentFonts } from '../fonts';
import { formatIssuedAt, formatWareki, toJst } from '../pdf-kit/japanese-date';
import { textWidth } from '../pdf-kit/measure';
import type { DrawOp, StampOp } from '../pdf-kit/plan';
import { qrPath } from '../pdf-kit/qr';
import { fitText, textLine } from '../pdf-kit/text';
import { A4, mm, type Box } from '../pdf-kit/units';
import { guillocheFrame, latentCopyPattern, microtextLine } from './anti-forgery';

/** Page geometry shared by all certificate layouts (points). */
export const PAGE = Object.freeze({
  frame: { x: mm(10), y: mm(10), w: A4.width - mm(20), h: A4.height - mm(20) } satisfies Box,
  band: mm(4),
  bodyX: mm(18),
  bodyW: A4.width - mm(36),
  bodyTop: mm(44),
  bodyBottom: mm(262),
  /** Body must end here on the last page: the closing block sits below. */
  lastBodyBottom: mm(206),
  closingTop: mm(212),
});

/** What a layout tells the frame. */
export interface FrameText {
  /** Title as printed, e.g. 住民票の写し. */
  title: string;
  /** Printed under the title, e.g. （世帯全員）. */
  subtitle?: string;
  /** Attestation sentences above the date and authority. */
  attestation: string[];
}

const backgrounds = new WeakMap<DocumentFonts, StampOp>();

/**
 * Drawn under everything else on each page: the same for every page and certificate, so it is
 * built once per set of fonts and painted as a stamp (compiled once, see pdf-kit/stamp.ts).
 */
export function pageBackground(fonts: DocumentFonts): StampOp {
  let stamp = backgrounds.get(fonts);
  if (!stamp) {
    const f = PAGE.frame;
    const inner: Box = { x: f.x + 1.6, y: f.y + PAGE.band, w: f.w - 3.2, h: f.h - 2 * PAGE.band };
    stamp = deepFreeze({ kind: 'stamp', ops: [...latentCopyPattern(fonts, inner), ...guillocheFrame(f, PAGE.band)] });
    backgrounds.set(fonts, stamp);
  }
  return stamp;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Header, footer and microtext of page `index` (0-based) of `count`. */
export function pageChrome(fonts: DocumentFonts, content: CertificateContent, text: FrameText, index: number, count: number): DrawOp[] {
  const f = PAGE.frame;
  const right = PAGE.bodyX + PAGE.bodyW;
  const ops: DrawOp[] = [];
  const inner = f.w - 3.2 - 4;
  ops.push(microtextLine(fonts, f.x + 3.6, f.y + PAGE.band + 1.2, inner, 'microtext.top'));
  ops.push(microtextLine(fonts, f.x + 3.6, f.y + f.h - PAGE.band - 2.6, inner, 'microtext.bottom'));
  const serial = `交付番号 ${content.serialNumber}`;
  ops.push(textLine(serial, right - textWidth(fonts, 'gothic', serial, 8), mm(17), { font: 'gothic', size: 8, field: 'serialNumber' }));
  const titleSize = 21;
  const spacing = 5;
  const tw = textWidth(fonts, 'mincho', text.title, titleSize, spacing);
  ops.push(textLine(text.title, (A4.width - tw) / 2, mm(23), { font: 'mincho', size: titleSize, field: 'label.title', charSpacing: spacing }));
  if (text.subtitle) {
    const sw = textWidth(fonts, 'mincho', text.subtitle, 11);
    ops.push(textLine(text.subtitle, (A4.width - sw) / 2, mm(33), { font: 'mincho', size: 11, field: 'label.subtitle' }));
  }
  const issued = formatIssuedAt(content.issuedAt);
  ops.push(textLine(`発行日時 ${issued.wareki}（${issued.western}）`, PAGE.bodyX, mm(266), { font: 'gothic', size: 7, field: 'issuedAt' }));
  const pageText = `${index + 1} / ${count} ページ`;
  ops.push(textLine(pageText, right - textWidth(fonts, 'gothic', pageText, 8), mm(265.6), { font: 'gothic', size: 8, field: 'label.page' }));
  if (index < count - 1) {
    const cont = '（次頁に続く）';
    ops.push(textLine(cont, right - textWidth(fonts, 'mincho', cont, 9), PAGE.bodyBottom - mm(4), { font: 'mincho', size: 9, field: 'label.continued' }));
  }
  return ops;
}

/** 「以下余白」 right under the body on the last page, as certificates end their records. */
export function endOfRecords(y: number): DrawOp {
  return textLine('以下余白', PAGE.bodyX + PAGE.bodyW - mm(22), y + mm(1.5), { font: 'mincho', size: 9, field: 'label.endOfRecords' });
}

/** The closing block of the last page. */
export function closingBlock(fonts: DocumentFonts, content: CertificateContent, text: FrameText, qrText: string, sealPng: Buffer): DrawOp[] {
  const ops: DrawOp[] = [];
  const top = PAGE.closingTop;
  const qrSize = mm(32);
  ops.push({ kind: 'rect', x: PAGE.bodyX, y: top, w: qrSize, h: qrSize, fill: '#ffffff' });
  ops.push(qrPath(qrText, PAGE.bodyX, top, qrSize, 'M', 'byte').op);
  ops.push(textLine('検証用コード（改ざん検出）', PAGE.bodyX + mm(1.5), top + qrSize + mm(0.5), { font: 'gothic', size: 6, field: 'label.qr' }));
  const textX = PAGE.bodyX + qrSize + mm(8);
  const right = PAGE.bodyX + PAGE.bodyW;
  text.attestation.forEach((line, i) => {
    ops.push(
      ...fitText(
        fonts,
        line,
        { x: textX, y: top + mm(2) + i * mm(6.5), w: right - textX, h: mm(6.5) },
        {
          font: 'mincho',
          size: 11.5,
          minSize: 9,
          field: `label.attestation.${i}`,
          valign: 'top',
          padding: 0,
        },
      ),
    );
  });
  const dateY = top + mm(4) + Math.max(1, text.attestation.length) * mm(6.5);
  ops.push(textLine(formatWareki(toJst(content.issuedAt).isoDate), textX + mm(6), dateY, { font: 'mincho', size: 11.5, field: 'issuedAt.date' }));
  const a = content.issuingAuthority;
  const authY = dateY + mm(10);
  const sealSize = mm(21);
  const authRight = right - sealSize * 0.9;
  const titleSize = 14;
  const holder = a.holderName ?? '';
  const holderW = holder ? textWidth(fonts, 'mincho', holder, titleSize, 1) : 0;
  const titleW = textWidth(fonts, 'mincho', a.title, titleSize, 1);
  const titleX = authRight - holderW - (holder ? mm(5) : 0) - titleW;
  ops.push(textLine(a.title, titleX, authY, { font: 'mincho', size: titleSize, field: 'issuingAuthority.title', charSpacing: 1 }));
  if (holder) ops.push(textLine(holder, authRight - holderW, authY, { font: 'mincho', size: titleSize, field: 'issuingAuthority.holderName', charSpacing: 1 }));
  // the seal overlaps the end of the authority line, as an office seal is stamped
  ops.push({ kind: 'image', data: sealPng, x: right - sealSize, y: authY + titleSize / 2 - sealSize / 2, w: sealSize, h: sealSize });
  return ops;
}
