/**
 * The refund voucher slip (返金引換券): A4, large clear text, printed by the kiosk when it owes
 * the citizen money it could not give back. It carries the voucher number, the amount, the
 * 照合コード (check code), date and time, the kiosk, where to go, what happened, and a QR with the
 * same facts for staff. No personal data: the journal maps the number to the sale.
 *
 * Not forgeable by copying: the slip is honoured only against the kiosk's journal, once, and only
 * with the matching amount and 照合コード (a random code the journal made with the voucher). No
 * signature: the kiosk holds no key meant for signing (its TLS client key is for the back end
 * connection only), and staff settle through the same journal, so a signature would add nothing a
 * copy could not also show.
 *
 * As with certificates: validate, plan as data, check every glyph, then paint.
 */
import { createLogger } from '../../../platform/log';
import { documentFonts, type DocumentFonts } from '../fonts';
import { assertGlyphs } from '../glyph-check';
import { formatIssuedAt, formatYen } from '../pdf-kit/japanese-date';
import { textWidth } from '../pdf-kit/measure';
import { paintPdf } from '../pdf-kit/paint-pdf';
import { textsOf, type DocumentPlan, type DrawOp } from '../pdf-kit/plan';
import { qrPath } from '../pdf-kit/qr';
import { lineWriter, wrapText, type TextStyle } from '../pdf-kit/text';
import { A4 } from '../pdf-kit/units';
import { CAUSE_TEXT, VOUCHER_CAUSES, type VoucherCause } from './voucher-texts';

const log = createLogger('documents.voucher');

/** PDF Info key carrying the QR text (tests and tools read it without decoding the image). */
export const VOUCHER_INFO_KEY = 'MadoguchiVoucher';

/** Everything a slip shows. Ids, amounts and places only. */
export interface VoucherSlipInput {
  /** `RV-<kiosk>-<YYYYMMDD>-<NNNN>`. */
  voucherNumber: string;
  /** Yen to pay out at the counter. */
  amountYen: number;
  /** 8 hex digits from the journal. */
  checkCode: string;
  /** When the voucher was issued. */
  issuedAt: Date;
  /** The kiosk's configured id (e.g. `kiosk-kokurakita-01`). */
  kioskId: string;
  /** Where to take the slip: the office (e.g. 小倉北区役所) and its counter. */
  office: { name: string; counter: string };
  cause: VoucherCause;
}

/** The input is not a slip the kiosk may print; names the fields, never values. */
export class VoucherSlipError extends Error {
  readonly code = 'voucher-slip-invalid' as const;
  constructor(
    /** The fields that failed. */
    readonly fields: readonly string[],
  ) {
    super(`voucher slip not rendered: invalid ${fields.join(', ')}`);
    this.name = 'VoucherSlipError';
  }
}

/** The QR text: `MDGRV1 <number> <yen> <kiosk> <code>` (ASCII, spaces: any scanner reads it as typed). */
export function voucherQrText(v: Pick<VoucherSlipInput, 'voucherNumber' | 'amountYen' | 'kioskId' | 'checkCode'>): string {
  return `MDGRV1 ${v.voucherNumber} ${v.amountYen} ${v.kioskId} ${v.checkCode}`;
}

function validate(v: VoucherSlipInput): void {
  const bad: string[] = [];
  if (!/^RV-[A-Za-z0-9-]{4,60}$/.test(v.voucherNumber)) bad.push('voucherNumber');
  if (!Number.isSafeInteger(v.amountYen) || v.amountYen <= 0) bad.push('amountYen');
  if (!/^[0-9A-F]{8}$/.test(v.checkCode)) bad.push('checkCode');
  if (!(v.issuedAt instanceof Date) || !Number.isFinite(v.issuedAt.getTime())) bad.push('issuedAt');
  if (!/^[A-Za-z0-9-]{1,64}$/.test(v.kioskId)) bad.push('kioskId');
  if (!v.office.name || v.office.name.length > 40) bad.push('office.name');
  if (!v.office.counter || v.office.counter.length > 40) bad.push('office.counter');
  if (!(VOUCHER_CAUSES as readonly string[]).includes(v.cause)) bad.push('cause');
  if (bad.length > 0) throw new VoucherSlipError(bad);
}

const M = 48; // page margin, points
const W = A4.width - 2 * M;

