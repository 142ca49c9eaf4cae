/**
 * The receipt (領収書) a citizen may ask for after paying: A4, printed after the certificates.
 * It shows the amount, each item (what, how many, its fee, its serial), the payment method, the
 * date and time, the kiosk and the office that received the money. No personal data: no name,
 * no address, nothing of the card; the serials let staff find the sale in the journal.
 *
 * The items are a general list (one sale may hold several certificates). As with every kiosk
 * document: validate, plan as data, check every glyph, then paint.
 */
import { createLogger } from '../../../platform/log';
import { documentFonts, type DocumentFonts } from '../fonts';
import { assertGlyphs } from '../glyph-check';
import { formatIssuedAt, formatYen } from '../pdf-kit/japanese-date';
import { textWidth } from '../pdf-kit/measure';
import { paintPdf } from '../pdf-kit/paint-pdf';
import { textsOf, type DocumentPlan, type DrawOp } from '../pdf-kit/plan';
import { lineWriter, type TextStyle } from '../pdf-kit/text';
import { A4 } from '../pdf-kit/units';

const log = createLogger('documents.receipt');

/** One line of the receipt: a certificate (or any fee) and its serial. */
export interface ReceiptItem {
  /** What was sold, as printed (e.g. 住民票の写し). */
  name: string;
  copies: number;
  /** The item's fee, all copies. */
  amountYen: number;
  /** The certificate's serial (交付番号). */
  serial: string;
}

export interface ReceiptInput {
  items: readonly ReceiptItem[];
  /** What was paid: the sum of the items. */
  totalYen: number;
  method: 'cash' | 'cashless';
  paidAt: Date;
  /** The kiosk's configured id. */
  kioskId: string;
  /** Who received the money (e.g. 北九州市 小倉北区役所). */
  office: string;
}

/** The input is not a receipt the kiosk may print; names the fields, never values. */
export class ReceiptError extends Error {
  readonly code = 'receipt-invalid' as const;
  constructor(readonly fields: readonly string[]) {
    super(`receipt not rendered: invalid ${fields.join(', ')}`);
    this.name = 'ReceiptError';
  }
}

const MAX_ITEMS = 20;

function validate(r: ReceiptInput): void {
  const bad: string[] = [];
  if (r.items.length === 0 || r.items.length > MAX_ITEMS) bad.push('items');
  r.items.forEach((it, i) => {
    if (!it.name || it.name.length > 40) bad.push(`items[${i}].name`);
    if (!Number.isSafeInteger(it.copies) || it.copies < 1 || it.copies > 99) bad.push(`items[${i}].copies`);
    if (!Number.isSafeInteger(it.amountYen) || it.amountYen < 0) bad.push(`items[${i}].amountYen`);
    if (!/^[A-Za-z0-9-]{1,64}$/.test(it.serial)) bad.push(`items[${i}].serial`);
  });
  if (!Number.isSafeInteger(r.totalYen) || r.totalYen <= 0 || r.totalYen !== r.items.reduce((s, it) => s + it.amountYen, 0)) bad.push('totalYen');
  if (!(r.paidAt instanceof Date) || !Number.isFinite(r.paidAt.getTime())) bad.push('paidAt');
  if (!/^[A-Za-z0-9-]{1,64}$/.test(r.kioskId)) bad.push('kioskId');
  if (!r.office || r.office.length > 40) bad.push('office');
  if (bad.length > 0) throw new ReceiptError(bad);
}

const M = 56; // page margin, points
const W = A4.width - 2 * M;
const METHOD = { cash: '現金', cashless: 'キャッシュレス決済' } as const;

