/**
 * The queue ticket (番号札) on A4, until a slip printer takes it over: the number (very large), the
 * service and its counters, the people ahead and the estimated wait when it was taken, and a QR to
 * the citizen's wait-status page. A 書かない application's ticket also shows its receipt number,
 * which the clerk who calls it uses to open the prepared forms. No personal data.
 *
 * As with every kiosk document: validate, plan as data, check every glyph, then paint.
 */
import { documentFonts, type DocumentFonts } from '../fonts';
import { assertGlyphs } from '../glyph-check';
import { formatIssuedAt } from '../pdf-kit/japanese-date';
import { paintPdf } from '../pdf-kit/paint-pdf';
import { textsOf, type DocumentPlan, type DrawOp } from '../pdf-kit/plan';
import { qrPath } from '../pdf-kit/qr';
import { lineWriter } from '../pdf-kit/text';
import { A4 } from '../pdf-kit/units';

export interface QueueTicketInput {
  number: number;
  /** The queue's name of the service (証明書). */
  serviceJa: string;
  /** The counters that handle it (「1番窓口」). */
  counters: readonly string[];
  ahead: number;
  estimatedWaitMinutes: number | null;
  /** The wait-status page (QR). */
  statusUrl: string;
  receiptNumber: string | null;
  /** A reservation's check-in: on time or late. */
  timing: 'on-time' | 'late' | null;
  issuedAt: Date;
  /** The office (北九州市 小倉北区役所). */
  office: string;
}

/** The input is not a ticket the kiosk may print; names the fields, never values. */
export class QueueTicketError extends Error {
  readonly code = 'queue-ticket-invalid' as const;
  constructor(readonly fields: readonly string[]) {
    super(`queue ticket not rendered: invalid ${fields.join(', ')}`);
    this.name = 'QueueTicketError';
  }
}

function validate(t: QueueTicketInput): void {
  const bad: string[] = [];
  if (!Number.isSafeInteger(t.number) || t.number < 1 || t.number > 99_999) bad.push('number');
  if (!t.serviceJa || t.serviceJa.length > 40) bad.push('serviceJa');
  if (t.counters.length > 12 || t.counters.some((c) => !c || c.length > 40)) bad.push('counters');
  if (!Number.isSafeInteger(t.ahead) || t.ahead < 0) bad.push('ahead');
  if (t.estimatedWaitMinutes !== null && (!Number.isSafeInteger(t.estimatedWaitMinutes) || t.estimatedWaitMinutes < 0)) bad.push('estimatedWaitMinutes');
  if (!/^https:\/\/[^\s]{1,500}$/.test(t.statusUrl)) bad.push('statusUrl');
  if (t.receiptNumber !== null && !/^[A-Za-z0-9-]{1,40}$/.test(t.receiptNumber)) bad.push('receiptNumber');
  if (!(t.issuedAt instanceof Date) || !Number.isFinite(t.issuedAt.getTime())) bad.push('issuedAt');
  if (!t.office || t.office.length > 40) bad.push('office');
  if (bad.length > 0) throw new QueueTicketError(bad);
}

const M = 56;
const W = A4.width - 2 * M;

/** 「約5分」, or 「まもなく」 when nobody waits before. */
export function waitTextJa(minutes: number | null): string {
  if (minutes === null) return '窓口でご案内します';
  return minutes === 0 ? 'まもなくお呼びします' : `約${minutes}分`;
}

/** Builds the ticket as data (exported for tests). */
export function planQueueTicket(t: QueueTicketInput, fonts: DocumentFonts): DocumentPlan {
  validate(t);
  const ops: DrawOp[] = [];
  const { line, centred } = lineWriter(ops, fonts, A4.width);

  let y = M;
  y = centred('番号札', y, { font: 'gothicBold', size: 32, field: 'title', charSpacing: 10 });
  y = centred('Queue ticket', y + 2, { font: 'gothic', size: 13, field: 'titleEn' }) + 16;
  y = centred(t.serviceJa, y, { font: 'gothicBold', size: 24, field: 'service' }) + 6;
  const boxTop = y;
  y = centred('受付番号', y + 14, { font: 'gothic', size: 14, field: 'numberLabel', color: '#333333' });
  y = centred(String(t.number), y + 4, { font: 'gothicBold', size: 110, field: 'number' }) + 10;
  ops.push({ kind: 'rect', x: M, y: boxTop, w: W, h: y - boxTop, stroke: { width: 2 } });
  y += 20;

  const qrSize = 150;
  const qrTop = y;
  const row = (label: string, value: string, field: string): void => {
    line(label, M, y, { font: 'gothic', size: 13, field: `${field}Label`, color: '#333333' });
    y = line(value, M + 130, y - 3, { font: 'gothicBold', size: 18, field }) + 8;
  };
  if (t.counters.length > 0) row('窓口', t.counters.join('・'), 'counters');
  row('前にお待ちの方', `${t.ahead}人`, 'ahead');
  row('待ち時間の目安', waitTextJa(t.estimatedWaitMinutes), 'wait');
  if (t.timing) row('ご予約', t.timing === 'on-time' ? '予約の時間どおり（優先してご案内）' : '予約の時間を過ぎたため順番にご案内', 'timing');
  if (t.receiptNumber) row('申請の受付番号', t.receiptNumber, 'receipt');
  const when = formatIssuedAt(t.issuedAt.toISOString());
  row('発行日時', when.wareki, 'issuedAt');
  ops.push(qrPath(t.statusUrl, M + W - qrSize, qrTop - 6, qrSize, 'M').op);
  y = Math.max(y, qrTop + qrSize) + 4;
  line('スマートフォンで待ち状況を確認できます', M + W - qrSize - 110, y, { font: 'gothic', size: 11, field: 'qrCaption' });
  y += 30;
  y = line('番号をお呼びしたら、表示された窓口へお越しください。', M, y, { font: 'gothic', size: 14, field: 'howTo' }) + 4;
  y = line('When your number is called, please go to the counter shown.', M, y, { font: 'gothic', size: 11, field: 'howToEn' }) + 4;
  y = line('待ち時間は目安です。順番は前後することがあります。', M, y, { font: 'gothic', size: 12, field: 'estimateNote', color: '#333333' }) + 12;
  line(t.office, M, y, { font: 'gothic', size: 12, field: 'office' });

  return {
    size: A4,
    pages: [{ ops }],
    info: { title: '番号札', subject: `番号札 ${t.number}`, author: t.office, creator: 'Madoguchi kiosk' },
  };
}

/** Renders the ticket to PDF bytes; throws {@link QueueTicketError} for input it must not print. */
export async function renderQueueTicket(t: QueueTicketInput, fonts: DocumentFonts = documentFonts()): Promise<Buffer> {
  const plan = planQueueTicket(t, fonts);
  assertGlyphs(textsOf(plan), fonts);
  return paintPdf(plan, fonts, t.issuedAt);
}