/** Builds the slip as data (exported for tests). */
export function planVoucherSlip(v: VoucherSlipInput, fonts: DocumentFonts): DocumentPlan {
  validate(v);
  const ops: DrawOp[] = [];
  const { line, centred } = lineWriter(ops, fonts, A4.width);
  // Japanese wraps between characters (with kinsoku); English only between words.
  const para = (text: string, x: number, y: number, width: number, style: TextStyle): number => {
    const lines = /^[\x20-\x7e]/.test(text) ? wrapWords(fonts, text, width, style) : wrapText(fonts, text, width, style);
    for (const l of lines) y = line(l, x, y, style) + style.size * 0.35;
    return y;
  };

  let y = M;
  y = centred('返金引換券', y, { font: 'gothicBold', size: 44, field: 'title', charSpacing: 8 });
  y = centred('Refund voucher', y + 4, { font: 'gothic', size: 14, field: 'titleEn' }) + 16;

  // The facts staff need, in one framed block; the QR for staff on its right.
  const boxTop = y;
  const qrSize = 150;
  const textW = W - qrSize - 24;
  y += 16;
  const label = (ja: string, en: string, field: string): void => {
    y = line(`${ja}  ${en}`, M + 16, y, { font: 'gothic', size: 13, field, color: '#333333' }) + 2;
  };
  label('お返しする金額', 'Amount', 'amountLabel');
  y = line(`${formatYen(v.amountYen)} 円`, M + 16, y, { font: 'gothicBold', size: 46, field: 'amount' }) + 10;
  label('引換番号', 'Voucher number', 'numberLabel');
  y = line(v.voucherNumber, M + 16, y, { font: 'gothicBold', size: fitSize(fonts, v.voucherNumber, textW - 16, 26), field: 'number' }) + 10;
  label('照合コード', 'Check code', 'checkLabel');
  y = line(v.checkCode.replace(/^(.{4})/, '$1 '), M + 16, y, { font: 'gothicBold', size: 24, field: 'checkCode', charSpacing: 2 }) + 10;
  const when = formatIssuedAt(v.issuedAt.toISOString());
  label('発行日時', 'Issued', 'issuedLabel');
  y = line(when.wareki, M + 16, y, { font: 'gothic', size: 18, field: 'issuedAt' });
  y = line(when.western, M + 16, y + 2, { font: 'gothic', size: 12, field: 'issuedAtWestern' }) + 10;
  label('発行した機械', 'Kiosk', 'kioskLabel');
  y = line(v.kioskId, M + 16, y, { font: 'gothic', size: 18, field: 'kioskId' }) + 16;
  ops.push({ kind: 'rect', x: M, y: boxTop, w: W, h: y - boxTop, stroke: { width: 2 } });
  const qr = qrPath(voucherQrText(v), M + W - qrSize - 12, boxTop + 20, qrSize, 'M');
  ops.push(qr.op);
  line('係員用 For staff', M + W - qrSize + 24, boxTop + 20 + qrSize + 2, { font: 'gothic', size: 11, field: 'qrCaption' });
  y += 24;

  y = line('お受け取り方法', M, y, { font: 'gothicBold', size: 20, field: 'whereTitle' }) + 6;
  y = para(`この券を ${v.office.name} ${v.office.counter} にお持ちください。係員が現金でお返しします。`, M, y, W, { font: 'gothic', size: 18, field: 'where' });
  y = para(`Please bring this voucher to: ${v.office.counter}, ${v.office.name}.`, M, y, W, { font: 'gothic', size: 12, field: 'whereEn' }) + 14;

  y = line('何があったか', M, y, { font: 'gothicBold', size: 20, field: 'whatTitle' }) + 6;
  y = para(CAUSE_TEXT[v.cause].ja, M, y, W, { font: 'gothic', size: 18, field: 'what' });
  y = para(CAUSE_TEXT[v.cause].en, M, y, W, { font: 'gothic', size: 12, field: 'whatEn' }) + 14;

  ops.push({ kind: 'line', x1: M, y1: y, x2: M + W, y2: y, width: 0.8, color: '#555555' });
  y += 10;
  y = para('この券は一度だけ引き換えできます。なくさないようにお持ちください。コピーした券では引き換えできません。', M, y, W, {
    font: 'gothic',
    size: 13,
    field: 'notice',
  });
  para('お名前などの個人情報はこの券に印刷していません。', M, y, W, { font: 'gothic', size: 13, field: 'privacy' });

  return {
    size: A4,
    pages: [{ ops }],
    info: { title: '返金引換券', subject: `引換番号 ${v.voucherNumber}`, author: v.office.name, creator: 'Madoguchi kiosk' },
    custom: { [VOUCHER_INFO_KEY]: voucherQrText(v) },
  };
}

/** Greedy line breaking at spaces (a word longer than the line gets a line of its own). */
function wrapWords(fonts: DocumentFonts, text: string, width: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && textWidth(fonts, style.font, candidate, style.size, style.charSpacing) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}

/** The largest size up to `max` at which `text` fits `width` on one line. */
function fitSize(fonts: DocumentFonts, text: string, width: number, max: number): number {
  const unit = textWidth(fonts, 'gothicBold', text, 1);
  return unit > 0 ? Math.min(max, Math.floor((width / unit) * 100) / 100) : max;
}

/**
 * Renders the slip to PDF bytes. Throws {@link VoucherSlipError} for input it must not print and
 * `MissingGlyphError` (never in practice: fixed texts, ASCII ids, office names from the ward list).
 */
export async function renderVoucherSlip(v: VoucherSlipInput, fonts: DocumentFonts = documentFonts()): Promise<Buffer> {
  const plan = planVoucherSlip(v, fonts);
  assertGlyphs(textsOf(plan), fonts);
  const pdf = await paintPdf(plan, fonts, v.issuedAt);
  log.info({ voucher: v.voucherNumber, cause: v.cause, bytes: pdf.length }, 'voucher slip rendered');
  return pdf;
}