/** Builds the receipt as data (exported for tests). */
export function planReceipt(r: ReceiptInput, fonts: DocumentFonts): DocumentPlan {
  validate(r);
  const ops: DrawOp[] = [];
  const { line } = lineWriter(ops, fonts, A4.width);
  const right = (text: string, xRight: number, y: number, style: TextStyle): number =>
    line(text, xRight - textWidth(fonts, style.font, text, style.size, style.charSpacing), y, style);
  const body = (field: string): TextStyle => ({ font: 'gothic', size: 13, field });

  let y = M;
  y = line('領収書', (A4.width - textWidth(fonts, 'gothicBold', '領収書', 40, 12)) / 2, y, { font: 'gothicBold', size: 40, field: 'title', charSpacing: 12 });
  y += 24;
  y = line('金額', M, y, { font: 'gothic', size: 14, field: 'amountLabel' });
  y = line(`${formatYen(r.totalYen)} 円`, M + 24, y + 4, { font: 'gothicBold', size: 36, field: 'amount' });
  ops.push({ kind: 'line', x1: M, y1: y + 4, x2: M + W, y2: y + 4, width: 1.2 });
  y += 16;
  y = line('但し、証明書交付手数料として（非課税）', M, y, body('purpose')) + 4;
  y = line(`お支払い方法：${METHOD[r.method]}`, M, y, body('method')) + 18;

  // The items: what, copies, fee, serial.
  const cols = { name: M, copies: M + W * 0.5, fee: M + W * 0.68, serial: M + W * 0.72 };
  const head: TextStyle = { font: 'gothicBold', size: 12, field: 'itemsHead' };
  line('品目', cols.name, y, head);
  line('通数', cols.copies, y, head);
  right('手数料', cols.fee, y, head);
  y = line('交付番号', cols.serial, y, head) + 2;
  ops.push({ kind: 'line', x1: M, y1: y, x2: M + W, y2: y, width: 0.8 });
  y += 6;
  r.items.forEach((it, i) => {
    const style = body(`item${i}`);
    line(it.name, cols.name, y, style);
    line(`${it.copies} 通`, cols.copies, y, style);
    right(`${formatYen(it.amountYen)} 円`, cols.fee, y, style);
    y = line(it.serial, cols.serial, y, { ...style, size: fitSerial(fonts, it.serial, M + W - cols.serial) }) + 4;
  });
  ops.push({ kind: 'line', x1: M, y1: y, x2: M + W, y2: y, width: 0.8 });
  y += 6;
  right(`合計 ${formatYen(r.totalYen)} 円`, cols.fee, y, { font: 'gothicBold', size: 14, field: 'total' });
  y += 40;

  const when = formatIssuedAt(r.paidAt.toISOString());
  y = line(`領収日時：${when.wareki}（${when.western}）`, M, y, body('paidAt')) + 4;
  y = line(`発行した機械：${r.kioskId}`, M, y, body('kioskId')) + 4;
  y = line(`領収者：${r.office}`, M, y, body('office')) + 24;
  line('お名前などの個人情報はこの領収書に印刷していません。', M, y, { font: 'gothic', size: 11, field: 'privacy', color: '#333333' });

  return {
    size: A4,
    pages: [{ ops }],
    info: { title: '領収書', subject: `領収書 ${r.items.map((it) => it.serial).join(' ')}`, author: r.office, creator: 'Madoguchi kiosk' },
  };
}

/** The serial at 13 pt, smaller if a long one would run off the page. */
function fitSerial(fonts: DocumentFonts, serial: string, width: number): number {
  const unit = textWidth(fonts, 'gothic', serial, 1);
  return unit > 0 ? Math.min(13, Math.floor((width / unit) * 100) / 100) : 13;
}

/** Renders the receipt to PDF bytes; throws {@link ReceiptError} for input it must not print. */
export async function renderReceipt(r: ReceiptInput, fonts: DocumentFonts = documentFonts()): Promise<Buffer> {
  const plan = planReceipt(r, fonts);
  assertGlyphs(textsOf(plan), fonts);
  const pdf = await paintPdf(plan, fonts, r.paidAt);
  log.info({ items: r.items.length, bytes: pdf.length }, 'receipt rendered');
  return pdf;
}
