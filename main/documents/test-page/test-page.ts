/**
 * The printer's test page (テストページ) of the self-test: A4, a title, the kiosk, the time and a
 * frame near the page's edges with a ruler, so a technician sees at once that the paper feeds
 * straight and the whole printable area prints. Nothing personal, nothing sealed. As with every
 * kiosk document: plan as data, check every glyph, then paint.
 */
import { documentFonts, type DocumentFonts } from '../fonts';
import { assertGlyphs } from '../glyph-check';
import { formatIssuedAt } from '../pdf-kit/japanese-date';
import { lineHeight } from '../pdf-kit/measure';
import { paintPdf } from '../pdf-kit/paint-pdf';
import { textsOf, type DocumentPlan, type DrawOp } from '../pdf-kit/plan';
import { textLine } from '../pdf-kit/text';
import { A4, mm } from '../pdf-kit/units';

export interface TestPageInput {
  kioskId: string;
  printedAt: Date;
}

/** 10 mm from each edge: inside any office printer's unprintable margin. */
const EDGE = mm(10);

/** Builds the test page as data (exported for tests). */
export function planTestPage(input: TestPageInput, fonts: DocumentFonts): DocumentPlan {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(input.kioskId)) throw new RangeError('kioskId is not a kiosk id');
  const ops: DrawOp[] = [];
  const left = EDGE;
  const right = A4.width - EDGE;
  const top = EDGE;
  const bottom = A4.height - EDGE;
  ops.push(
    { kind: 'line', x1: left, y1: top, x2: right, y2: top, width: 1 },
    { kind: 'line', x1: right, y1: top, x2: right, y2: bottom, width: 1 },
    { kind: 'line', x1: right, y1: bottom, x2: left, y2: bottom, width: 1 },
    { kind: 'line', x1: left, y1: bottom, x2: left, y2: top, width: 1 },
  );
  // A tick every centimetre along the top edge: a skewed or shrunk page shows in the ruler.
  for (let x = left + mm(10); x < right; x += mm(10)) ops.push({ kind: 'line', x1: x, y1: top, x2: x, y2: top + mm(4), width: 0.6 });
  let y = mm(40);
  const line = (text: string, size: number, field: string, font: 'gothic' | 'gothicBold' = 'gothic') => {
    ops.push(textLine(text, mm(25), y, { font, size, field }));
    y += lineHeight(fonts, font, size) + 6;
  };
  const when = formatIssuedAt(input.printedAt.toISOString());
  line('テストページ', 32, 'title', 'gothicBold');
  line('Printer test page', 18, 'titleEn');
  y += 12;
  line(`端末 Kiosk：${input.kioskId}`, 13, 'kioskId');
  line(`印刷日時 Printed：${when.wareki}（${when.western}）`, 13, 'printedAt');
  y += 12;
  line('自己診断で印刷しました。枠と目盛りが欠けずに印刷されていれば正常です。', 12, 'check');
  line('Printed by the self-test. The frame and ruler should print whole.', 12, 'checkEn');
  return { size: A4, pages: [{ ops }], info: { title: 'テストページ', subject: 'Printer test page', author: input.kioskId, creator: 'Madoguchi kiosk' } };
}

/** Renders the test page to PDF bytes. */
export async function renderTestPage(input: TestPageInput, fonts: DocumentFonts = documentFonts()): Promise<Buffer> {
  const plan = planTestPage(input, fonts);
  assertGlyphs(textsOf(plan), fonts);
  return paintPdf(plan, fonts, input.printedAt);
}
